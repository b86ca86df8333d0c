//! The explanation popover of the selected highlight: a non-modal dialog next to the highlight,
//! never over it — below it, or above it when there is no room below (a sheet along the bottom
//! of the screen on phones, the highlight scrolled above it); see [`crate::ui::place`]. Enter on
//! a highlight moves focus into it; Esc closes it and returns focus to the highlight.

use super::{view as doc_view, Ui};
use crate::ui::explain::{self, explain};
use crate::ui::i18n;
use crate::ui::place::{self, Rect};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The union of the rectangles of every piece of the highlight `key` (viewport coordinates).
fn mark_rect(key: &str) -> Option<Rect> {
    let list = document()
        .query_selector_all(&format!("#{} [data-key=\"{key}\"]", doc_view::DOC_ID))
        .ok()?;
    let mut out: Option<Rect> = None;
    for i in 0..list.length() {
        let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let r = el.get_bounding_client_rect();
        if r.width() == 0.0 && r.height() == 0.0 {
            continue;
        }
        let r = Rect {
            left: r.left(),
            top: r.top(),
            right: r.right(),
            bottom: r.bottom(),
        };
        out = Some(match out {
            None => r,
            Some(o) => Rect {
                left: o.left.min(r.left),
                top: o.top.min(r.top),
                right: o.right.max(r.right),
                bottom: o.bottom.max(r.bottom),
            },
        });
    }
    out
}

/// Puts the open popover next to its highlight (measured now), scrolling the page first when
/// it fits on neither side and `may_scroll` (not on a resize: a phone's address bar showing or
/// hiding as the reader scrolls must not scroll the page back).
pub fn place_now(may_scroll: bool) {
    let Some(el) = document()
        .get_element_by_id("explain")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let Some(key) = el.get_attribute("data-for") else {
        return;
    };
    let Some(mark) = mark_rect(&key) else {
        return;
    };
    let w = window();
    let root = document().document_element();
    let vw = root
        .as_ref()
        .map(|r| r.client_width() as f64)
        .filter(|&v| v > 0.0)
        .or_else(|| w.inner_width().ok().and_then(|v| v.as_f64()))
        .unwrap_or(1024.0);
    let vh = root
        .as_ref()
        .map(|r| r.client_height() as f64)
        .filter(|&v| v > 0.0)
        .or_else(|| w.inner_height().ok().and_then(|v| v.as_f64()))
        .unwrap_or(768.0);
    let style = el.style();
    // The natural height under the style's own cap.
    let _ = style.remove_property("max-height");
    if vw >= place::SHEET_BELOW {
        let _ = style.set_property(
            "width",
            &format!("{}px", i18n::whole(place::MAX_WIDTH.min(vw - 16.0))),
        );
    }
    let height = el.offset_height() as f64;
    let mut p = place::place(mark, height, vw, vh, may_scroll);
    let mut mark = mark;
    if p.scroll_by.abs() >= 1.0 {
        // At once, whatever the page's `scroll-behavior`: the highlight is measured again now.
        let opts = web_sys::ScrollToOptions::new();
        opts.set_top(p.scroll_by);
        opts.set_behavior(web_sys::ScrollBehavior::Instant);
        w.scroll_by_with_scroll_to_options(&opts);
        mark = mark_rect(&key).unwrap_or(mark);
        p = place::place(mark, height, vw, vh, false);
    }
    let sheet = matches!(p.mode, place::Mode::Sheet | place::Mode::SheetTop);
    // A sheet is fixed to the screen; a popover belongs to the page (it scrolls with its mark).
    let (dx, dy) = if sheet {
        (0.0, 0.0)
    } else {
        (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0))
    };
    let px = |v: f64| format!("{}px", i18n::whole(v));
    let _ = style.set_property("top", &px(p.top + dy));
    let _ = style.set_property("left", &px(p.left + dx));
    let _ = style.set_property("width", &px(p.width));
    let _ = style.set_property("max-height", &px(p.max_height.floor()));
    let _ = style.set_property("bottom", "auto");
    let _ = el.set_attribute("data-placed", p.mode.as_str());
}

