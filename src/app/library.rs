//! The library of kept articles (issue 15): « Garder » keeps the analysed article in the
//! browser's IndexedDB ([`super::idb`]); the « Bibliothèque » section lists the kept articles —
//! open, rename, delete (with « Annuler la suppression »), tick 2 to 6 to compare them
//! ([`super::compare_view`]) — and exports the whole library as one JSON file and imports it
//! back ([`crate::ui::libfile`]: a bad file gets a clear message and changes nothing).
//!
//! Where storage is refused (private browsing, a frame, settings) or full, a notice says so and
//! the article on screen is never touched. Not shown in the embed (`?embed=1`).
//!
//! DOM contract (tests rely on it): `#keep`, `#library` (`#library-list` > `li[data-id]` with
//! `.lib-select`, `.lib-name`, `.lib-open`, `.lib-rename`, `.lib-delete`), `#library-status`,
//! `#library-undo`, `#library-export`, `#library-import`, `#compare-selected`,
//! `#back-to-comparison`.

use super::idb::{self, DbError};
use super::{browser, view, Level, Msg, Notice, Ui};
use crate::compare::Comparison;
use crate::ui::cmpview::{self, Target};
use crate::ui::i18n;
use crate::ui::i18n::Strings;
use crate::ui::libfile::{self, Meta};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Whether the library can be used here.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Store {
    Loading,
    Ready,
    Unavailable,
}

/// A comparison on screen, with the library ids of its columns (to open an article from a cell).
pub struct Shown {
    pub c: Comparison,
    /// The `loupe.comparison/1` JSON as the engine wrote it (the « JSON » export).
    pub json: String,
    pub entries: Vec<String>,
}

#[derive(Clone)]
pub enum Cmp {
    None,
    Busy,
    Ready(Arc<Shown>),
    Failed,
}

/// An article just deleted, for « Annuler la suppression ».
pub struct Deleted {
    pub meta: Meta,
    pub text: String,
    pub analysis: String,
}

/// The library's reactive state.
#[derive(Clone, Copy)]
pub struct Lib {
    pub store: RwSignal<Store>,
    pub list: RwSignal<Vec<Meta>>,
    /// Ticked for comparison (ids).
    pub selected: RwSignal<Vec<String>>,
    pub renaming: RwSignal<Option<String>>,
    pub deleted: RwSignal<Option<Arc<Deleted>>>,
    pub msg: RwSignal<Option<(Level, String)>>,
    pub cmp: RwSignal<Cmp>,
    /// The comparison cell the reader jumped from (its element id): « Retour à la comparaison ».
    pub back: RwSignal<Option<String>>,
}

/// Where a comparison cell jumps once its article is on screen.
#[derive(Clone, Debug)]
pub enum Jump {
    To(Target),
    Frame(String),
}

impl Lib {
    /// The library's state at start-up (a part of the app state, [`Ui::lib`]).
    pub(super) fn new() -> Lib {
        Lib {
            store: RwSignal::new(Store::Loading),
            list: RwSignal::new(Vec::new()),
            selected: RwSignal::new(Vec::new()),
            renaming: RwSignal::new(None),
            deleted: RwSignal::new(None),
            msg: RwSignal::new(None),
            cmp: RwSignal::new(Cmp::None),
            back: RwSignal::new(None),
        }
    }
}

fn is_embed() -> bool {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    crate::protocol::EmbedConfig::from_query(&search).embed
}

fn doc() -> web_sys::Document {
    leptos::prelude::document()
}

