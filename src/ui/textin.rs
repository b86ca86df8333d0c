//! Turning what the user gives into plain text, without ever interpreting it as a page:
//!
//! - pasted or dropped HTML is read by a small tokenizer ([`html_to_text`]): it never builds a
//!   document, so nothing can run or load; [`tag_kind`] says which elements are skipped and where
//!   line breaks go, and a [`TextBuilder`] collapses spaces as a browser would;
//! - Markdown files lose their markup ([`strip_markdown`]);
//! - file names decide the format ([`file_format`]).

/// How an HTML element contributes to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagKind {
    /// Ignored with everything inside (scripts, styles, templates, forms' widgets…).
    Skip,
    /// A paragraph-level element: a blank line before and after.
    Block,
    /// A line-level element (list item, table row, `<br>`): a line break.
    Line,
    /// A table cell: a tab-like separator.
    Cell,
    /// Anything else: its text, inline.
    Inline,
}

/// The role of an element, by its (case-insensitive) tag name.
pub fn tag_kind(tag: &str) -> TagKind {
    let tag = tag.to_ascii_lowercase();
    match tag.as_str() {
        "script" | "style" | "noscript" | "template" | "head" | "title" | "meta" | "link"
        | "iframe" | "object" | "embed" | "svg" | "math" | "canvas" | "video" | "audio"
        | "select" | "textarea" | "input" | "button" | "img" | "picture" | "source" => {
            TagKind::Skip
        }
        "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "section" | "article"
        | "header" | "footer" | "nav" | "aside" | "main" | "blockquote" | "figure"
        | "figcaption" | "pre" | "ul" | "ol" | "dl" | "table" | "address" | "hr" | "form"
        | "fieldset" | "details" | "summary" | "body" | "html" => TagKind::Block,
        "li" | "tr" | "br" | "dt" | "dd" | "caption" => TagKind::Line,
        "td" | "th" => TagKind::Cell,
        _ => TagKind::Inline,
    }
}

/// Builds plain text from a walk over HTML: collapses white space as a browser does and keeps
/// paragraph structure (one article paragraph = one line, separated by a blank line).
#[derive(Debug, Default)]
pub struct TextBuilder {
    out: String,
    /// Pending break: 0 none, 1 line, 2 paragraph.
    pending: u8,
    /// A space is owed before the next word.
    space: bool,
    /// Inside `<pre>`: keep white space.
    pub pre: usize,
}

impl TextBuilder {
    pub fn new() -> Self {
        Self::default()
    }
    /// Text content of a text node.
    pub fn text(&mut self, s: &str) {
        if self.pre > 0 {
            if !s.is_empty() {
                self.flush_break();
                self.out.push_str(s);
            }
            return;
        }
        for (k, word) in s
            .split(|c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}')
            .enumerate()
        {
            if k > 0 {
                self.space = true;
            }
            if word.is_empty() {
                continue;
            }
            self.flush_break();
            if self.space && !self.out.is_empty() && !self.out.ends_with('\n') {
                self.out.push(' ');
            }
            self.space = false;
            self.out.push_str(word);
        }
    }
    fn flush_break(&mut self) {
        if self.pending > 0 && !self.out.is_empty() {
            let want = usize::from(self.pending);
            let have = self.out.len() - self.out.trim_end_matches('\n').len();
            for _ in have..want {
                self.out.push('\n');
            }
            self.space = false;
        }
        self.pending = 0;
    }
    /// A paragraph boundary.
    pub fn block(&mut self) {
        self.pending = 2;
    }
    /// A line boundary.
    pub fn line(&mut self) {
        self.pending = self.pending.max(1);
    }
    /// A table-cell boundary.
    pub fn cell(&mut self) {
        self.space = true;
    }
    pub fn finish(self) -> String {
        self.out.trim_end().to_string()
    }
}

