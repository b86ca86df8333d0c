//! The highlighted view as HTML: the layout tree of [`crate::ui::highlight`] written out with
//! every piece of text escaped. The app inserts the result slice by slice, which is far faster
//! than building a reactive view node by node for a long text. Only the text of the analysed
//! article and values from the analysis appear in the output, always escaped; no markup from the
//! input ever does.
//!
//! DOM contract (tests rely on it): `mark.ent` (`data-type`, `data-canonical`, `data-rule`,
//! `data-key`, `data-part`), `q.quote`, `span.stance`, `span.frame`, `span.chrome`, blocks
//! `p.block[data-kind]`. Every highlight's first piece (`data-part="0"`) is focusable.

use super::highlight::{BlockView, Layer, Node};
use super::i18n::{self, Lang};
use crate::schema::{Analysis, BlockKind};
use std::fmt::Write;

/// A kind of highlight that can be shown or hidden (a layer toggle): the schema's one layer
/// vocabulary ([`crate::schema::Layer`]: ids, CSS selectors, protocol groups).
pub use crate::schema::Layer as Kind;

/// The kind of a rendered annotation.
pub fn kind_of(a: &Analysis, l: Layer) -> Kind {
    match l {
        Layer::Mention(i) => a
            .mentions
            .get(i)
            .map_or(Kind::Misc, |m| Kind::of_type(m.etype)),
        Layer::Date(_) => Kind::Date,
        Layer::Quote(_) => Kind::Quote,
        Layer::Stance(_) => Kind::Stance,
        Layer::Frame(_) => Kind::Frame,
        Layer::Chrome(_) => Kind::Chrome,
    }
}

/// The bit of a kind in [`Hidden`].
fn bit(k: Kind) -> u16 {
    1 << (k as u16)
}

/// A set of hidden kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Hidden(u16);

