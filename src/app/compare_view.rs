//! The comparison view (issue 15): 2 to 6 kept articles side by side, from the core's
//! `loupe.comparison/1` computed by the engine — in the Web Worker (a `compare` request: the
//! texts in one transferred buffer) or, without a worker, on the main thread. The page never
//! compares anything itself: it lays out the result ([`crate::ui::cmpview`]).
//!
//! Real tables (row and column headers; explicit roles, so that the stacked layout of a phone
//! stays a table for screen readers): actors with their role per article and who is named by
//! one account only; stances aligned (holder → target), polarity by glyph *and* word, rows where
//! the accounts differ marked « divergent »; frames as bars on one scale; quotes by speaker,
//! « cité différemment » when the words differ; every date on one line. Each cell is a button
//! that opens its article and jumps to the mention. Exports: Markdown (the core's
//! [`Comparison::to_markdown`]) and JSON (as `loupe compare` prints it); « Imprimer ».
//!
//! DOM contract: `#comparison` (`data-state` = `busy` | `done` | `failed`), `#cmp-heading`,
//! `table.cmp-table[data-part=actors|stances|frames|quotes|dates]`, `button.cmp-jump` with
//! `data-article` and `data-target`, `#cmp-md`, `#cmp-json`, `#cmp-print`, `#cmp-close`.

use super::library::{self, Cmp, Jump, Shown};
use super::{browser, engine, Ui};
use crate::compare::Comparison;
use crate::schema::Confidence;
use crate::ui::cmpview::{self, Target};
use crate::ui::i18n::{self, Lang};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn get(v: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(v, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Asks the engine for the comparison of `texts` (named `names`; `entries`: their library ids).
pub fn request(ui: Ui, texts: Vec<String>, names: Vec<String>, entries: Vec<String>) {
    let book = ui.book();
    let seq = book.compare_seq.get() + 1;
    book.compare_seq.set(seq);
    *book.compare_wait.borrow_mut() = Some((seq, entries));
    let l = ui.lib;
    l.cmp.set(Cmp::Busy);
    l.back.set(None);
    if let Some(w) = engine::ready_worker() {
        // The texts as UTF-8 in one transferred buffer, like an analysis request.
        let mut all = Vec::with_capacity(texts.iter().map(String::len).sum());
        let ends = js_sys::Array::new();
        for t in &texts {
            all.extend_from_slice(t.as_bytes());
            ends.push(&(all.len() as f64).into());
        }
        let bytes = js_sys::Uint8Array::from(all.as_slice());
        let ids = js_sys::Array::new();
        for n in &names {
            ids.push(&JsValue::from_str(n));
        }
        let msg = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = js_sys::Reflect::set(&msg, &k.into(), v);
        };
        set("type", &"compare".into());
        set("seq", &(seq as f64).into());
        set("bytes", &bytes);
        set("ends", &ends);
        set("ids", &ids);
        set("max", &(crate::ui::MAX_ANALYSED_BYTES as f64).into());
        if w.post_message_with_transfer(&msg, &js_sys::Array::of1(&bytes.buffer()))
            .is_ok()
        {
            return;
        }
    }
    // No worker: here, after the « busy » state is painted.
    request_animation_frame(move || {
        set_timeout(
            move || finish(ui, seq, engine::compare_here(&texts, &names)),
            std::time::Duration::from_millis(0),
        )
    });
}

/// A `compared` / `compare-error` message of the worker.
pub fn on_worker_message(ui: Ui, data: &JsValue) {
    let seq = get(data, "seq").as_f64().unwrap_or(-1.0) as u64;
    let r = if get(data, "type").as_string().as_deref() == Some("compared") {
        Ok(engine::view_bytes(&get(data, "data")))
    } else {
        Err(get(data, "message").as_string().unwrap_or_default())
    };
    finish(ui, seq, r);
}

/// `r`: the comparison and its JSON in the page's binary form ([`crate::ui::wire`]).
fn finish(ui: Ui, seq: u64, r: Result<Vec<u8>, String>) {
    let entries = {
        let book = ui.book();
        let mut w = book.compare_wait.borrow_mut();
        if w.as_ref().is_some_and(|(s, _)| *s == seq) {
            w.take().map(|(_, e)| e)
        } else {
            None
        }
    };
    let Some(entries) = entries else {
        return; // stale
    };
    let l = ui.lib;
    let parsed = r.and_then(|b| {
        crate::ui::wire::decode::<(Comparison, String)>(&b)
            .ok_or_else(|| "unreadable comparison".to_string())
    });
    match parsed {
        Ok((c, json)) => {
            l.cmp.set(Cmp::Ready(Arc::new(Shown { c, json, entries })));
            request_animation_frame(|| {
                if let Some(h) = leptos::prelude::document()
                    .get_element_by_id("cmp-heading")
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let o = web_sys::ScrollIntoViewOptions::new();
                    o.set_block(web_sys::ScrollLogicalPosition::Start);
                    h.scroll_into_view_with_scroll_into_view_options(&o);
                    let _ = h.focus();
                }
            });
        }
        Err(e) => {
            web_sys::console::error_1(&format!("Loupe: the comparison failed: {e}").into());
            l.cmp.set(Cmp::Failed);
        }
    }
}

