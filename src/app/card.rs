//! The summary card, as the core built it. Every person, organisation, place, quote, stance and
//! frame is a button that jumps to its mentions in the text.

use super::{jump, Ui};
use crate::schema::Analysis;
use crate::ui::i18n::{self, Lang};
use leptos::prelude::*;
use std::sync::Arc;

fn first_mention(a: &Analysis, entity: usize) -> Option<String> {
    a.entities
        .get(entity)
        .and_then(|e| e.mentions.first())
        .map(|m| format!("m{m}"))
}

/// A button that reveals the highlight `key` (none when there is nothing to jump to).
fn jump_button(ui: Ui, key: Option<String>, label: AnyView, class: &'static str) -> AnyView {
    match key {
        Some(k) => view! {
            <button type="button" class=format!("jump {class}") data-jump=k.clone() on:click=move |_| jump(ui, &k)>
                {label}
            </button>
        }
        .into_any(),
        None => view! { <span class=class>{label}</span> }.into_any(),
    }
}

#[component]
pub fn Card(ui: Ui) -> impl IntoView {
    move || {
        let lang = ui.lang.get();
        let t = lang.t();
        match ui.head.get() {
            None => view! { <p class="empty">{t.empty_card}</p> }.into_any(),
            Some(h) => card_body(ui, lang, h.analysis.clone().into()).into_any(),
        }
    }
}

