//! The summary card, as the core built it. Every person, organisation, place, quote, stance and
//! frame is a button that jumps to its mentions in the text.
//!
//! Claims are shown with their strength: an item of confidence `guess` carries a quiet
//! « à vérifier » marker (icon and text, explained in its tooltip and under the card) and a
//! lighter style; `sure` and `likely` items look alike (most rule-based findings are `likely`:
//! marking them too would drown the weak ones). Each person, organisation, place, stance cell
//! and key quote has a small « Écarter » button: the item is struck through in place with
//! « Rétablir » (focus moves there, so undo is one key press), left out of the Markdown, PNG and
//! JSON exports, and its highlights in the text are toned down (still there: the text keeps
//! showing what Loupe found, and where). Dismissed items are kept per text
//! ([`crate::ui::dismiss`]).
//!
//! In embed mode (`?embed=1`) the card is short — actors as chips, two stances, a « Voir toute
//! la fiche » button — so that the widget's height stays close to its content.

use super::{browser, jump, Ui};
use crate::schema::{Analysis, Confidence};
use crate::ui::dismiss::{self, Dismissed};
use crate::ui::i18n::{self, Lang, ResultNote};
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The dismissed items of the text on screen, and the storage key of that text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DismissState {
    pub key: String,
    pub items: Dismissed,
}

thread_local! {
    /// The stylesheet that tones down the highlights of dismissed items (constructed, so the
    /// CSP's `style-src 'self'` allows it). A global on purpose: it is adopted by the one
    /// `document` (itself process-wide), and is created once and only rewritten afterwards.
    static SHEET: RefCell<Option<wasm_bindgen::JsValue>> = const { RefCell::new(None) };
}

/// The dismissed items kept for `text`.
pub fn load_dismissed(ui: Ui, text: &str) -> DismissState {
    let key = dismiss::storage_key(text);
    let json = ui
        .book()
        .dismissed_session
        .borrow()
        .get(&key)
        .cloned()
        .or_else(|| browser::load(&key));
    DismissState {
        items: json.map(|j| Dismissed::parse(&j)).unwrap_or_default(),
        key,
    }
}

fn save_dismissed(ui: Ui, st: &DismissState) {
    let json = st.items.to_json();
    ui.book()
        .dismissed_session
        .borrow_mut()
        .insert(st.key.clone(), json.clone());
    if st.items.is_empty() {
        browser::remove(&st.key);
    } else {
        // Blocked or full storage: kept for the session (above), silently.
        let _ = browser::store(&st.key, &json);
    }
}

/// Dismisses or restores the item `id`, then moves the focus to the item's other button
/// (« Rétablir » after dismissing, « Écarter » after restoring).
fn toggle(ui: Ui, id: String) {
    let mut st = ui.dismissed.get_untracked();
    if st.key.is_empty() {
        return;
    }
    st.items.toggle(&id);
    save_dismissed(ui, &st);
    ui.dismissed.set(st);
    leptos::prelude::request_animation_frame(move || {
        let doc = leptos::prelude::document();
        let Ok(list) = doc.query_selector_all("#card [data-item]") else {
            return;
        };
        for i in 0..list.length() {
            let Some(el) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            if el.get_attribute("data-item").as_deref() == Some(id.as_str()) {
                if let Some(b) = el
                    .query_selector("button.dismiss, button.restore")
                    .ok()
                    .flatten()
                    .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = b.focus();
                }
                return;
            }
        }
    });
}

/// Tones down the highlights of dismissed items in the text (every slice, also those rendered
/// later) and says « écarté » in their screen-reader label.
pub fn style_dismissed_highlights(keys: &[String], lang: Lang) {
    let css = if keys.is_empty() {
        String::new()
    } else {
        let sel: Vec<String> = keys.iter().map(|k| format!("[data-key=\"{k}\"]")).collect();
        let sel = sel.join(",");
        format!(
            "#result-doc :is({sel}) {{ background: none !important; color: var(--muted) !important; \
             text-decoration-color: var(--muted) !important; text-decoration-style: dotted !important; \
             font-style: normal !important; font-weight: inherit !important; box-shadow: none !important; }}\n\
             #result-doc :is({sel}) > .sr-only::after {{ content: \", {}\"; }}",
            i18n::dismissed_word(lang)
        )
    };
    SHEET.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            if css.is_empty() {
                return;
            }
            let Some(sheet) = construct_sheet() else {
                return;
            };
            *cell = Some(sheet);
        }
        if let Some(sheet) = cell.as_ref() {
            if let Ok(f) = js_sys::Reflect::get(sheet, &"replaceSync".into())
                .and_then(|f| f.dyn_into::<js_sys::Function>())
            {
                let _ = f.call1(sheet, &css.into());
            }
        }
    });
}