/// Focuses the element matching `sel` after the next frame (once the view is updated).
pub fn focus_later(sel: String) {
    request_animation_frame(move || {
        if let Some(el) = doc()
            .query_selector(&sel)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

fn item_sel(id: &str, part: &str) -> String {
    format!("#library-list li[data-id=\"{id}\"] {part}")
}

fn say(l: Lib, level: Level, text: String) {
    l.deleted.set(None);
    l.msg.set(Some((level, text)));
}

/// The language of a string table (the fixed notices below follow the interface's language).
fn lang_of(s: &i18n::Strings) -> i18n::Lang {
    if std::ptr::eq(s, i18n::Lang::En.t()) {
        i18n::Lang::En
    } else {
        i18n::Lang::Fr
    }
}

/// The notices of « Garder », as fixed messages: translated when the language changes, and
/// cleared by the next analysis like the page's other notices.
fn kept_notice(level: Level, f: fn(&Strings) -> &'static str) -> Notice {
    Notice {
        level,
        msg: Msg::Fixed(f),
        undo: false,
    }
}

fn notice(level: Level, text: &str) -> Notice {
    Notice {
        level,
        msg: Msg::Text(text.to_string()),
        undo: false,
    }
}

/// A storage failure, said where the reader acted: in the library, or under « Garder ».
fn fail(ui: Ui, l: Lib, e: DbError, in_library: bool) {
    let t = i18n::lib(ui.lang.get_untracked());
    let (text, fixed): (&str, fn(&Strings) -> &'static str) = match e {
        DbError::Unavailable => {
            l.store.set(Store::Unavailable);
            (t.unavailable, |s| i18n::lib(lang_of(s)).unavailable)
        }
        DbError::Full => (t.full, |s| i18n::lib(lang_of(s)).full),
    };
    if in_library {
        say(l, Level::Warn, text.to_string());
    } else {
        ui.notice.set(Some(kept_notice(Level::Warn, fixed)));
    }
}

async fn refresh(l: Lib) {
    match idb::list().await {
        Ok(list) => {
            l.store.set(Store::Ready);
            l.selected
                .update(|s| s.retain(|id| list.iter().any(|m| &m.id == id)));
            l.list.set(list);
        }
        Err(_) => l.store.set(Store::Unavailable),
    }
}

/// « Garder »: keeps the article on screen (text, analysis, title, publisher, date, when).
fn keep(ui: Ui) {
    let l = ui.lib;
    let Some((meta, text, json)) = ui
        .view()
        .with_doc(|d| {
            d.done.then(|| {
                (
                    libfile::meta_of(&d.analysis, &d.text, js_sys::Date::now()),
                    d.text.to_string(),
                    crate::ui::json::compact(&d.analysis),
                )
            })
        })
        .flatten()
    else {
        return;
    };
    spawn_local(async move {
        match idb::has(&meta.id).await {
            Ok(true) => {
                ui.notice.set(Some(kept_notice(Level::Info, |s| {
                    i18n::lib(lang_of(s)).already_kept
                })));
                return;
            }
            Ok(false) => {}
            Err(e) => return fail(ui, l, e, false),
        }
        match idb::put(&[(meta.clone(), text, json)]).await {
            Ok(()) => {
                l.store.set(Store::Ready);
                l.list.update(|v| {
                    v.retain(|m| m.id != meta.id);
                    v.push(meta);
                    libfile::sort_list(v);
                });
                ui.notice.set(Some(kept_notice(Level::Info, |s| {
                    i18n::lib(lang_of(s)).kept
                })));
            }
            Err(e) => fail(ui, l, e, false),
        }
    });
}

/// Opens a kept article in the text area (« Rétablir le texte précédent » brings the previous
/// text back); with `jump`, goes to that highlight once it is on screen.
pub fn open_article(ui: Ui, id: String, jump: Option<Jump>) {
    let l = ui.lib;
    let lang = ui.lang.get_untracked();
    let name = l
        .list
        .get_untracked()
        .iter()
        .find(|m| m.id == id)
        .map_or_else(|| i18n::lib(lang).untitled.to_string(), |m| m.name.clone());
    spawn_local(async move {
        match idb::body(&id).await {
            Ok(Some((text, _))) => {
                super::replace_text(
                    ui,
                    text,
                    notice(Level::Info, &i18n::lib_opened(lang, &name)),
                );
                let seq = ui.book().seq.get();
                if jump.is_some() {
                    // The jump brings the reader to the highlight: not to the top of the result.
                    ui.book().land.set(0);
                }
                *ui.book().jump_pending.borrow_mut() = jump.map(|j| (seq, j));
            }
            Ok(None) => refresh(l).await,
            Err(e) => fail(ui, l, e, true),
        }
    });
}

/// Called once a result is fully on screen: makes the jump a comparison cell asked for.
pub fn rendered(ui: Ui, seq: u64) {
    let pending = ui.book().jump_pending.borrow().clone();
    let Some((s, j)) = pending else {
        return;
    };
    if s > seq {
        return;
    }
    *ui.book().jump_pending.borrow_mut() = None;
    if s < seq {
        return; // another text came in between
    }
    match j {
        Jump::To(t) => {
            if let Some(key) = ui
                .view()
                .with_doc(|d| cmpview::jump_key(&d.analysis, t))
                .flatten()
            {
                super::jump(ui, &key);
            }
        }
        Jump::Frame(f) => super::jump_frame(ui, &f),
    }
}

fn delete(ui: Ui, meta: Meta) {
    let l = ui.lib;
    spawn_local(async move {
        let body = match idb::body(&meta.id).await {
            Ok(b) => b.unwrap_or_default(),
            Err(e) => return fail(ui, l, e, true),
        };
        if let Err(e) = idb::delete(&meta.id).await {
            return fail(ui, l, e, true);
        }
        l.list.update(|v| v.retain(|m| m.id != meta.id));
        l.selected.update(|v| v.retain(|id| *id != meta.id));
        l.msg.set(None);
        l.deleted.set(Some(Arc::new(Deleted {
            meta,
            text: body.0,
            analysis: body.1,
        })));
        focus_later("#library-undo".into());
    });
}

fn undo_delete(ui: Ui) {
    let l = ui.lib;
    let Some(d) = l.deleted.get_untracked() else {
        return;
    };
    let lang = ui.lang.get_untracked();
    spawn_local(async move {
        let item = (d.meta.clone(), d.text.clone(), d.analysis.clone());
        match idb::put(&[item]).await {
            Ok(()) => {
                l.list.update(|v| {
                    v.retain(|m| m.id != d.meta.id);
                    v.push(d.meta.clone());
                    libfile::sort_list(v);
                });
                say(l, Level::Info, i18n::lib_restored(lang, &d.meta.name));
                focus_later(item_sel(&d.meta.id, ".lib-open"));
            }
            Err(e) => fail(ui, l, e, true),
        }
    });
}

fn rename(ui: Ui, id: String, value: String) {
    let l = ui.lib;
    let lang = ui.lang.get_untracked();
    let Some(name) = libfile::clean_name(&value) else {
        return;
    };
    let Some(mut meta) = l.list.get_untracked().into_iter().find(|m| m.id == id) else {
        return;
    };
    meta.name = name.clone();
    spawn_local(async move {
        match idb::put_meta(&meta).await {
            Ok(()) => {
                l.list.update(|v| {
                    if let Some(m) = v.iter_mut().find(|m| m.id == meta.id) {
                        m.name = name.clone();
                    }
                });
                l.renaming.set(None);
                say(l, Level::Info, i18n::lib_renamed(lang, &name));
                focus_later(item_sel(&meta.id, ".lib-rename"));
            }
            Err(e) => fail(ui, l, e, true),
        }
    });
}

fn export(ui: Ui) {
    let l = ui.lib;
    let lang = ui.lang.get_untracked();
    spawn_local(async move {
        let mut items = Vec::new();
        for m in l.list.get_untracked() {
            match idb::body(&m.id).await {
                Ok(Some((t, a))) => items.push((m, t, a)),
                Ok(None) => {}
                Err(e) => return fail(ui, l, e, true),
            }
        }
        let json = libfile::export_json(&items, &format!("loupe {}", env!("CARGO_PKG_VERSION")));
        if browser::download_text(&json, "application/json", "loupe-bibliotheque.json") {
            say(l, Level::Info, i18n::lib_exported(lang, items.len()));
        }
    });
}

/// Largest library file accepted by « Importer ».
const MAX_IMPORT_BYTES: f64 = 200e6;

fn import(ui: Ui, file: web_sys::File) {
    let l = ui.lib;
    let lang = ui.lang.get_untracked();
    let t = i18n::lib(lang);
    if file.size() > MAX_IMPORT_BYTES {
        return say(l, Level::Error, t.import_unreadable.to_string());
    }
    spawn_local(async move {
        let Ok(buf) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
            return say(l, Level::Error, t.import_unreadable.to_string());
        };
        let bytes = js_sys::Uint8Array::new(&buf).to_vec();
        let items = match libfile::parse_import(&bytes) {
            Ok(items) => items,
            Err(e) => return say(l, Level::Error, i18n::lib_import_error(lang, &e)),
        };
        let have = l.list.get_untracked();
        let (new, present): (Vec<_>, Vec<_>) = items
            .into_iter()
            .partition(|i| !have.iter().any(|m| m.id == i.meta.id));
        if !new.is_empty() {
            let rows: Vec<(Meta, String, String)> = new
                .into_iter()
                .map(|i| (i.meta, i.text, i.analysis))
                .collect();
            if let Err(e) = idb::put(&rows).await {
                return fail(ui, l, e, true);
            }
            refresh(l).await;
            say(
                l,
                Level::Info,
                i18n::lib_imported(lang, rows.len(), present.len()),
            );
        } else {
            say(l, Level::Info, i18n::lib_imported(lang, 0, present.len()));
        }
    });
}

/// « Comparer la sélection »: the ticked articles, in list order, to the engine.
fn compare_selected(ui: Ui) {
    let l = ui.lib;
    let sel = l.selected.get_untracked();
    let metas: Vec<Meta> = l
        .list
        .get_untracked()
        .into_iter()
        .filter(|m| sel.contains(&m.id))
        .collect();
    if !(crate::compare::MIN_ARTICLES..=crate::compare::MAX_ARTICLES).contains(&metas.len()) {
        return;
    }
    l.cmp.set(Cmp::Busy);
    spawn_local(async move {
        let mut texts = Vec::new();
        for m in &metas {
            match idb::body(&m.id).await {
                Ok(Some((t, _))) => texts.push(t),
                Ok(None) => {
                    l.cmp.set(Cmp::Failed);
                    return refresh(l).await;
                }
                Err(e) => {
                    l.cmp.set(Cmp::None);
                    return fail(ui, l, e, true);
                }
            }
        }
        let names = metas.iter().map(|m| m.name.clone()).collect();
        let ids = metas.iter().map(|m| m.id.clone()).collect();
        super::compare_view::request(ui, texts, names, ids);
    });
}

fn icon(d: &'static str) -> impl IntoView {
    super::card::icon(d)
}

/// « Garder » (beside the result's heading) and « Retour à la comparaison » after a jump.
#[component]
pub fn KeepButton(ui: Ui) -> impl IntoView {
    if is_embed() {
        return ().into_any();
    }
    let l = ui.lib;
    let t = move || i18n::lib(ui.lang.get());
    view! {
        <div class="keep-row">
            <button id="keep" type="button" disabled=move || !ui.done.get()
                title=move || t().keep_label
                on:click=move |_| keep(ui)>
                {icon("M6 3h12v18l-6-4-6 4z")}
                {move || t().keep}
            </button>
            {move || l.back.get().map(|cell| view! {
                <button id="back-to-comparison" type="button" class="link"
                    on:click=move |_| {
                        let c = cell.clone();
                        if let Some(el) = doc().get_element_by_id(&c).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                            let o = web_sys::ScrollIntoViewOptions::new();
                            o.set_block(web_sys::ScrollLogicalPosition::Center);
                            el.scroll_into_view_with_scroll_into_view_options(&o);
                            let _ = el.focus();
                        }
                        l.back.set(None);
                    }>
                    {move || t().back_to_comparison}
                </button>
            })}
        </div>
    }
    .into_any()
}

/// One article of the list.
fn item(ui: Ui, l: Lib, m: Meta) -> impl IntoView {
    let lang = move || ui.lang.get();
    let t = move || i18n::lib(ui.lang.get());
    let id = m.id.clone();
    let name = m.name.clone();
    let sel_id = format!("sel-{id}");
    let rename_id = format!("rename-{id}");
    let (id1, id2, id3, id4, id5) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
    let (n1, n2, n3, n4, n5) = (
        name.clone(),
        name.clone(),
        name.clone(),
        name.clone(),
        name.clone(),
    );
    let meta_line = m.clone();
    let del = m.clone();
    let editing = move || l.renaming.get().as_deref() == Some(id5.as_str());
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let rid = rename_id.clone();
    let rid2 = rename_id.clone();
    view! {
        <li class="library-item" data-id=id.clone()>
            <input type="checkbox" class="lib-select" id=sel_id
                aria-label=move || i18n::lib_select(lang(), &n1)
                prop:checked=move || l.selected.get().contains(&id1)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    let id = id2.clone();
                    l.selected.update(|s| {
                        s.retain(|x| *x != id);
                        if on {
                            s.push(id);
                        }
                    });
                } />
            <div class="lib-main">
                {move || if editing() {
                    let (id3, id4, id6) = (id3.clone(), id4.clone(), id4.clone());
                    let rid = rid.clone();
                    view! {
                        <form class="lib-rename-form"
                            on:submit=move |ev: web_sys::SubmitEvent| {
                                ev.prevent_default();
                                if let Some(i) = input.get_untracked() {
                                    rename(ui, id3.clone(), i.value());
                                }
                            }>
                            <label for=rid.clone()>{move || t().rename_field}</label>
                            <input type="text" id=rid.clone() node_ref=input maxlength="200"
                                value=n3.clone()
                                on:keydown=move |ev: web_sys::KeyboardEvent| {
                                    if ev.key() == "Escape" {
                                        ev.prevent_default();
                                        ev.stop_propagation();
                                        l.renaming.set(None);
                                        focus_later(item_sel(&id4, ".lib-rename"));
                                    }
                                } />
                            <button type="submit">{move || t().save}</button>
                            <button type="button" on:click=move |_| {
                                l.renaming.set(None);
                                focus_later(item_sel(&id6, ".lib-rename"));
                            }>{move || t().cancel}</button>
                        </form>
                    }.into_any()
                } else {
                    view! { <p class="lib-name">{n2.clone()}</p> }.into_any()
                }}
                <p class="lib-meta">{move || i18n::lib_meta_line(lang(), &meta_line)}</p>
            </div>
            <div class="lib-actions">
                <button type="button" class="lib-open"
                    aria-label=move || i18n::lib_action(lang(), t().open, &n4)
                    on:click={
                        let id = m.id.clone();
                        move |_| open_article(ui, id.clone(), None)
                    }>{move || t().open}</button>
                <button type="button" class="lib-rename"
                    aria-label=move || i18n::lib_action(lang(), t().rename, &n5)
                    on:click={
                        let id = m.id.clone();
                        let rid = rid2.clone();
                        move |_| {
                            l.renaming.set(Some(id.clone()));
                            focus_later(format!("#{rid}"));
                        }
                    }>{move || t().rename}</button>
                <button type="button" class="lib-delete"
                    aria-label=move || i18n::lib_action(lang(), t().delete, &name)
                    on:click=move |_| delete(ui, del.clone())>{move || t().delete}</button>
            </div>
        </li>
    }
}