/// A cell's jump button: opens article `col` and goes to `jump`.
fn jump_button(
    ui: Ui,
    s: &Arc<Shown>,
    id: String,
    col: usize,
    jump: Jump,
    label: String,
    body: AnyView,
) -> impl IntoView {
    let entry = s.entries.get(col).cloned().unwrap_or_default();
    let bid = id.clone();
    let target = match &jump {
        Jump::To(t) => Some(*t),
        Jump::Frame(_) => None,
    };
    view! {
        <button type="button" class="cmp-jump" id=id data-article=col
            data-target=target.map(|t| t.code())
            title=label
            on:click=move |_| {
                ui.lib.back.set(Some(bid.clone()));
                library::open_article(ui, entry.clone(), Some(jump.clone()));
            }>
            {body}
        </button>
    }
}

/// The column label, shown before each cell's content when the table is stacked (phones).
fn col_tag(c: &Comparison, i: usize) -> impl IntoView {
    let label = c
        .articles
        .get(i)
        .map(|a| cmpview::column_label(a, i))
        .unwrap_or_default();
    view! { <span class="cmp-col" aria-hidden="true">{label}</span> }
}

fn absent(lang: Lang, c: &Comparison, i: usize) -> AnyView {
    view! {
        <td role="cell" class="cmp-absent">
            {col_tag(c, i)}
            <span aria-hidden="true">"—"</span>
            <span class="sr-only">{i18n::lib(lang).cmp_absent}</span>
        </td>
    }
    .into_any()
}

fn head(c: &Comparison, first: &'static str) -> impl IntoView {
    view! {
        <thead role="rowgroup">
            <tr role="row">
                <th scope="col" role="columnheader">{first}</th>
                {c.articles.iter().enumerate().map(|(i, a)| view! {
                    <th scope="col" role="columnheader">{cmpview::column_label(a, i)}</th>
                }).collect_view()}
            </tr>
        </thead>
    }
}

/// One comparison table (`part`: its data-part and the ids of its heading and help text).
fn table(c: &Comparison, part: &'static str, first: &'static str, rows: impl IntoView) -> AnyView {
    view! {
        <table class="cmp-table" data-part=part role="table"
            aria-labelledby=format!("cmp-{part}-h") aria-describedby=format!("cmp-{part}-help")>
            {head(c, first)}
            <tbody role="rowgroup">{rows}</tbody>
        </table>
    }
    .into_any()
}

/// Said where a part of the comparison has nothing in any article.
fn none(lang: Lang) -> AnyView {
    view! { <p class="cmp-none">{i18n::lib(lang).cmp_none}</p> }.into_any()
}

fn guess_tag(lang: Lang, conf: Confidence) -> Option<impl IntoView> {
    (conf == Confidence::Guess)
        .then(|| view! { <span class="cmp-guess">{i18n::to_check(lang)}</span> })
}