/// Named character references decoded by [`html_to_text`] (the common ones in French news pages;
/// numeric references are always decoded).
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("hellip", '…'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("minus", '−'),
    ("euro", '€'),
    ("pound", '£'),
    ("dollar", '$'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("middot", '·'),
    ("bull", '•'),
    ("times", '×'),
    ("divide", '÷'),
    ("para", '¶'),
    ("sect", '§'),
    ("shy", '\u{ad}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("ordm", 'º'),
    ("ordf", 'ª'),
    ("sup2", '²'),
    ("frac12", '½'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("acirc", 'â'),
    ("auml", 'ä'),
    ("atilde", 'ã'),
    ("aring", 'å'),
    ("aelig", 'æ'),
    ("ccedil", 'ç'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("iacute", 'í'),
    ("igrave", 'ì'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("ntilde", 'ñ'),
    ("oacute", 'ó'),
    ("ograve", 'ò'),
    ("ocirc", 'ô'),
    ("ouml", 'ö'),
    ("otilde", 'õ'),
    ("oslash", 'ø'),
    ("oelig", 'œ'),
    ("szlig", 'ß'),
    ("uacute", 'ú'),
    ("ugrave", 'ù'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("yuml", 'ÿ'),
    ("Aacute", 'Á'),
    ("Agrave", 'À'),
    ("Acirc", 'Â'),
    ("Auml", 'Ä'),
    ("AElig", 'Æ'),
    ("Ccedil", 'Ç'),
    ("Eacute", 'É'),
    ("Egrave", 'È'),
    ("Ecirc", 'Ê'),
    ("Euml", 'Ë'),
    ("Icirc", 'Î'),
    ("Iuml", 'Ï'),
    ("Ocirc", 'Ô'),
    ("Ouml", 'Ö'),
    ("OElig", 'Œ'),
    ("Ugrave", 'Ù'),
    ("Ucirc", 'Û'),
    ("Uuml", 'Ü'),
    ("Yuml", 'Ÿ'),
    ("Ntilde", 'Ñ'),
    ("Oslash", 'Ø'),
];

/// Decodes character references (`&eacute;`, `&#233;`, `&#xE9;`) in a text run.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map_or(rest.len(), |e| e + 1);
        let name = &rest[1..end];
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let n = match num.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok(),
                None => num.parse::<u32>().ok(),
            };
            n.map(|n| {
                char::from_u32(n)
                    .filter(|c| *c != '\0')
                    .unwrap_or('\u{fffd}')
            })
        } else {
            ENTITIES.iter().find(|(k, _)| *k == name).map(|(_, c)| *c)
        };
        match decoded {
            Some(c) if end > 1 => {
                out.push(c);
                rest = &rest[end..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Plain text of an HTML document or fragment, without building a document: tags are read and
/// dropped (skipped elements with their content), text is decoded and its white space collapsed,
/// paragraphs become lines separated by a blank line. Nothing is ever run or loaded.
pub fn html_to_text(html: &str) -> String {
    let mut b = TextBuilder::new();
    let mut rest = html;
    // Inside a skipped element: its name and nesting depth.
    let mut skip: Option<(String, usize)> = None;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip.is_none() {
                b.text(&decode_entities(rest));
            }
            break;
        };
        if lt > 0 && skip.is_none() {
            b.text(&decode_entities(&rest[..lt]));
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = if closing { 2 } else { 1 };
        let name_len = rest[name_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
            .unwrap_or(rest.len() - name_start);
        if name_len == 0 || !rest[name_start..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            // A lone `<` is text.
            if skip.is_none() {
                b.text("<");
            }
            rest = &rest[1..];
            continue;
        }
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        // End of the tag, skipping quoted attribute values.
        let mut end = rest.len();
        let mut quote: Option<char> = None;
        for (i, c) in rest.char_indices().skip(name_start + name_len) {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '>') => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        let tag = &rest[..end.min(rest.len())];
        let self_closing = tag.ends_with('/');
        let attrs = tag.to_ascii_lowercase();
        rest = if end < rest.len() {
            &rest[end + 1..]
        } else {
            ""
        };
        if let Some((sname, depth)) = &mut skip {
            if *sname == name {
                if closing {
                    *depth -= 1;
                    if *depth == 0 {
                        skip = None;
                    }
                } else if !self_closing {
                    *depth += 1;
                }
            }
            continue;
        }
        let kind = tag_kind(&name);
        let hidden = attrs.contains(" hidden") || attrs.contains("aria-hidden=\"true\"");
        if !closing && (kind == TagKind::Skip || hidden) {
            let void = matches!(
                name.as_str(),
                "img" | "input" | "meta" | "link" | "source" | "embed" | "br" | "hr" | "wbr"
            );
            if !self_closing && !void {
                skip = Some((name, 1));
            }
            continue;
        }
        match kind {
            TagKind::Block => b.block(),
            TagKind::Line => b.line(),
            TagKind::Cell if !closing => b.cell(),
            _ => {}
        }
        if name == "pre" {
            if closing {
                b.pre = b.pre.saturating_sub(1);
            } else {
                b.pre += 1;
            }
        }
    }
    b.finish()
}

/// True when a pasted plain text is really HTML source (e.g. copied from "view source"): it
/// starts with a tag and contains a closing tag or a paragraph/line-break tag.
pub fn looks_like_html(s: &str) -> bool {
    let t = s.trim_start();
    let lower = t.get(..t.len().min(4096)).unwrap_or(t).to_ascii_lowercase();
    t.starts_with('<')
        && (lower.starts_with("<!doctype html")
            || lower.starts_with("<html")
            || [
                "</p>",
                "</div>",
                "</h1>",
                "</h2>",
                "</article>",
                "<br",
                "</span>",
                "</a>",
                "</li>",
            ]
            .iter()
            .any(|tag| lower.contains(tag)))
}

/// Supported file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Text,
    Html,
    Markdown,
}

/// The format of a file from its name (and MIME type when the name says nothing).
pub fn file_format(name: &str, mime: &str) -> Option<FileFormat> {
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext {
        "txt" | "text" => Some(FileFormat::Text),
        "html" | "htm" | "xhtml" => Some(FileFormat::Html),
        "md" | "markdown" => Some(FileFormat::Markdown),
        _ => match mime {
            "text/plain" => Some(FileFormat::Text),
            "text/html" => Some(FileFormat::Html),
            "text/markdown" => Some(FileFormat::Markdown),
            _ => None,
        },
    }
}

/// Removes Markdown markup (headings, emphasis, links, images, block quotes, code fences) and
/// keeps the words. Lines keep their order; nothing else is changed.
pub fn strip_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (k, line) in s.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let mut l = line.trim_end_matches('\r');
        let trimmed = l.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            continue;
        }
        if trimmed.len() >= 3 && trimmed.chars().all(|c| matches!(c, '-' | '*' | '_' | ' ')) {
            continue; // horizontal rule
        }
        let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
        if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            l = trimmed[hashes..].trim();
        }
        while let Some(rest) = l.trim_start().strip_prefix('>') {
            l = rest.trim_start();
        }
        out.push_str(&inline_markdown(l));
    }
    out
}

fn inline_markdown(l: &str) -> String {
    let mut out = String::with_capacity(l.len());
    let mut rest = l;
    while !rest.is_empty() {
        // Images ![alt](url) and links [text](url) → alt / text.
        let img = rest.starts_with("![");
        if img || rest.starts_with('[') {
            let open = if img { 2 } else { 1 };
            if let Some(close) = rest[open..].find("](") {
                let text_end = open + close;
                if let Some(paren) = rest[text_end + 2..].find(')') {
                    if !img {
                        out.push_str(&inline_markdown(&rest[open..text_end]));
                    }
                    rest = &rest[text_end + 2 + paren + 1..];
                    continue;
                }
            }
        }
        if rest.starts_with("**") || rest.starts_with("__") {
            rest = &rest[2..];
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        // `*word*`, `_word_`, `code`: drop the marker when it hugs a word.
        if matches!(c, '*' | '`') || (c == '_' && !out.ends_with(|x: char| x.is_alphanumeric())) {
            let next = rest[1..].chars().next();
            let prev = out.chars().last();
            let hugs = next.is_some_and(|n| !n.is_whitespace())
                || prev.is_some_and(|p| !p.is_whitespace());
            if hugs && !(c == '*' && out.trim().is_empty() && next == Some(' ')) {
                rest = &rest[1..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_collapses_spaces_and_keeps_paragraphs() {
        let mut b = TextBuilder::new();
        b.block();
        b.text("  Le   titre\n ");
        b.block();
        b.text("Premier ");
        b.text(" paragraphe,");
        b.text("\nsuite.");
        b.block();
        b.line();
        b.text("Ligne");
        b.line();
        b.text("suivante");
        assert_eq!(
            b.finish(),
            "Le titre\n\nPremier paragraphe, suite.\n\nLigne\nsuivante"
        );
    }

    #[test]
    fn tags() {
        assert_eq!(tag_kind("SCRIPT"), TagKind::Skip);
        assert_eq!(tag_kind("p"), TagKind::Block);
        assert_eq!(tag_kind("br"), TagKind::Line);
        assert_eq!(tag_kind("em"), TagKind::Inline);
        assert!(looks_like_html("<p>Bonjour</p>"));
        assert!(looks_like_html("  <!DOCTYPE html><title>x</title>"));
        assert!(!looks_like_html("Bonjour <b>"));
        assert!(!looks_like_html("< 3 ans"));
    }

    #[test]
    fn html_becomes_text_and_nothing_runs() {
        let html = "<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style>\
            <script>var a = '</p>'; alert(1)</script></head><body>\
            <h1>Visite &agrave; Ankara</h1><nav>Partager</nav>\
            <p>Le pr&eacute;sident <b>Emmanuel   Macron</b>\n a re&ccedil;u <a href=\"x?a=1&amp;b=>2\">M. Erdogan</a>.</p>\
            <img src=x onerror=\"alert(2)\"><p hidden>cach&eacute;</p><div aria-hidden=\"true\"><span>non</span></div>\
            <ul><li>un</li><li>deux&nbsp;&#8239;&#x2014; trois</li></ul><p>1 &lt; 2 &amp; 3 &gt; 2 &unknown; &#0;</p><!-- <p>commentaire</p> -->\
            <table><tr><td>a</td><td>b</td></tr></table><pre>  garde\n  les espaces</pre></body></html>";
        assert_eq!(
            html_to_text(html),
            "Visite à Ankara\n\nPartager\n\nLe président Emmanuel Macron a reçu M. Erdogan.\n\nun\ndeux\u{a0}\u{202f}— trois\n\n1 < 2 & 3 > 2 &unknown; \u{fffd}\n\na b\n\n  garde\n  les espaces"
        );
        // Hostile or broken input never panics and never yields markup.
        for s in [
            "<",
            "<<>>",
            "</",
            "<p",
            "<p class='x",
            "a < b",
            "<script>",
            "<!--",
            "&",
            "&#",
            "&#x;",
            "&#99999999;",
            "<é>",
            "<p>é</p",
        ] {
            let t = html_to_text(s);
            assert!(!t.contains("<p") && !t.contains("<script"), "{s:?} → {t:?}");
        }
        assert_eq!(html_to_text("a < b"), "a < b");
        assert_eq!(html_to_text("<p>a</p><p>b</p>"), "a\n\nb");
    }

    #[test]
    fn files() {
        assert_eq!(file_format("Article.HTML", ""), Some(FileFormat::Html));
        assert_eq!(file_format("a.md", ""), Some(FileFormat::Markdown));
        assert_eq!(file_format("a.txt", ""), Some(FileFormat::Text));
        assert_eq!(file_format("clip", "text/plain"), Some(FileFormat::Text));
        assert_eq!(file_format("photo.png", "image/png"), None);
    }

    #[test]
    fn markdown_is_stripped() {
        let md = "# Le titre\n\nUn **texte** avec un [lien](https://x.fr) et *de l'emphase*.\n> « Citation »\n![photo](a.png)\n---\nFin_de_ligne snake_case";
        assert_eq!(
            strip_markdown(md),
            "Le titre\n\nUn texte avec un lien et de l'emphase.\n« Citation »\n\n\nFin_de_ligne snake_case"
        );
        // Never panics on odd input.
        for s in [
            "[", "![", "[a](", "**", "_", "`", "#", "# ", "######", "[é](ü", "> > >",
        ] {
            let _ = strip_markdown(s);
        }
    }
}