/// The « Bibliothèque » section and, under it, the comparison.
#[component]
pub fn Library(ui: Ui) -> impl IntoView {
    if is_embed() {
        return ().into_any();
    }
    let l = ui.lib;
    spawn_local(refresh(l));
    let lang = move || ui.lang.get();
    let t = move || i18n::lib(ui.lang.get());
    let n_sel = move || l.selected.get().len();
    let can_compare = move || {
        (crate::compare::MIN_ARTICLES..=crate::compare::MAX_ARTICLES).contains(&n_sel())
            && l.store.get() == Store::Ready
    };
    view! {
        <div id="library-area" class="library-area">
            <section id="library" class="library" aria-labelledby="library-heading">
                <div class="library-head">
                    <h2 id="library-heading">{move || t().heading}</h2>
                    <p class="library-count">{move || i18n::lib_count(lang(), l.list.get().len())}</p>
                </div>
                <p class="library-intro">{move || t().intro}</p>
                <div id="library-status" class="library-status" role="status" aria-live="polite">
                    {move || (l.store.get() == Store::Unavailable).then(|| view! {
                        <p class="notice notice-warn lib-unavailable">{t().unavailable}</p>
                    })}
                    {move || l.msg.get().map(|(level, text)| {
                        let cls = match level {
                            Level::Info => "notice notice-info",
                            Level::Warn => "notice notice-warn",
                            Level::Error => "notice notice-error",
                        };
                        view! { <p class=cls>{text}</p> }
                    })}
                    {move || l.deleted.get().map(|d| view! {
                        <p class="notice notice-info">
                            <span>{i18n::lib_deleted(lang(), &d.meta.name)}</span>
                            " "
                            <button id="library-undo" type="button" class="link"
                                on:click=move |_| undo_delete(ui)>{t().undo_delete}</button>
                        </p>
                    })}
                </div>
                <div class="library-tools">
                    <button id="compare-selected" type="button" class="primary"
                        disabled=move || !can_compare()
                        aria-describedby="compare-hint"
                        on:click=move |_| compare_selected(ui)>
                        {move || i18n::lib_compare(lang(), n_sel())}
                    </button>
                    <span id="compare-hint" class="compare-hint">{move || t().compare_hint}</span>
                    <button id="library-export" type="button"
                        disabled=move || l.list.get().is_empty()
                        on:click=move |_| export(ui)>{move || t().export}</button>
                    <label class="button file-button" class:disabled=move || l.store.get() == Store::Unavailable>
                        {move || t().import}
                        <input id="library-import" class="file-input" type="file"
                            accept=".json,application/json"
                            disabled=move || l.store.get() == Store::Unavailable
                            on:change=move |ev: web_sys::Event| {
                                let input: Option<web_sys::HtmlInputElement> =
                                    ev.target().and_then(|t| t.dyn_into().ok());
                                if let Some(input) = input {
                                    if let Some(f) = input.files().and_then(|l| l.get(0)) {
                                        import(ui, f);
                                    }
                                    input.set_value("");
                                }
                            } />
                    </label>
                </div>
                {move || match l.store.get() {
                    Store::Loading => view! { <p class="library-empty">{t().loading}</p> }.into_any(),
                    _ if l.list.with(Vec::is_empty) => {
                        view! { <p class="library-empty">{t().empty}</p> }.into_any()
                    }
                    _ => view! {
                        <ul id="library-list" class="library-list">
                            {l.list.get().into_iter().map(|m| item(ui, l, m)).collect_view()}
                        </ul>
                    }
                    .into_any(),
                }}
            </section>
            <super::compare_view::ComparisonView ui=ui />
        </div>
    }
    .into_any()
}