/// `new CSSStyleSheet()`, appended to `document.adoptedStyleSheets`.
fn construct_sheet() -> Option<wasm_bindgen::JsValue> {
    let global = js_sys::global();
    let ctor = js_sys::Reflect::get(&global, &"CSSStyleSheet".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let sheet = js_sys::Reflect::construct(&ctor, &js_sys::Array::new()).ok()?;
    let doc = leptos::prelude::document();
    let list = js_sys::Reflect::get(&doc, &"adoptedStyleSheets".into()).ok()?;
    let arr = js_sys::Array::from(&list);
    arr.push(&sheet);
    js_sys::Reflect::set(&doc, &"adoptedStyleSheets".into(), &arr).ok()?;
    Some(sheet)
}

/// Embed mode (`?embed=1`): the card starts short.
fn embedded() -> bool {
    leptos::prelude::document()
        .document_element()
        .is_some_and(|r| r.has_attribute("data-embed"))
        || web_sys::window()
            .and_then(|w| w.location().search().ok())
            .is_some_and(|q| crate::protocol::EmbedConfig::from_query(&q).embed)
}

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

/// The « à vérifier » marker of a `guess` item (nothing for the others).
fn to_check(lang: Lang, c: Confidence) -> Option<AnyView> {
    (c == Confidence::Guess).then(|| {
        view! {
            <span class="to-check" title=i18n::to_check_help(lang)>
                {icon("M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM9.6 9.4a2.5 2.5 0 1 1 3.4 2.4c-.6.3-1 .8-1 1.5v.6M12 16.8v.1")}
                <span class="sr-only">", "</span>
                {i18n::to_check(lang)}
            </span>
        }
        .into_any()
    })
}

/// One dismissable item of the card: the item (with its jump) and « Écarter », or, once
/// dismissed, its struck-through name, « écarté » and « Rétablir ».
#[derive(Clone)]
struct Item {
    id: String,
    /// The item's name in the dismiss / restore labels.
    name: String,
    confidence: Confidence,
    key: Option<String>,
    class: &'static str,
}

fn dismiss_button(ui: Ui, lang: Lang, id: String, name: &str) -> impl IntoView {
    let label = i18n::dismiss_label(lang, name);
    view! {
        <button type="button" class="dismiss" aria-label=label.clone() title=label
            on:click=move |_| toggle(ui, id.clone())>
            {icon("M7 7l10 10M17 7 7 17")}
        </button>
    }
}

fn restore_button(ui: Ui, lang: Lang, id: String, name: &str) -> impl IntoView {
    view! {
        <button type="button" class="restore link" aria-label=i18n::restore_label(lang, name)
            on:click=move |_| toggle(ui, id.clone())>
            {i18n::restore(lang)}
        </button>
    }
}

fn dismissed_label(lang: Lang, name: String) -> impl IntoView {
    view! {
        <span class="gone">
            <s class="gone-name">{name}</s>
            " " <span class="gone-word">"(" {i18n::dismissed_word(lang)} ")"</span>
        </span>
    }
}

/// An item of the short card (embed mode): its jump only; dismissing is done in the whole card.
fn short_li(ui: Ui, it: Item, label: AnyView) -> impl IntoView {
    let guess = it.confidence == Confidence::Guess;
    view! {
        <li class="item" class:guess=guess data-item=it.id data-confidence=it.confidence.as_str()>
            {jump_button(ui, it.key, label, it.class)}
        </li>
    }
}

fn item_li(ui: Ui, lang: Lang, it: Item, dismissed: bool, label: AnyView) -> impl IntoView {
    let guess = it.confidence == Confidence::Guess;
    let id = it.id.clone();
    let body = if dismissed {
        view! {
            {dismissed_label(lang, it.name.clone())}
            {restore_button(ui, lang, it.id, &it.name)}
        }
        .into_any()
    } else {
        view! {
            {jump_button(ui, it.key, label, it.class)}
            {dismiss_button(ui, lang, it.id, &it.name)}
        }
        .into_any()
    };
    view! {
        <li class="item" class:guess=guess class:dismissed=dismissed data-item=id
            data-confidence=it.confidence.as_str()>
            {body}
        </li>
    }
}

#[component]
pub fn Card(ui: Ui) -> impl IntoView {
    // Embed mode: a short card until the reader asks for the whole of it.
    let full = RwSignal::new(false);
    Effect::new(move |_| {
        let lang = ui.lang.get();
        let st = ui.dismissed.get();
        let keys = ui
            .head
            .get()
            .map(|h| st.items.highlight_keys(&h.analysis))
            .unwrap_or_default();
        style_dismissed_highlights(&keys, lang);
    });
    move || {
        let lang = ui.lang.get();
        let t = lang.t();
        match ui.head.get() {
            None => view! { <p class="empty">{t.empty_card}</p> }.into_any(),
            Some(h) => {
                let dismissed = ui.dismissed.get().items;
                let compact = embedded() && !full.get();
                let note = ResultNote::of_head(&h);
                card_body(
                    ui,
                    lang,
                    h.analysis.clone().into(),
                    note,
                    dismissed,
                    compact,
                    full,
                )
                .into_any()
            }
        }
    }
}

/// Shows the whole card (or the short one again) and keeps the focus in the card: the button
/// that was pressed is replaced, and the card itself (`tabindex="-1"`) takes the focus.
fn set_full(full: RwSignal<bool>, on: bool) {
    full.set(on);
    leptos::prelude::request_animation_frame(|| {
        if let Some(c) = leptos::prelude::document()
            .get_element_by_id("card")
            .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = c.focus();
        }
    });
}

