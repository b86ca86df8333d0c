//! The summary card drawn on a canvas and downloaded as PNG (Canvas 2D only: no image crate, no
//! HTML-to-image trick, nothing that could taint the canvas). Always the light theme, at 2× for
//! sharp text.

use crate::schema::{Analysis, Confidence};
use crate::ui::i18n::{self, Lang};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const W: f64 = 720.0;
const PAD: f64 = 36.0;
const SCALE: f64 = 2.0;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

/// Writes the card twice: once to measure its height, once to draw.
struct Pen<'a> {
    cx: &'a web_sys::CanvasRenderingContext2d,
    y: f64,
    draw: bool,
}

impl Pen<'_> {
    fn font(&self, weight: u32, size: u32) {
        self.cx.set_font(&format!("{weight} {size}px {FONT}"));
    }
    fn colour(&self, c: &str) {
        self.cx.set_fill_style_str(c);
    }
    /// Wrapped text at x with the given width; advances y.
    fn para(&mut self, text: &str, x: f64, width: f64, size: f64, line: f64) {
        let mut cur = String::new();
        let mut lines = Vec::new();
        for word in text.split_whitespace() {
            let cand = if cur.is_empty() {
                word.to_string()
            } else {
                format!("{cur} {word}")
            };
            let w = self
                .cx
                .measure_text(&cand)
                .map(|m| m.width())
                .unwrap_or(0.0);
            if w > width && !cur.is_empty() {
                lines.push(std::mem::replace(&mut cur, word.to_string()));
            } else {
                cur = cand;
            }
        }
        if !cur.is_empty() {
            lines.push(cur);
        }
        for l in lines {
            self.y += line;
            if self.draw {
                let _ = self
                    .cx
                    .fill_text(&l, x, self.y - (line - size) / 2.0 - size * 0.2);
            }
        }
    }
    fn heading(&mut self, text: &str) {
        self.y += 18.0;
        if self.draw {
            self.cx.set_fill_style_str("#d8dde3");
            self.cx.fill_rect(PAD, self.y, W - 2.0 * PAD, 1.0);
        }
        self.y += 8.0;
        self.font(700, 15);
        self.colour("#0b5394");
        self.para(&text.to_uppercase(), PAD, W - 2.0 * PAD, 15.0, 22.0);
        self.y += 2.0;
    }
}