impl Hidden {
    pub fn contains(self, k: Kind) -> bool {
        self.0 & bit(k) != 0
    }
    pub fn toggled(self, k: Kind) -> Hidden {
        Hidden(self.0 ^ bit(k))
    }
    /// Space-separated `hide-*` classes for the view container.
    pub fn classes(self) -> String {
        Kind::ALL
            .iter()
            .filter(|k| self.contains(**k))
            .map(|k| format!("hide-{}", k.id()))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Number of highlights of each kind, in [`Kind::ALL`] order.
pub fn kind_counts(a: &Analysis) -> [usize; 9] {
    let mut n = [0; 9];
    for e in &a.entities {
        n[Kind::of_type(e.etype) as usize] += e.mentions.len();
    }
    n[Kind::Date as usize] = a.dates.len();
    n[Kind::Quote as usize] = a.quotes.len();
    n[Kind::Stance as usize] = a.stances.len();
    n[Kind::Frame as usize] = a.frames.len();
    n[Kind::Chrome as usize] = a.boilerplate.len();
    n
}

/// Appends `s` escaped for HTML text or a double-quoted attribute value.
pub fn escape(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape(out, value);
    out.push('"');
}

fn kind_class(k: BlockKind) -> &'static str {
    match k {
        BlockKind::Title => "title",
        BlockKind::Dateline => "dateline",
        BlockKind::Paragraph => "paragraph",
        BlockKind::Caption => "caption",
        BlockKind::Boilerplate => "boilerplate",
    }
}

/// Writes the blocks as HTML. `hidden` kinds are rendered (toggling is a class on the
/// container) but not focusable.
pub fn render_blocks(
    out: &mut String,
    text: &str,
    a: &Analysis,
    blocks: &[BlockView],
    lang: Lang,
    hidden: Hidden,
) {
    let t = lang.t();
    for b in blocks {
        let kind = kind_class(b.kind);
        let _ = write!(out, "<p class=\"block block-{kind}\" data-kind=\"{kind}\"");
        if b.kind == BlockKind::Boilerplate {
            if let Some(r) = b
                .block
                .and_then(|i| a.blocks.get(i))
                .and_then(|bl| bl.rule.as_ref())
            {
                attr(out, "data-rule", &r.id);
            }
            out.push_str("><span class=\"block-label\">");
            escape(out, t.chrome);
            out.push_str("</span> <span class=\"block-text\">");
            render_nodes(out, text, a, &b.nodes, lang, hidden);
            out.push_str("</span></p>");
        } else {
            out.push('>');
            render_nodes(out, text, a, &b.nodes, lang, hidden);
            out.push_str("</p>");
        }
    }
}

fn render_nodes(
    out: &mut String,
    text: &str,
    a: &Analysis,
    nodes: &[Node],
    lang: Lang,
    hidden: Hidden,
) {
    for n in nodes {
        match n {
            Node::Text { start, end } => escape(out, text.get(*start..*end).unwrap_or("")),
            Node::Span {
                layer,
                part,
                last,
                children,
                ..
            } => render_span(out, text, a, *layer, *part, *last, children, lang, hidden),
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn render_span(
    out: &mut String,
    text: &str,
    a: &Analysis,
    layer: Layer,
    part: usize,
    last: bool,
    children: &[Node],
    lang: Lang,
    hidden: Hidden,
) {
    let t = lang.t();
    let (tag, key, label): (&str, String, String) = match layer {
        Layer::Mention(i) => {
            let Some(m) = a.mentions.get(i) else {
                return render_nodes(out, text, a, children, lang, hidden);
            };
            let canonical = a
                .entities
                .get(m.entity)
                .map_or(m.text.as_str(), |e| e.canonical.as_str());
            let ty = m.etype.as_str();
            let _ = write!(out, "<mark class=\"ent ent-{ty}\" data-type=\"{ty}\"");
            attr(out, "data-canonical", canonical);
            attr(out, "data-rule", &m.rule.id);
            (
                "mark",
                format!("m{i}"),
                format!(" ({})", i18n::type_label(lang, m.etype)),
            )
        }
        Layer::Date(i) => {
            let Some(d) = a.dates.get(i) else {
                return render_nodes(out, text, a, children, lang, hidden);
            };
            out.push_str("<mark class=\"ent ent-DATE\" data-type=\"DATE\"");
            attr(out, "data-canonical", d.iso.as_deref().unwrap_or(&d.text));
            if let Some(iso) = &d.iso {
                attr(out, "data-iso", iso);
            }
            attr(out, "data-rule", &d.rule.id);
            ("mark", format!("d{i}"), format!(" ({})", t.date))
        }
        Layer::Quote(i) => {
            let Some(q) = a.quotes.get(i) else {
                return render_nodes(out, text, a, children, lang, hidden);
            };
            let speaker = q.speaker_text.as_deref().or_else(|| {
                q.speaker
                    .and_then(|s| a.entities.get(s))
                    .map(|e| e.canonical.as_str())
            });
            out.push_str("<q class=\"quote\"");
            if let Some(s) = speaker {
                attr(out, "data-speaker", s);
            }
            attr(out, "data-rule", &q.rule.id);
            let label = match (speaker, lang) {
                (Some(s), Lang::Fr) => format!(" (citation de {s})"),
                (Some(s), Lang::En) => format!(" (quote from {s})"),
                (None, _) => format!(" ({})", t.quote),
            };
            ("q", format!("q{i}"), label)
        }
        Layer::Stance(i) => {
            let Some(s) = a.stances.get(i) else {
                return render_nodes(out, text, a, children, lang, hidden);
            };
            let _ = write!(
                out,
                "<span class=\"stance\" data-polarity=\"{}\"",
                s.polarity.as_str()
            );
            let holder = super::explain::holder_names(a, s);
            if let Some(h) = &holder {
                attr(out, "data-holder", h);
            }
            attr(out, "data-rule", &s.rule.id);
            let pol = i18n::polarity_label(lang, s.polarity);
            (
                "span",
                format!("s{i}"),
                format!(" ({}\u{a0}: {pol})", t.stance),
            )
        }
        Layer::Frame(i) => {
            let Some(f) = a.frames.get(i) else {
                return render_nodes(out, text, a, children, lang, hidden);
            };
            out.push_str("<span class=\"frame\"");
            attr(out, "data-frame", &f.frame);
            attr(out, "data-rule", &f.rule.id);
            let label = i18n::frame_label(lang, &f.frame);
            (
                "span",
                format!("f{i}"),
                format!(" ({}\u{a0}: {label})", t.frame),
            )
        }
        Layer::Chrome(i) => {
            let Some(b) = a.boilerplate.get(i) else {
                return render_nodes(out, text, a, children, lang, hidden);
            };
            out.push_str("<span class=\"chrome\"");
            attr(out, "data-rule", &b.rule.id);
            ("span", format!("c{i}"), format!(" ({})", t.chrome))
        }
    };
    let _ = write!(out, " data-key=\"{key}\" data-part=\"{part}\"");
    if part == 0 {
        let focusable = !hidden.contains(kind_of(a, layer));
        out.push_str(if focusable {
            " tabindex=\"0\""
        } else {
            " tabindex=\"-1\""
        });
    }
    out.push('>');
    render_nodes(out, text, a, children, lang, hidden);
    if last {
        out.push_str("<span class=\"sr-only\">");
        escape(out, &label);
        out.push_str("</span>");
    }
    let _ = write!(out, "</{tag}>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::highlight;

    fn html(text: &str, lang: Lang) -> String {
        let a = crate::analyze(text);
        let mut out = String::new();
        render_blocks(
            &mut out,
            text,
            &a,
            &highlight::layout(text, &a),
            lang,
            Hidden::default(),
        );
        out
    }

    /// The visible text of some HTML (tags dropped, the five escapes decoded, screen-reader
    /// labels removed).
    fn visible(html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        let mut sr_depth = 0;
        while let Some(i) = rest.find('<') {
            if sr_depth == 0 {
                out.push_str(&rest[..i]);
            }
            let j = rest[i..].find('>').unwrap() + i;
            let tag = &rest[i..=j];
            if tag.starts_with("<span class=\"sr-only\"")
                || tag.starts_with("<span class=\"block-label\"")
            {
                sr_depth = 1;
            } else if sr_depth > 0 && tag == "</span>" {
                sr_depth = 0;
            }
            rest = &rest[j + 1..];
        }
        out.push_str(rest);
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn markup_in_the_text_is_escaped() {
        let text = "Le président <script>alert(1)</script> Emmanuel Macron a dit « <b>non</b> » & \"oui\" l'été.\n\n<img src=x onerror=alert(2)>";
        let h = html(text, Lang::Fr);
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("<img"), "{h}");
        assert!(!h.contains("<b>"), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
        let squash = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(squash(&visible(&h)), squash(text));
    }

    #[test]
    fn marks_carry_the_dom_contract() {
        let text = "« Nous soutenons fermement ce projet », a déclaré le président français Emmanuel Macron lundi 10 janvier 2022 contre l'hégémonie américaine.";
        let h = html(text, Lang::Fr);
        assert!(
            h.contains(
                "<mark class=\"ent ent-PER\" data-type=\"PER\" data-canonical=\"Emmanuel Macron\""
            ),
            "{h}"
        );
        assert!(
            h.contains("data-key=\"m0\" data-part=\"0\" tabindex=\"0\">"),
            "{h}"
        );
        assert!(
            h.contains("<span class=\"sr-only\"> (personne)</span>"),
            "{h}"
        );
        assert!(h.contains("<q class=\"quote\""), "{h}");
        assert!(h.contains("data-type=\"DATE\""), "{h}");
        let en = html(text, Lang::En);
        assert!(
            en.contains("<span class=\"sr-only\"> (person)</span>"),
            "{en}"
        );
    }

    #[test]
    fn hidden_kinds_are_not_focusable() {
        let text = "Le président français Emmanuel Macron est à Paris.";
        let a = crate::analyze(text);
        let mut out = String::new();
        let hidden = Hidden::default().toggled(Kind::Per);
        render_blocks(
            &mut out,
            text,
            &a,
            &highlight::layout(text, &a),
            Lang::Fr,
            hidden,
        );
        assert!(out.contains("data-type=\"PER\""));
        let per = &out[out.find("data-type=\"PER\"").unwrap()..];
        assert!(
            per[..per.find('>').unwrap()].contains("tabindex=\"-1\""),
            "{out}"
        );
        assert_eq!(hidden.classes(), "hide-per");
        assert!(!hidden.toggled(Kind::Per).contains(Kind::Per));
    }

    #[test]
    fn counts_per_kind() {
        let a = crate::analyze(
            "Le président français Emmanuel Macron est à Paris avec Emmanuel Macron.",
        );
        let n = kind_counts(&a);
        assert_eq!(n[Kind::Per as usize], 2);
        assert_eq!(n[Kind::Loc as usize], 1);
    }
}