fn actors(ui: Ui, lang: Lang, s: &Arc<Shown>) -> AnyView {
    let c = &s.c;
    let t = i18n::lib(lang);
    if c.actors.is_empty() {
        return none(lang);
    }
    let rows = c.actors.iter().enumerate().map(|(r, a)| {
        let cells = a.in_articles.iter().enumerate().map(|(i, x)| match x {
            None => absent(lang, c, i),
            Some(x) => {
                let body = view! {
                    <span class="cmp-n">{i18n::cmp_mentions(lang, x.mentions)}</span>
                    {x.role.clone().map(|role| view! { <span class="cmp-role">{role}</span> })}
                    {guess_tag(lang, x.confidence)}
                }.into_any();
                let label = i18n::cmp_jump(lang, i, &x.name);
                view! {
                    <td role="cell">
                        {col_tag(c, i)}
                        {jump_button(ui, s, format!("cmp-a-{r}-{i}"), i, Jump::To(Target::Entity(x.entity)), label, body)}
                    </td>
                }.into_any()
            }
        }).collect_view();
        view! {
            <tr role="row" class:cmp-only=a.only_in.is_some()>
                <th scope="row" role="rowheader">
                    <span class="cmp-name">{a.name.clone()}</span>
                    " "
                    <span class="cmp-type">{i18n::type_label(lang, a.etype)}</span>
                    {a.only_in.map(|i| view! { <span class="badge badge-only">{i18n::cmp_only_in(lang, i)}</span> })}
                </th>
                {cells}
            </tr>
        }
    }).collect_view();
    table(c, "actors", t.cmp_actor, rows)
}

fn stances(ui: Ui, lang: Lang, s: &Arc<Shown>) -> AnyView {
    let c = &s.c;
    let t = i18n::lib(lang);
    if c.stances.is_empty() {
        return none(lang);
    }
    let rows = c.stances.iter().enumerate().map(|(r, row)| {
        let cells = row.in_articles.iter().enumerate().map(|(i, xs)| {
            if xs.is_empty() {
                return absent(lang, c, i);
            }
            let buttons = xs.iter().enumerate().map(|(k, x)| {
                let first = x.stances.first().copied().unwrap_or(0);
                let word = i18n::polarity_label(lang, x.polarity);
                let body = view! {
                    <span class="cmp-glyph" aria-hidden="true">{i18n::polarity_glyph(x.polarity)}</span>
                    " "
                    <span class="cmp-pol">{word}</span>
                    {guess_tag(lang, x.confidence)}
                }.into_any();
                let label = i18n::cmp_jump(lang, i, word);
                view! {
                    <li data-polarity=x.polarity.as_str()>
                        {jump_button(ui, s, format!("cmp-s-{r}-{i}-{k}"), i, Jump::To(Target::Stance(first)), label, body)}
                    </li>
                }
            }).collect_view();
            view! {
                <td role="cell">
                    {col_tag(c, i)}
                    <ul class="cmp-list">{buttons}</ul>
                </td>
            }.into_any()
        }).collect_view();
        view! {
            <tr role="row" class:cmp-differs=row.differs class:cmp-only=row.only_in.is_some()>
                <th scope="row" role="rowheader">
                    <span class="cmp-name">{i18n::holder_label(lang, &row.holder)}</span>
                    " → "
                    <span class="cmp-target">{row.target.clone()}</span>
                    {row.differs.then(|| view! {
                        <span class="badge badge-differs"><span aria-hidden="true">"⚠ "</span>{t.cmp_differs}</span>
                    })}
                    {row.only_in.map(|i| view! { <span class="badge badge-only">{i18n::cmp_only_in(lang, i)}</span> })}
                </th>
                {cells}
            </tr>
        }
    }).collect_view();
    table(c, "stances", t.cmp_stance, rows)
}

fn frames(ui: Ui, lang: Lang, s: &Arc<Shown>) -> AnyView {
    let c = &s.c;
    let t = i18n::lib(lang);
    if c.frames.is_empty() {
        return none(lang);
    }
    let rows = c.frames.iter().enumerate().map(|(r, f)| {
        let name = i18n::frame_label(lang, &f.frame);
        let cells = f.counts.iter().enumerate().map(|(i, &n)| {
            let bar = view! {
                <svg class="cmp-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="cmp-bar-track" x="0" y="0" width="100" height="10"></rect>
                    <rect class="cmp-bar-fill" x="0" y="0" width=cmpview::bar_width(n, c.frames_max) height="10"></rect>
                </svg>
                <span class="cmp-count">{n}</span>
            };
            if n == 0 {
                return view! { <td role="cell" class="cmp-zero">{col_tag(c, i)}{bar}</td> }.into_any();
            }
            let label = i18n::cmp_jump(lang, i, &name);
            view! {
                <td role="cell">
                    {col_tag(c, i)}
                    {jump_button(ui, s, format!("cmp-f-{r}-{i}"), i, Jump::Frame(f.frame.clone()), label, bar.into_any())}
                </td>
            }.into_any()
        }).collect_view();
        view! {
            <tr role="row">
                <th scope="row" role="rowheader">{name.clone()}</th>
                {cells}
            </tr>
        }
    }).collect_view();
    table(c, "frames", t.cmp_frame, rows)
}