#[component]
pub fn Popover(ui: Ui) -> impl IntoView {
    let close = move || super::close_explanation(ui);
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            ev.stop_propagation();
            close();
        }
    };
    // Placed once it is in the page (and again when its contents or the window change).
    Effect::new(move |_| {
        ui.selected.track();
        ui.lang.track();
        request_animation_frame(|| place_now(true));
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        if ui.selected.get_untracked().is_some() {
            place_now(false);
        }
    });
    on_cleanup(move || resize.remove());
    move || {
        let sel = ui.selected.get()?;
        let lang = ui.lang.get();
        let t = lang.t();
        let x = ui
            .view()
            .with_doc(|d| explain(&d.text, &d.analysis, &sel.key, lang))
            .flatten()?;
        // A first position under the highlight until it is measured and placed (CSSOM
        // properties, `style:`, not a style attribute: the CSP forbids inline styles).
        let narrow = window()
            .inner_width()
            .ok()
            .and_then(|v| v.as_f64())
            .is_some_and(|v| v < place::SHEET_BELOW);
        let (top, left) = if narrow {
            (None, None)
        } else {
            (
                Some(format!("{}px", i18n::whole(sel.top + place::GAP))),
                Some(format!("{}px", i18n::whole(sel.left.max(place::MARGIN)))),
            )
        };
        let position = x.position.map(|(i, n)| format!("{i}/{n}"));
        let others_total = x.others_total;
        let shown = x.others.len();
        let has_others = !x.others.is_empty();
        let others_label = if x.kind == "quote" {
            t.f_speaker
        } else {
            t.other_mentions
        };
        let conf = x.confidence;
        let chain = x.chain.clone().map(|c| {
            view! {
                <div class="popover-chain">
                    <dt>{t.f_chain}</dt>
                    <dd>
                        <span class=if c.holder_found { "holder" } else { "holder none" }>{c.holder}</span>
                        <span class="arrow" aria-hidden="true">" → "</span>
                        <span class="polarity"><span aria-hidden="true">{c.glyph}" "</span>{c.polarity}</span>
                        <span class="arrow" aria-hidden="true">" → "</span>
                        <span class="target">{c.target}</span>
                    </dd>
                </div>
            }
        });
        let source = x.source.clone().map(|s| {
            // `file:line:` never breaks; the entry after it wraps between words only.
            let (head, rest) = match s.find(": ") {
                Some(k) => (s[..k + 1].to_string(), s[k + 1..].to_string()),
                None => (s.clone(), String::new()),
            };
            view! {
                <p class="popover-source">
                    <span class="label">{t.f_source}{if lang == crate::ui::i18n::Lang::Fr { "\u{a0}: " } else { ": " }}</span>
                    <code><span class="loc">{head}</span>{rest}</code>
                </p>
            }
        });
        let fr = lang == crate::ui::i18n::Lang::Fr;
        let colon = if fr { "\u{a0}:" } else { ":" };
        // The interface's quotation marks around quoted words.
        let (oq, cq) = if fr {
            ("«\u{a0}", "\u{a0}»")
        } else {
            ("“", "”")
        };
        Some(view! {
            <div id="explain" class=format!("popover open kind-{}", x.kind) role="dialog" aria-modal="false"
                aria-labelledby="explain-title" tabindex="-1" data-for=x.key.clone() data-rule=x.rule_id.clone()
                data-confidence=conf.as_str() style:top=top style:left=left on:keydown=on_keydown>
                <div class="popover-head">
                    <span class=format!("chip-dot dot-{}", x.kind) aria-hidden="true"></span>
                    <h2 id="explain-title">{x.title}{position.map(|p| view! { <span class="pos">" · " {p}</span> })}</h2>
                    <button type="button" class="close" aria-label=t.close title=t.close on:click=move |_| close()>"×"</button>
                </div>
                {(!x.text.is_empty()).then(|| view! { <p class="popover-text">{oq}{x.text.clone()}{cq}</p> })}
                <dl class="popover-rows">
                    {chain}
                    {x.facts.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                    {x.meaning.map(|m| view! { <div><dt>{t.f_frame}</dt><dd>{m}</dd></div> })}
                    {x.sentence.map(|s| view! { <div class="popover-sentence"><dt>{t.f_sentence}</dt><dd>{oq}{s}{cq}</dd></div> })}
                </dl>
                <div class="popover-why">
                    <h3>{t.f_why}</h3>
                    <ul>
                        {x.reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                    </ul>
                </div>
                <p class=format!("popover-confidence conf-{}", conf.as_str())>
                    <span class="label">{t.f_confidence}{colon}" "</span>
                    <span class="meter" aria-hidden="true">{explain::confidence_meter(conf)}" "</span>
                    <strong>{explain::confidence_label(lang, conf)}</strong>
                    <span class="help">" — " {explain::confidence_help(lang, conf)}</span>
                </p>
                {(x.kind != "date" && x.kind != "stance" && x.kind != "chrome").then(|| view! {
                    <div class="popover-others">
                        <h3>{others_label}{(others_total > 0).then(|| format!(" ({others_total})"))}</h3>
                        {if has_others {
                            view! {
                                <ul>
                                    {x.others.into_iter().map(|o| {
                                        let key = o.key.clone();
                                        view! { <li><button type="button" class="jump other" data-jump=o.key on:click=move |_| { ui.view().reveal(&key); }>{o.text}</button></li> }
                                    }).collect_view()}
                                    {(others_total > shown).then(|| view! { <li class="more">{format!("+{}", others_total - shown)}</li> })}
                                </ul>
                            }.into_any()
                        } else {
                            view! { <p class="none">{t.no_other_mention}</p> }.into_any()
                        }}
                    </div>
                })}
                {source}
            </div>
        })
    }
}