fn paint(cx: &web_sys::CanvasRenderingContext2d, a: &Analysis, lang: Lang, draw: bool) -> f64 {
    let t = lang.t();
    let c = &a.card;
    // Items of confidence `guess` end with « (à vérifier) », explained once at the bottom.
    let marked = std::cell::Cell::new(false);
    let mark = |conf: Confidence| -> String {
        if conf == Confidence::Guess {
            marked.set(true);
            format!(" ({})", i18n::to_check(lang))
        } else {
            String::new()
        }
    };
    let inner = W - 2.0 * PAD;
    let mut p = Pen { cx, y: 0.0, draw };
    // Header band.
    if draw {
        cx.set_fill_style_str("#0b5394");
        cx.fill_rect(0.0, 0.0, W, 56.0);
        cx.set_stroke_style_str("#ffffff");
        cx.set_line_width(4.0);
        cx.begin_path();
        let _ = cx.arc(PAD + 10.0, 25.0, 9.0, 0.0, std::f64::consts::TAU);
        cx.move_to(PAD + 17.0, 32.0);
        cx.line_to(PAD + 25.0, 40.0);
        cx.stroke();
        p.font(700, 22);
        p.colour("#ffffff");
        let _ = cx.fill_text("Loupe", PAD + 36.0, 36.0);
        let w = cx.measure_text("Loupe").map(|m| m.width()).unwrap_or(64.0);
        p.font(400, 15);
        let _ = cx.fill_text(&format!("·  {}", t.card_heading), PAD + 46.0 + w, 35.0);
    }
    p.y = 70.0;
    p.font(700, 26);
    p.colour("#1b1f24");
    p.para(
        c.title.as_deref().unwrap_or(t.untitled),
        PAD,
        inner,
        26.0,
        34.0,
    );
    let mut meta = Vec::new();
    if let Some(pb) = &c.publisher {
        meta.push(if pb.state_affiliated {
            format!("{} ({})", pb.name, t.state_media)
        } else {
            pb.name.clone()
        });
    }
    if let Some(d) = &c.date {
        meta.push(i18n::date_label(lang, d));
    }
    meta.push(i18n::words_line(lang, c.words, c.reading_minutes));
    p.y += 4.0;
    p.font(400, 15);
    p.colour("#5a6470");
    p.para(&meta.join(" · "), PAD, inner, 15.0, 22.0);
    if !c.summary.is_empty() {
        p.heading(t.in_brief);
        p.font(400, 15);
        p.colour("#1b1f24");
        for (k, s) in c.summary.iter().enumerate() {
            p.para(&format!("{}. {}", k + 1, s.text), PAD, inner, 15.0, 22.0);
            p.y += 4.0;
        }
    }
    if !c.people.is_empty() {
        p.heading(t.people);
        p.colour("#1b1f24");
        for person in c.people.iter().take(8) {
            p.font(400, 15);
            let line = match &person.role {
                Some(r) => format!("{} — {r}{}", person.name, mark(person.confidence)),
                None => format!("{}{}", person.name, mark(person.confidence)),
            };
            p.para(&line, PAD, inner, 15.0, 22.0);
        }
    }
    let list = |p: &mut Pen, title: &str, items: Vec<String>| {
        if items.is_empty() {
            return;
        }
        p.heading(title);
        p.font(400, 15);
        p.colour("#1b1f24");
        p.para(&items.join(" · "), PAD, inner, 15.0, 22.0);
    };
    list(
        &mut p,
        t.organisations,
        c.organizations
            .iter()
            .take(12)
            .map(|o| match &o.acronym {
                Some(ac) => format!("{} ({ac}){}", o.name, mark(o.confidence)),
                None => format!("{}{}", o.name, mark(o.confidence)),
            })
            .collect(),
    );
    list(
        &mut p,
        t.places,
        c.places
            .iter()
            .take(16)
            .map(|x| format!("{}{}", x.name, mark(x.confidence)))
            .collect(),
    );
    if !c.stance_matrix.is_empty() {
        p.heading(t.stances);
        p.font(400, 15);
        p.colour("#1b1f24");
        for s in c.stance_matrix.iter().take(6) {
            let line = format!(
                "{}{} {} {} {}{}",
                i18n::holder_label(lang, &s.holder),
                mark(s.confidence),
                i18n::polarity_glyph(s.polarity),
                i18n::polarity_label(lang, s.polarity),
                s.target,
                if s.count > 1 {
                    format!(" ×{}", s.count)
                } else {
                    String::new()
                }
            );
            p.para(&line, PAD, inner, 15.0, 22.0);
        }
    }
    if !c.quotes.is_empty() {
        p.heading(t.key_quotes);
        for q in c.quotes.iter().take(3) {
            if draw {
                cx.set_fill_style_str("#d55e00");
                cx.fill_rect(PAD, p.y + 6.0, 3.0, 18.0);
            }
            p.font(400, 15);
            p.colour("#1b1f24");
            p.para(
                &format!("« {} »", q.text),
                PAD + 14.0,
                inner - 14.0,
                15.0,
                22.0,
            );
            p.colour("#5a6470");
            p.para(
                &format!(
                    "— {}{}",
                    q.speaker.as_deref().unwrap_or(t.unknown_speaker),
                    mark(q.confidence)
                ),
                PAD + 14.0,
                inner - 14.0,
                15.0,
                22.0,
            );
            p.y += 6.0;
        }
    }
    if !c.frames.is_empty() {
        p.heading(t.frames);
        let max = c.frames.iter().map(|f| f.count).max().unwrap_or(1).max(1) as f64;
        for f in c.frames.iter().take(8) {
            p.y += 26.0;
            if draw {
                p.font(400, 14);
                p.colour("#1b1f24");
                let _ = cx.fill_text(&i18n::frame_label(lang, &f.frame), PAD, p.y - 8.0);
                let bx = PAD + 250.0;
                let bw = (inner - 300.0) * f.count as f64 / max;
                cx.set_fill_style_str("#0072b2");
                cx.fill_rect(bx, p.y - 20.0, bw.max(3.0), 14.0);
                p.colour("#1b1f24");
                let _ = cx.fill_text(&format!("× {}", f.count), bx + bw + 8.0, p.y - 8.0);
            }
        }
    }
    if marked.get() {
        p.y += 10.0;
        p.font(400, 13);
        p.colour("#5a6470");
        p.para(i18n::to_check_help(lang), PAD, inner, 13.0, 19.0);
    }
    p.y += 24.0;
    if draw {
        p.font(400, 12);
        p.colour("#5a6470");
        let _ = cx.fill_text(&format!("Loupe · {}", a.schema), PAD, p.y);
    }
    p.y + PAD / 2.0
}

/// Draws the card of `a` and downloads it as `loupe-fiche.png`.
pub fn download_card(a: &Analysis, lang: Lang, on_done: impl FnOnce(bool) + 'static) {
    let result = (|| -> Option<()> {
        let doc = leptos::prelude::document();
        let canvas: web_sys::HtmlCanvasElement =
            doc.create_element("canvas").ok()?.dyn_into().ok()?;
        canvas.set_width((W * SCALE) as u32);
        canvas.set_height(10);
        let cx: web_sys::CanvasRenderingContext2d =
            canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let h = paint(&cx, a, lang, false).ceil();
        canvas.set_height((h * SCALE) as u32);
        // Resizing resets the context.
        let _ = cx.scale(SCALE, SCALE);
        cx.set_fill_style_str("#ffffff");
        cx.fill_rect(0.0, 0.0, W, h);
        cx.set_text_baseline("alphabetic");
        paint(&cx, a, lang, true);
        let cb = Closure::once_into_js(move |blob: JsValue| {
            let ok = blob
                .dyn_into::<web_sys::Blob>()
                .is_ok_and(|b| super::browser::download(&b, "loupe-fiche.png"));
            on_done(ok);
        });
        canvas
            .to_blob_with_type(cb.unchecked_ref(), "image/png")
            .ok()
    })();
    if result.is_none() {
        web_sys::console::error_1(&"Loupe: the card image could not be drawn".into());
    }
}