fn quotes(ui: Ui, lang: Lang, s: &Arc<Shown>) -> AnyView {
    let c = &s.c;
    let t = i18n::lib(lang);
    if c.quotes.is_empty() {
        return none(lang);
    }
    let rows = c.quotes.iter().enumerate().map(|(r, row)| {
        let who = if row.speaker.is_empty() {
            t.cmp_unidentified.to_string()
        } else {
            row.speaker.clone()
        };
        let cells = row.in_articles.iter().enumerate().map(|(i, qs)| {
            if qs.is_empty() {
                return absent(lang, c, i);
            }
            let items = qs.iter().enumerate().map(|(k, q)| {
                let text = match lang {
                    Lang::Fr => format!("«\u{a0}{}\u{a0}»", q.text),
                    Lang::En => format!("“{}”", q.text),
                };
                let label = i18n::cmp_jump(lang, i, &who);
                let body = view! { <span class="cmp-quote">{text}</span> }.into_any();
                view! {
                    <li>{jump_button(ui, s, format!("cmp-q-{r}-{i}-{k}"), i, Jump::To(Target::Quote(q.quote)), label, body)}</li>
                }
            }).collect_view();
            view! { <td role="cell">{col_tag(c, i)}<ul class="cmp-list">{items}</ul></td> }.into_any()
        }).collect_view();
        view! {
            <tr role="row" class:cmp-differs=row.differs>
                <th scope="row" role="rowheader">
                    <span class="cmp-name">{who.clone()}</span>
                    {row.differs.then(|| view! {
                        <span class="badge badge-differs"><span aria-hidden="true">"⚠ "</span>{t.cmp_quoted_differently}</span>
                    })}
                </th>
                {cells}
            </tr>
        }
    }).collect_view();
    table(c, "quotes", t.cmp_speaker, rows)
}

fn dates(ui: Ui, lang: Lang, s: &Arc<Shown>) -> AnyView {
    let c = &s.c;
    let t = i18n::lib(lang);
    let published = c
        .dates
        .iter()
        .enumerate()
        .map(|(i, d)| match &d.published {
            None => absent(lang, c, i),
            Some(p) => {
                view! { <td role="cell">{col_tag(c, i)}{i18n::date_label(lang, p)}</td> }.into_any()
            }
        })
        .collect_view();
    let rows = cmpview::date_rows(c).into_iter().enumerate().map(|(r, row)| {
        let label = if row.iso { i18n::date_label(lang, &row.key) } else { row.key.clone() };
        let cells = row.cells.iter().enumerate().map(|(i, ms)| {
            if ms.is_empty() {
                return absent(lang, c, i);
            }
            let items = ms.iter().enumerate().map(|(k, (di, text))| {
                let body = view! { <span>{text.clone()}</span> }.into_any();
                view! {
                    <li>{jump_button(ui, s, format!("cmp-d-{r}-{i}-{k}"), i, Jump::To(Target::Date(*di)), i18n::cmp_jump(lang, i, text), body)}</li>
                }
            }).collect_view();
            view! { <td role="cell">{col_tag(c, i)}<ul class="cmp-list">{items}</ul></td> }.into_any()
        }).collect_view();
        view! {
            <tr role="row">
                <th scope="row" role="rowheader"><time datetime=row.iso.then(|| row.key.clone())>{label}</time></th>
                {cells}
            </tr>
        }
    }).collect_view();
    let published = view! {
        <tr role="row" class="cmp-published">
            <th scope="row" role="rowheader">{t.cmp_published}</th>
            {published}
        </tr>
    };
    table(c, "dates", t.cmp_date, (published, rows))
}

