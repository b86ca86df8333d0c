//! The explanation popover of the selected highlight: a non-modal dialog placed under the
//! highlight (a bottom sheet on phones). Enter on a highlight moves focus into it; Esc closes it
//! and returns focus to the highlight.

use super::{view as doc_view, Ui};
use crate::ui::explain::explain;
use leptos::prelude::*;

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
    move || {
        let sel = ui.selected.get()?;
        let lang = ui.lang.get();
        let t = lang.t();
        let x = doc_view::with_doc(|d| explain(&d.analysis, &sel.key, lang)).flatten()?;
        let vw = web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|v| v.as_f64())
            .unwrap_or(1024.0);
        let width = 360.0_f64.min(vw - 16.0);
        let left = sel.left.min(vw - width - 8.0).max(8.0);
        // CSSOM properties (`style:`), not a style attribute: the CSP forbids inline styles.
        let (top, left, width) = (
            format!("{:.0}px", sel.top + 6.0),
            format!("{left:.0}px"),
            format!("{width:.0}px"),
        );
        let position = x.position.map(|(i, n)| format!("{i}/{n}"));
        let others_total = x.others_total;
        let shown = x.others.len();
        let has_others = !x.others.is_empty();
        let others_label = if x.kind == "quote" {
            t.f_speaker
        } else {
            t.other_mentions
        };
        Some(view! {
            <div id="explain" class=format!("popover open kind-{}", x.kind) role="dialog" aria-modal="false"
                aria-labelledby="explain-title" tabindex="-1" style:top=top style:left=left style:width=width on:keydown=on_keydown>
                <div class="popover-head">
                    <span class=format!("chip-dot dot-{}", x.kind) aria-hidden="true"></span>
                    <h2 id="explain-title">{x.title}{position.map(|p| view! { <span class="pos">" · " {p}</span> })}</h2>
                    <button type="button" class="close" aria-label=t.close title=t.close on:click=move |_| close()>"×"</button>
                </div>
                {(!x.text.is_empty()).then(|| view! { <p class="popover-text">"« " {x.text.clone()} " »"</p> })}
                <dl class="popover-rows">
                    {x.rows.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                </dl>
                {(x.kind != "date" && x.kind != "stance" && x.kind != "chrome").then(|| view! {
                    <div class="popover-others">
                        <h3>{others_label}{(others_total > 0).then(|| format!(" ({others_total})"))}</h3>
                        {if has_others {
                            view! {
                                <ul>
                                    {x.others.into_iter().map(|o| {
                                        let key = o.key.clone();
                                        view! { <li><button type="button" class="jump other" data-jump=o.key on:click=move |_| { doc_view::reveal(&key); }>{o.text}</button></li> }
                                    }).collect_view()}
                                    {(others_total > shown).then(|| view! { <li class="more">{format!("+{}", others_total - shown)}</li> })}
                                </ul>
                            }.into_any()
                        } else {
                            view! { <p class="none">{t.no_other_mention}</p> }.into_any()
                        }}
                    </div>
                })}
            </div>
        })
    }
}