fn card_body(ui: Ui, lang: Lang, a: Arc<Analysis>) -> impl IntoView {
    let t = lang.t();
    let c = &a.card;
    let title = c.title.clone().unwrap_or_else(|| t.untitled.to_string());
    let publisher = c.publisher.clone();
    let date = c.date.clone();
    let has_meta = publisher.is_some() || date.is_some();
    let words = i18n::words_line(lang, c.words, c.reading_minutes);
    let summary = c.summary.clone();
    let people: Vec<_> = c
        .people
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                p.role.clone(),
                first_mention(&a, p.entity),
                p.mentions,
            )
        })
        .collect();
    let orgs: Vec<_> = c
        .organizations
        .iter()
        .map(|o| {
            (
                o.name.clone(),
                o.acronym.clone(),
                first_mention(&a, o.entity),
                o.mentions,
            )
        })
        .collect();
    let places: Vec<_> = c
        .places
        .iter()
        .map(|p| (p.name.clone(), first_mention(&a, p.entity)))
        .collect();
    let quotes: Vec<_> = c
        .quotes
        .iter()
        .map(|q| (q.text.clone(), q.speaker.clone(), format!("q{}", q.quote)))
        .collect();
    let matrix: Vec<_> = c
        .stance_matrix
        .iter()
        .map(|s| {
            (
                s.holder.clone(),
                s.polarity,
                s.target.clone(),
                s.count,
                s.stances.first().map(|i| format!("s{i}")),
            )
        })
        .collect();
    let max_frame = c.frames.iter().map(|f| f.count).max().unwrap_or(1).max(1);
    let frames: Vec<_> = c
        .frames
        .iter()
        .map(|f| (f.frame.clone(), i18n::frame_label(lang, &f.frame), f.count))
        .collect();
    let mentions_label = move |n: usize| i18n::count(lang, n, "mention", "mentions");
    view! {
        <h3 class="card-title">{title}</h3>
        {has_meta.then(|| view! {
            <p class="card-meta">
                {publisher.map(|p| view! {
                    <span class="publisher">
                        {p.name}
                        {p.state_affiliated.then(|| view! {
                            " " <span class="badge badge-state" title=t.state_media_title>{t.state_media}</span>
                        })}
                        {p.country.map(|c| view! { <span class="country">" (" {c} ")"</span> })}
                    </span>
                })}
                {date.map(|d| view! {
                    <span class="date"><time datetime=d.clone()>{i18n::date_label(lang, &d)}</time></span>
                })}
            </p>
        })}
        <p class="card-words">{words}</p>
        <p class="card-hint">{t.jump_hint}</p>
        {(!summary.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>{t.in_brief}</h4>
                <ol class="summary">
                    {summary.into_iter().map(|s| view! { <li>{s.text}</li> }).collect_view()}
                </ol>
            </section>
        })}
        {(!people.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>{t.people}</h4>
                <ul class="people">
                    {people.into_iter().map(|(name, role, key, n)| {
                        let label = view! {
                            <span class="name">{name}</span>
                            {role.map(|r| view! { <span class="role">{r}</span> })}
                            <span class="n">{mentions_label(n)}</span>
                        }.into_any();
                        view! { <li>{jump_button(ui, key, label, "ent-PER")}</li> }
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!orgs.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>{t.organisations}</h4>
                <ul class="orgs">
                    {orgs.into_iter().map(|(name, acronym, key, n)| {
                        let label = view! {
                            <span class="name">{name}</span>
                            {acronym.map(|ac| view! { " " <abbr class="acronym">{ac}</abbr> })}
                            <span class="n">{mentions_label(n)}</span>
                        }.into_any();
                        view! { <li>{jump_button(ui, key, label, "ent-ORG")}</li> }
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!places.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>{t.places}</h4>
                <ul class="places inline-list">
                    {places.into_iter().map(|(name, key)| {
                        view! { <li>{jump_button(ui, key, view! { {name} }.into_any(), "chip ent-LOC")}</li> }
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!matrix.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>{t.stances}</h4>
                // Explicit roles: on a narrow card each row is laid out as a small grid
                // (www/style.css), and the table must stay a table for screen readers.
                <table class="stances" role="table">
                    <thead role="rowgroup"><tr role="row">
                        <th scope="col" role="columnheader">{t.holder}</th>
                        <th scope="col" role="columnheader">{t.position}</th>
                        <th scope="col" role="columnheader">{t.target}</th>
                    </tr></thead>
                    <tbody role="rowgroup">
                        {matrix.into_iter().map(|(holder, pol, target, count, key)| {
                            let label = view! { <span class="holder">{holder}</span> }.into_any();
                            view! {
                                <tr data-polarity=pol.as_str() role="row">
                                    <td class="holder-cell" role="cell">{jump_button(ui, key, label, "")}</td>
                                    <td class="polarity" role="cell">
                                        <span class="glyph" aria-hidden="true">{i18n::polarity_glyph(pol)}</span>
                                        " " {i18n::polarity_label(lang, pol)}
                                        {(count > 1).then(|| format!(" ×{count}"))}
                                    </td>
                                    <td class="target" role="cell" data-label=i18n::target_prefix(lang)>{target}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        })}
        {(!quotes.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>{t.key_quotes}</h4>
                <ul class="quotes">
                    {quotes.into_iter().map(|(text, speaker, key)| {
                        let label = view! {
                            <span class="qtext">"«\u{a0}" {text} "\u{a0}»"</span>
                            <span class="speaker">"— " {speaker.unwrap_or_else(|| t.unknown_speaker.to_string())}</span>
                        }.into_any();
                        view! { <li>{jump_button(ui, Some(key), label, "quote-item")}</li> }
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!frames.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>{t.frames}</h4>
                <ul class="frames">
                    {frames.into_iter().map(|(id, label, count)| {
                        let pct = count * 100 / max_frame;
                        let key = id.clone();
                        view! {
                            <li data-frame=id>
                                <button type="button" class="jump frame-row" on:click=move |_| super::jump_frame(ui, &key)>
                                    <span class="name">{label}</span>
                                    <span class="bar" aria-hidden="true"><span style:width=format!("{pct}%")></span></span>
                                    <span class="count">{format!("× {count}")}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
        <Exports ui=ui />
    }
}

/// A small line icon (24 × 24, drawn with the text colour), hidden from assistive technology.
pub fn icon(d: &'static str) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=d fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"></path>
        </svg>
    }
}

#[component]
fn Exports(ui: Ui) -> impl IntoView {
    let t = move || ui.lang.get().t();
    let disabled = move || !ui.done.get();
    view! {
        <section class="card-section exports" aria-labelledby="export-heading">
            <h4 id="export-heading">{move || t().export}</h4>
            <div class="export-buttons">
                <button id="export-md" type="button" prop:disabled=disabled on:click=move |_| super::export_markdown(ui)>
                    {icon("M9 9h10v10H9zM5 15V5h10")}{move || t().export_md}
                </button>
                <button id="export-json" type="button" prop:disabled=disabled on:click=move |_| super::export_json(ui)>
                    {icon("M12 4v11m-4-4 4 4 4-4M5 19h14")}{move || t().export_json}
                </button>
                <button id="export-png" type="button" prop:disabled=disabled on:click=move |_| super::export_png(ui)>
                    {icon("M4 5h16v14H4zM4 15l4-4 4 4 3-3 5 5")}{move || t().export_png}
                </button>
                <button id="export-share" type="button" prop:disabled=disabled on:click=move |_| super::export_share(ui)>
                    {icon("M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1")}{move || t().export_share}
                </button>
            </div>
            {move || ui.share_url.get().map(|url| view! {
                <label class="share-label" for="share-url">{t().share_url_label}</label>
                <input id="share-url" class="share-url" type="text" readonly value=url.clone() prop:value=url
                    on:focus=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            i.select();
                        }
                    } />
            })}
        </section>
    }
}