fn section(
    id: &'static str,
    title: &'static str,
    help: Option<String>,
    body: AnyView,
) -> impl IntoView {
    view! {
        <div class="cmp-part">
            <h3 id=format!("cmp-{id}-h")>{title}</h3>
            <p class="cmp-help" id=format!("cmp-{id}-help")>{help.unwrap_or_default()}</p>
            <div class="cmp-scroll">{body}</div>
        </div>
    }
}

fn shown(ui: Ui, lang: Lang, s: Arc<Shown>) -> AnyView {
    let t = i18n::lib(lang);
    let c = &s.c;
    let md = s.c.to_markdown();
    let json = s.json.clone();
    let say = move |ok: bool| {
        if ok {
            ui.lib.msg.set(Some((
                super::Level::Info,
                i18n::lib(lang).cmp_saved.to_string(),
            )));
        }
    };
    let articles = c
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut bits: Vec<String> = Vec::new();
            if let Some(ti) = &a.title {
                if ti != &a.id {
                    bits.push(ti.clone());
                }
            }
            if let Some(p) = &a.publisher {
                bits.push(p.clone());
            }
            if let Some(d) = &a.date {
                bits.push(i18n::date_label(lang, d));
            }
            bits.push(match lang {
                Lang::Fr => i18n::count(lang, a.words, "mot", "mots"),
                Lang::En => i18n::count(lang, a.words, "word", "words"),
            });
            view! {
                <li><strong>{format!("{} · {}", i + 1, a.id)}</strong> " — " {bits.join(" · ")}</li>
            }
        })
        .collect_view();
    view! {
        <div class="cmp-actions">
            <button id="cmp-md" type="button" on:click=move |_| say(browser::download_text(&md, "text/markdown", "loupe-comparaison.md"))>{t.cmp_md}</button>
            <button id="cmp-json" type="button" on:click=move |_| say(browser::download_text(&json, "application/json", "loupe-comparaison.json"))>{t.cmp_json}</button>
            <button id="cmp-print" type="button" on:click=move |_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }>{t.cmp_print}</button>
            <button id="cmp-close" type="button" class="quiet" on:click=move |_| {
                ui.lib.cmp.set(Cmp::None);
                ui.lib.back.set(None);
                library::focus_later("#compare-selected".into());
            }>{t.cmp_close}</button>
        </div>
        <h3 id="cmp-articles-h">{t.cmp_articles}</h3>
        <ul class="cmp-articles" aria-labelledby="cmp-articles-h">{articles}</ul>
        {section("actors", t.cmp_actors, Some(t.cmp_actors_help.to_string()), actors(ui, lang, &s))}
        {section("stances", t.cmp_stances, Some(t.cmp_stances_help.to_string()), stances(ui, lang, &s))}
        {section("frames", t.cmp_frames, (!c.frames.is_empty()).then(|| i18n::cmp_scale(lang, c.frames_max)), frames(ui, lang, &s))}
        {section("quotes", t.cmp_quotes, Some(t.cmp_quotes_help.to_string()), quotes(ui, lang, &s))}
        {section("dates", t.cmp_dates, Some(t.cmp_dates_help.to_string()), dates(ui, lang, &s))}
    }
    .into_any()
}

/// The comparison section (present only while a comparison is asked for or shown).
#[component]
pub fn ComparisonView(ui: Ui) -> impl IntoView {
    let l = ui.lib;
    move || {
        let lang = ui.lang.get();
        let t = i18n::lib(lang);
        let (state, body) = match l.cmp.get() {
            Cmp::None => return ().into_any(),
            Cmp::Busy => (
                "busy",
                view! { <p class="notice notice-info" role="status">{t.cmp_busy}</p> }.into_any(),
            ),
            Cmp::Failed => (
                "failed",
                view! { <p class="notice notice-error" role="alert">{t.cmp_failed}</p> }.into_any(),
            ),
            Cmp::Ready(s) => ("done", shown(ui, lang, s)),
        };
        let title = match l.cmp.get_untracked() {
            Cmp::Ready(s) => i18n::cmp_title(lang, s.c.articles.len()),
            _ => t.cmp_heading.to_string(),
        };
        view! {
            <section id="comparison" class="comparison" aria-labelledby="cmp-heading" data-state=state>
                <h2 id="cmp-heading" tabindex="-1">{title}</h2>
                {body}
            </section>
        }
        .into_any()
    }
}