/// At most this many chars of a quote in its dismiss / restore labels.
fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let cut: String = s.chars().take(n).collect();
        format!("{}…", cut.trim_end())
    }
}

fn card_body(
    ui: Ui,
    lang: Lang,
    a: Arc<Analysis>,
    note: Option<ResultNote>,
    dismissed: Dismissed,
    compact: bool,
    full: RwSignal<bool>,
) -> impl IntoView {
    let t = lang.t();
    let c = &a.card;
    let title = c
        .title
        .clone()
        .or_else(|| (!compact).then(|| t.untitled.to_string()));
    let publisher = c.publisher.clone();
    let date = c.date.clone();
    let has_meta = publisher.is_some() || date.is_some();
    let words = if compact {
        match lang {
            Lang::Fr => i18n::plural(c.words, "mot", "mots"),
            Lang::En => i18n::plural(c.words, "word", "words"),
        }
    } else {
        i18n::words_line(lang, c.words, c.reading_minutes)
    };
    let summary = if compact {
        Vec::new()
    } else {
        c.summary.clone()
    };
    let any_guess = c.people.iter().any(|p| p.confidence == Confidence::Guess)
        || c.organizations
            .iter()
            .any(|o| o.confidence == Confidence::Guess)
        || c.places.iter().any(|p| p.confidence == Confidence::Guess)
        || c.stance_matrix
            .iter()
            .any(|s| s.confidence == Confidence::Guess)
        || c.quotes.iter().any(|q| q.confidence == Confidence::Guess);
    let mentions_label = move |n: usize| match lang {
        Lang::Fr => i18n::plural(n, "mention", "mentions"),
        Lang::En => i18n::plural(n, "mention", "mentions"),
    };
    let people: Vec<_> = c
        .people
        .iter()
        .map(|p| {
            let it = Item {
                id: dismiss::person_id(p),
                name: p.name.clone(),
                confidence: p.confidence,
                key: first_mention(&a, p.entity),
                class: if compact { "chip ent-PER" } else { "ent-PER" },
            };
            (it, p.role.clone(), None::<String>, p.mentions)
        })
        .collect();
    let orgs: Vec<_> = c
        .organizations
        .iter()
        .map(|o| {
            let it = Item {
                id: dismiss::org_id(o),
                name: o.name.clone(),
                confidence: o.confidence,
                key: first_mention(&a, o.entity),
                class: if compact { "chip ent-ORG" } else { "ent-ORG" },
            };
            (it, None::<String>, o.acronym.clone(), o.mentions)
        })
        .collect();
    let places: Vec<_> = c
        .places
        .iter()
        .map(|p| Item {
            id: dismiss::place_id(p),
            name: p.name.clone(),
            confidence: p.confidence,
            key: first_mention(&a, p.entity),
            class: "chip ent-LOC",
        })
        .collect();
    let matrix: Vec<_> = c
        .stance_matrix
        .iter()
        .map(|s| {
            let it = Item {
                id: dismiss::stance_id(s),
                name: format!(
                    "{} — {} — {}",
                    i18n::holder_label(lang, &s.holder),
                    i18n::polarity_label(lang, s.polarity),
                    s.target
                ),
                confidence: s.confidence,
                key: s.stances.first().map(|i| format!("s{i}")),
                class: "stance-line",
            };
            (
                it,
                i18n::holder_label(lang, &s.holder),
                s.polarity,
                s.target.clone(),
                s.count,
            )
        })
        .collect();
    let quotes: Vec<_> = c
        .quotes
        .iter()
        .map(|q| {
            let it = Item {
                id: dismiss::quote_id(q),
                name: format!("« {} »", short(&q.text, 60)),
                confidence: q.confidence,
                key: Some(format!("q{}", q.quote)),
                class: "quote-item",
            };
            (it, q.text.clone(), q.speaker.clone())
        })
        .collect();
    let max_frame = c.frames.iter().map(|f| f.count).max().unwrap_or(1).max(1);
    let frames: Vec<_> = c
        .frames
        .iter()
        .map(|f| (f.frame.clone(), i18n::frame_label(lang, &f.frame), f.count))
        .collect();

    // The short card: six actors, two stances, no quote, frame, summary or export.
    const ACTORS: usize = 4;
    const STANCES: usize = 2;
    let actors_total = people
        .iter()
        .filter(|p| !dismissed.contains(&p.0.id))
        .count()
        + orgs.iter().filter(|o| !dismissed.contains(&o.0.id)).count()
        + places.iter().filter(|p| !dismissed.contains(&p.id)).count();
    let kept_cells = matrix
        .iter()
        .filter(|m| !dismissed.contains(&m.0.id))
        .count();
    let more = if compact {
        actors_total.saturating_sub(ACTORS)
            + kept_cells.saturating_sub(STANCES)
            + quotes.len()
            + frames.len()
            + c.summary.len().min(1)
    } else {
        0
    };
    let is_gone = {
        let d = dismissed.clone();
        move |id: &str| d.contains(id)
    };
    let n_dismissed = dismissed.len();

    let person_label = move |name: String, role: Option<String>, conf: Confidence, n: usize| {
        view! {
            <span class="name">{name}</span>
            {(!compact).then(|| role.map(|r| view! { <span class="role">{r}</span> }))}
            {to_check(lang, conf)}
            {(!compact).then(|| view! { <span class="n">{mentions_label(n)}</span> })}
        }
        .into_any()
    };
    let org_label = move |name: String, acronym: Option<String>, conf: Confidence, n: usize| {
        view! {
            <span class="name">{name}</span>
            {(!compact).then(|| acronym.map(|ac| view! { " " <abbr class="acronym">{ac}</abbr> }))}
            {to_check(lang, conf)}
            {(!compact).then(|| view! { <span class="n">{mentions_label(n)}</span> })}
        }
        .into_any()
    };

    let actors_view = if compact {
        let g = is_gone.clone();
        let mut chips: Vec<AnyView> = Vec::new();
        // Dismissed items are left out of the short card (the whole card shows them, with
        // « Rétablir »).
        for (it, role, _, n) in people.into_iter().filter(|p| !g(&p.0.id)) {
            let label = person_label(it.name.clone(), role, it.confidence, n);
            chips.push(short_li(ui, it, label).into_any());
        }
        for (it, _, ac, n) in orgs.into_iter().filter(|o| !g(&o.0.id)) {
            let label = org_label(it.name.clone(), ac, it.confidence, n);
            chips.push(short_li(ui, it, label).into_any());
        }
        for it in places.into_iter().filter(|p| !g(&p.id)) {
            let label = view! { <span class="name">{it.name.clone()}</span> {to_check(lang, it.confidence)} }.into_any();
            chips.push(short_li(ui, it, label).into_any());
        }
        chips.truncate(ACTORS);
        (!chips.is_empty())
            .then(|| {
                view! {
                    <section class="card-section compact-row">
                        <h4>{i18n::actors(lang)}</h4>
                        <ul class="actors inline-list">{chips}</ul>
                    </section>
                }
            })
            .into_any()
    } else {
        let g = is_gone.clone();
        view! {
            {(!people.is_empty()).then(|| view! {
                <section class="card-section">
                    <h4>{t.people}</h4>
                    <ul class="people">
                        {people.into_iter().map(|(it, role, _, n)| {
                            let d = g(&it.id);
                            let label = person_label(it.name.clone(), role, it.confidence, n);
                            item_li(ui, lang, it, d, label)
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {(!orgs.is_empty()).then(|| view! {
                <section class="card-section">
                    <h4>{t.organisations}</h4>
                    <ul class="orgs">
                        {orgs.into_iter().map(|(it, _, ac, n)| {
                            let d = g(&it.id);
                            let label = org_label(it.name.clone(), ac, it.confidence, n);
                            item_li(ui, lang, it, d, label)
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {(!places.is_empty()).then(|| view! {
                <section class="card-section">
                    <h4>{t.places}</h4>
                    <ul class="places inline-list">
                        {places.into_iter().map(|it| {
                            let d = g(&it.id);
                            let label = view! { <span class="name">{it.name.clone()}</span> {to_check(lang, it.confidence)} }.into_any();
                            item_li(ui, lang, it, d, label)
                        }).collect_view()}
                    </ul>
                </section>
            })}
        }
        .into_any()
    };

    let matrix: Vec<_> = if compact {
        matrix
            .into_iter()
            .filter(|m| !dismissed.contains(&m.0.id))
            .take(STANCES)
            .collect()
    } else {
        matrix
    };
    let quotes = if compact { Vec::new() } else { quotes };
    let frames = if compact { Vec::new() } else { frames };
    let g = is_gone.clone();

    view! {
        {note.map(|n| view! { <p class="card-note">{n.text(lang)}</p> })}
        {title.map(|title| view! { <h3 class="card-title">{title}</h3> })}
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
        {if compact {
            view! {
                <div class="card-top">
                    <p class="card-words">{words}</p>
                    <button id="card-more" type="button" class="card-more" aria-expanded="false" on:click=move |_| set_full(full, true)>
                        {i18n::show_full_card(lang, more)}
                    </button>
                </div>
            }.into_any()
        } else {
            view! { <p class="card-words">{words}</p> }.into_any()
        }}
        {(!compact).then(|| view! { <p class="card-hint">{t.jump_hint}</p> })}
        {(!summary.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>{t.in_brief}</h4>
                <ol class="summary">
                    {summary.into_iter().map(|s| view! { <li>{s.text}</li> }).collect_view()}
                </ol>
            </section>
        })}
        {actors_view}
        {(compact && !matrix.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>{t.stances}</h4>
                <ul class="stance-lines">
                    {matrix.clone().into_iter().filter(|m| !g(&m.0.id)).map(|(it, holder, pol, target, count)| {
                        let label = view! {
                            <span class="holder">{holder}</span>
                            <span class="polarity" data-polarity=pol.as_str()>
                                <span class="glyph" aria-hidden="true">{i18n::polarity_glyph(pol)}</span>
                                " " {i18n::polarity_label(lang, pol)}
                                {(count > 1).then(|| format!(" ×{count}"))}
                            </span>
                            {(!target.is_empty()).then(|| view! { <span class="target">{target}</span> })}
                            {to_check(lang, it.confidence)}
                        }.into_any();
                        short_li(ui, it, label)
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!compact && !matrix.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>{t.stances}</h4>
                // Explicit roles: on a narrow card each row is laid out as a small grid
                // (www/style.css), and the table must stay a table for screen readers.
                <table class="stances" role="table">
                    <thead role="rowgroup"><tr role="row">
                        <th scope="col" role="columnheader">{t.holder}</th>
                        <th scope="col" role="columnheader">{t.position}</th>
                        <th scope="col" role="columnheader">{t.target}</th>
                        <th scope="col" role="columnheader" class="act"><span class="sr-only">{i18n::dismiss_column(lang)}</span></th>
                    </tr></thead>
                    <tbody role="rowgroup">
                        {matrix.into_iter().map(|(it, holder, pol, target, count)| {
                            let gone = g(&it.id);
                            let guess = it.confidence == Confidence::Guess;
                            let id = it.id.clone();
                            let conf = it.confidence.as_str();
                            if gone {
                                view! {
                                    <tr class="item dismissed" role="row" data-item=id data-confidence=conf data-polarity=pol.as_str()>
                                        <td colspan="4" role="cell">
                                            {dismissed_label(lang, it.name.clone())}
                                            " " {restore_button(ui, lang, it.id, &it.name)}
                                        </td>
                                    </tr>
                                }.into_any()
                            } else {
                                let label = view! {
                                    <span class="holder">{holder}</span>
                                    {to_check(lang, it.confidence)}
                                }.into_any();
                                view! {
                                    <tr class="item" class:guess=guess role="row" data-item=id data-confidence=conf data-polarity=pol.as_str()>
                                        <td class="holder-cell" role="cell">{jump_button(ui, it.key, label, "")}</td>
                                        <td class="polarity" role="cell">
                                            <span class="glyph" aria-hidden="true">{i18n::polarity_glyph(pol)}</span>
                                            " " <span class="pol-label">{i18n::polarity_label(lang, pol)}</span>
                                            {(count > 1).then(|| format!(" ×{count}"))}
                                        </td>
                                        <td class="target" role="cell" data-label=i18n::target_prefix(lang)>
                                            {if target.is_empty() {
                                                view! { <span aria-hidden="true">"—"</span><span class="sr-only">{i18n::no_target(lang)}</span> }.into_any()
                                            } else {
                                                view! { {target} }.into_any()
                                            }}
                                        </td>
                                        <td class="act" role="cell">{dismiss_button(ui, lang, it.id, &it.name)}</td>
                                    </tr>
                                }.into_any()
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
                    {quotes.into_iter().map(|(it, text, speaker)| {
                        let d = g(&it.id);
                        let conf = it.confidence;
                        let label = view! {
                            <span class="qtext">"«\u{a0}" {text} "\u{a0}»"</span>
                            <span class="speaker">"— " {speaker.unwrap_or_else(|| t.unknown_speaker.to_string())} {to_check(lang, conf)}</span>
                        }.into_any();
                        item_li(ui, lang, it, d, label)
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
        {(any_guess && !compact).then(|| view! {
            <p class="card-legend">
                <span class="to-check" aria-hidden="true">
                    {icon("M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM9.6 9.4a2.5 2.5 0 1 1 3.4 2.4c-.6.3-1 .8-1 1.5v.6M12 16.8v.1")}
                    {i18n::to_check(lang)}
                </span>
                " " {i18n::to_check_help(lang)}
            </p>
        })}
        {(n_dismissed > 0 && !compact).then(|| view! {
            <p class="card-dismissed">{i18n::dismissed_summary(lang, n_dismissed)}</p>
        })}
        {(!compact).then(|| view! { <Exports ui=ui /> })}
        {(!compact && embedded()).then(|| view! {
            <button id="card-more" type="button" class="card-more" aria-expanded="true" on:click=move |_| set_full(full, false)>
                {i18n::show_short_card(lang)}
            </button>
        })}
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
