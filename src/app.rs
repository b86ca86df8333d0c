//! The Loupe web app: Leptos 0.8, client-side rendering, compiled to wasm32 only.
//!
//! The app never analyses anything itself: it calls [`crate::analyze`] on the pasted text and
//! renders the resulting [`Analysis`] — the original text with the analysis spans as nested
//! highlights (see [`highlight`]), a summary card and a statistics line.

pub mod embed;
pub mod highlight;

use crate::schema::{Analysis, BlockKind, EntityType, Polarity};
use highlight::{Layer, Node};
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// Delay between the last keystroke and the automatic analysis.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// Example article offered by the « Essayer un exemple » button (written for the project).
const EXAMPLE: &str = include_str!("../tests/fixtures/nancy-conseil-municipal.txt");

/// Entry point of the web app: installs the panic hook and mounts [`App`] to `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
    embed::start(); // `?embed=1`: compact layout + postMessage API (no-op otherwise)
}

/// The analysed text together with its analysis, so the view never mixes two versions.
#[derive(Debug)]
pub struct Outcome {
    pub text: String,
    pub analysis: Analysis,
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let (outcome, set_outcome) = signal(None::<Arc<Outcome>>);
    let (notice, set_notice) = signal(None::<&'static str>);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let input_ref = NodeRef::<leptos::html::Textarea>::new();

    let cancel_pending = move || {
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        pending.set_value(None);
    };
    // Analyse `t` now. The pasted text is never touched, whatever happens.
    let run = move |t: String| {
        cancel_pending();
        if t.trim().is_empty() {
            set_outcome.set(None);
            set_notice.set(Some(
                "Rien à analyser pour l’instant\u{a0}: collez le texte d’un article dans la zone ci-dessus.",
            ));
            return;
        }
        set_notice.set(None);
        let analysis = crate::analyze(&t);
        set_outcome.set(Some(Arc::new(Outcome { text: t, analysis })));
    };
    // The textarea's current value: the DOM is the only source of truth for the pasted text
    // (typing, paste, autofill, tests), so nothing here can ever overwrite it.
    let current = move || {
        input_ref
            .get_untracked()
            .map(|el| el.value())
            .unwrap_or_default()
    };

    let on_input = move |_| {
        cancel_pending();
        let handle = set_timeout_with_handle(move || run(current()), DEBOUNCE).ok();
        pending.set_value(handle);
    };
    let on_analyse = move |_| run(current());
    let on_example = move |_| {
        if let Some(el) = input_ref.get_untracked() {
            el.set_value(EXAMPLE);
        }
        run(EXAMPLE.to_string());
    };
    let on_clear = move |_| {
        cancel_pending();
        if let Some(el) = input_ref.get_untracked() {
            el.set_value("");
            let _ = el.focus();
        }
        set_outcome.set(None);
        set_notice.set(None);
    };

    view! {
        <header class="site-header">
            <div class="brand">
                <svg class="logo" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
                    <circle cx="27" cy="27" r="16" fill="none" stroke="currentColor" stroke-width="6"></circle>
                    <path d="M39 39 L55 55" stroke="currentColor" stroke-width="8" stroke-linecap="round"></path>
                </svg>
                <h1>"Loupe"</h1>
            </div>
            <p class="tagline">
                "Qui parle, de qui, de quoi et comment\u{a0}: la lecture d’un article de presse, sans rien envoyer sur Internet."
            </p>
        </header>
        <main class="layout">
            <section class="workspace" aria-label="Article">
                <div class="paste">
                    <label for="input">"Collez un article de presse en français"</label>
                    <textarea
                        id="input"
                        node_ref=input_ref
                        rows="10"
                        spellcheck="false"
                        placeholder="Titre, chapeau, paragraphes… Les mentions de page (« Partager », « Lire aussi ») seront mises de côté."
                        on:input=on_input
                    ></textarea>
                    <div class="actions">
                        <button id="analyse" type="button" class="primary" on:click=on_analyse>
                            "Analyser"
                        </button>
                        <button id="exemple" type="button" on:click=on_example>
                            "Essayer un exemple"
                        </button>
                        <button id="effacer" type="button" on:click=on_clear>
                            "Effacer"
                        </button>
                        <span class="hint">"L’analyse se relance pendant la frappe."</span>
                    </div>
                </div>
                <p id="stats" class="stats" aria-live="polite">
                    {move || outcome.get().map(|o| stats_line(&o.analysis))}
                </p>
                {move || notice.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                <Legend />
                <article id="result" class="result" aria-label="Texte annoté">
                    {move || match outcome.get() {
                        Some(o) => render_text(&o).into_any(),
                        None => view! {
                            <p class="empty">
                                "Le texte annoté apparaîtra ici\u{a0}: personnes, organisations, lieux et dates surlignés, citations, prises de position et cadrages repérés."
                            </p>
                        }
                            .into_any(),
                    }}
                </article>
            </section>
            <aside id="card" class="card" aria-labelledby="card-heading">
                <h2 id="card-heading">"Fiche de l’article"</h2>
                {move || match outcome.get() {
                    Some(o) => card_view(&o.analysis).into_any(),
                    None => view! {
                        <p class="empty">"La fiche résume l’article\u{a0}: titre, média, date, acteurs, citations et cadrages."</p>
                    }
                        .into_any(),
                }}
            </aside>
        </main>
        <footer class="site-footer">
            <p>"Loupe analyse le texte dans votre navigateur\u{a0}: rien n’est envoyé sur un serveur."</p>
        </footer>
    }
}

/// « 412 mots · 2 min de lecture · 17 entités ».
pub fn stats_line(a: &Analysis) -> String {
    let c = &a.card;
    format!(
        "{} · {} min de lecture · {}",
        plural(c.words, "mot", "mots"),
        c.reading_minutes,
        plural(a.entities.len(), "entité", "entités")
    )
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n <= 1 { one } else { many })
}

/// French name of an entity type (also used as the highlight's hidden label).
pub fn type_label(t: EntityType) -> &'static str {
    match t {
        EntityType::PER => "personne",
        EntityType::ORG => "organisation",
        EntityType::LOC => "lieu",
        EntityType::MISC => "autre entité",
    }
}

/// French name of a stance polarity.
pub fn polarity_label(p: Polarity) -> &'static str {
    match p {
        Polarity::Support => "soutien",
        Polarity::Oppose => "opposition",
        Polarity::Accuse => "accusation",
        Polarity::Commit => "engagement",
        Polarity::Concern => "inquiétude",
        Polarity::Praise => "éloge",
    }
}

/// French label of a frame id, from the core's frame taxonomy (the id itself when unknown).
pub fn frame_label(id: &str) -> String {
    crate::lexicon::lexicons()
        .frame_labels
        .iter()
        .find(|(f, _, _)| f == id)
        .map(|(_, fr, _)| fr.clone())
        .unwrap_or_else(|| id.replace('_', " "))
}

/// Formats an ISO 8601 date (`2023-03-03`, `2023-03`, `2023`) the French way.
pub fn french_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let month = |m: &str| m.parse::<u32>().ok().and_then(crate::dates::month_name);
    match parts.as_slice() {
        [y, m, d] => match (month(m), d.parse::<u32>()) {
            (Some(m), Ok(1)) => format!("1er {m} {y}"),
            (Some(m), Ok(d)) => format!("{d} {m} {y}"),
            _ => iso.to_string(),
        },
        [y, m] => month(m).map_or_else(|| iso.to_string(), |m| format!("{m} {y}")),
        _ => iso.to_string(),
    }
}

#[component]
fn Legend() -> impl IntoView {
    view! {
        <details class="legend">
            <summary>"Légende des surlignages"</summary>
            <ul>
                <li><mark class="ent ent-PER">"Personne"</mark>" trait plein"</li>
                <li><mark class="ent ent-ORG">"Organisation"</mark>" trait double"</li>
                <li><mark class="ent ent-LOC">"Lieu"</mark>" tirets"</li>
                <li><mark class="ent ent-MISC">"Autre entité"</mark>" pointillés"</li>
                <li><mark class="ent ent-DATE">"Date"</mark>" vague"</li>
                <li><q class="quote">"Citation"</q>" italique, fond teinté"</li>
                <li><span class="stance" data-polarity="support">"Prise de position"</span>" surligneur et symbole (▲ soutien, ▼ opposition, ! accusation, ★ éloge, → engagement, ? inquiétude)"</li>
                <li><span class="frame">"Cadrage"</span>" encadré pointillé"</li>
                <li><span class="block-label">"mise en page écartée"</span>" texte de page mis de côté"</li>
            </ul>
        </details>
    }
}

/// The original text, block by block, with the analysis spans as nested highlights.
fn render_text(o: &Outcome) -> impl IntoView {
    let a = &o.analysis;
    let text = o.text.as_str();
    highlight::layout(text, a)
        .into_iter()
        .map(|b| {
            let children: Vec<AnyView> = b.nodes.iter().map(|n| render_node(text, a, n)).collect();
            let rule = b
                .block
                .and_then(|i| a.blocks[i].rule.as_ref())
                .map(|r| r.id.clone());
            match b.kind {
                BlockKind::Boilerplate => view! {
                    <p class="block block-boilerplate" data-kind="boilerplate" data-rule=rule>
                        <span class="block-label">"mise en page écartée"</span>
                        " "
                        <span class="block-text">{children}</span>
                    </p>
                }
                .into_any(),
                kind => view! {
                    <p class=format!("block block-{}", kind_name(kind)) data-kind=kind_name(kind)>
                        {children}
                    </p>
                }
                .into_any(),
            }
        })
        .collect_view()
}

fn kind_name(k: BlockKind) -> &'static str {
    match k {
        BlockKind::Title => "title",
        BlockKind::Dateline => "dateline",
        BlockKind::Paragraph => "paragraph",
        BlockKind::Caption => "caption",
        BlockKind::Boilerplate => "boilerplate",
    }
}

fn render_node(text: &str, a: &Analysis, node: &Node) -> AnyView {
    let (layer, part, last, children) = match node {
        Node::Text { start, end } => return text[*start..*end].to_string().into_any(),
        Node::Span {
            layer,
            part,
            last,
            children,
            ..
        } => (*layer, *part, *last, children),
    };
    let inner: Vec<AnyView> = children.iter().map(|n| render_node(text, a, n)).collect();
    // Hidden label read by screen readers after the highlighted words (last piece only).
    let hidden = |label: String| last.then(|| view! { <span class="sr-only">{label}</span> });
    match layer {
        Layer::Mention(i) => {
            let m = &a.mentions[i];
            let canonical = a
                .entities
                .get(m.entity)
                .map(|e| e.canonical.clone())
                .unwrap_or_else(|| m.text.clone());
            let t = m.etype.as_str();
            let label = type_label(m.etype);
            let title = if canonical == m.text {
                format!("{label} · règle {}", m.rule.id)
            } else {
                format!("{label} · {canonical} · règle {}", m.rule.id)
            };
            view! {
                <mark
                    class=format!("ent ent-{t}")
                    data-type=t
                    data-canonical=canonical
                    data-rule=m.rule.id.clone()
                    data-key=format!("m{i}")
                    data-part=part.to_string()
                    title=title
                >
                    {inner}
                    {hidden(format!(" ({label})"))}
                </mark>
            }
            .into_any()
        }
        Layer::Date(i) => {
            let d = &a.dates[i];
            let title = match &d.iso {
                Some(iso) => format!("date · {} · règle {}", french_date(iso), d.rule.id),
                None => format!("date · règle {}", d.rule.id),
            };
            view! {
                <mark
                    class="ent ent-DATE"
                    data-type="DATE"
                    data-canonical=d.iso.clone().unwrap_or_else(|| d.text.clone())
                    data-iso=d.iso.clone()
                    data-rule=d.rule.id.clone()
                    data-key=format!("d{i}")
                    data-part=part.to_string()
                    title=title
                >
                    {inner}
                    {hidden(" (date)".to_string())}
                </mark>
            }
            .into_any()
        }
        Layer::Quote(i) => {
            let q = &a.quotes[i];
            let speaker = q.speaker_text.clone().or_else(|| {
                q.speaker
                    .and_then(|s| a.entities.get(s))
                    .map(|e| e.canonical.clone())
            });
            let title = match &speaker {
                Some(s) => format!("citation · {s}"),
                None => "citation · locuteur non identifié".to_string(),
            };
            let label = match &speaker {
                Some(s) => format!(" (citation de {s})"),
                None => " (citation)".to_string(),
            };
            view! {
                <q
                    class="quote"
                    data-speaker=speaker
                    data-rule=q.rule.id.clone()
                    data-key=format!("q{i}")
                    data-part=part.to_string()
                    title=title
                >
                    {inner}
                    {hidden(label)}
                </q>
            }
            .into_any()
        }
        Layer::Stance(i) => {
            let s = &a.stances[i];
            let holder = if s.holders.is_empty() {
                s.holder_text.clone()
            } else {
                Some(
                    s.holders
                        .iter()
                        .filter_map(|&h| a.entities.get(h).map(|e| e.canonical.as_str()))
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            };
            let pol = polarity_label(s.polarity);
            let title = match &holder {
                Some(h) => format!("prise de position · {pol} · {h}"),
                None => format!("prise de position · {pol}"),
            };
            view! {
                <span
                    class="stance"
                    data-polarity=s.polarity.as_str()
                    data-holder=holder
                    data-rule=s.rule.id.clone()
                    data-key=format!("s{i}")
                    data-part=part.to_string()
                    title=title
                >
                    {inner}
                    {hidden(format!(" (position\u{a0}: {pol})"))}
                </span>
            }
            .into_any()
        }
        Layer::Frame(i) => {
            let f = &a.frames[i];
            let label = frame_label(&f.frame);
            view! {
                <span
                    class="frame"
                    data-frame=f.frame.clone()
                    data-rule=f.rule.id.clone()
                    data-key=format!("f{i}")
                    data-part=part.to_string()
                    title=format!("cadrage · {label}")
                >
                    {inner}
                    {hidden(format!(" (cadrage\u{a0}: {label})"))}
                </span>
            }
            .into_any()
        }
        Layer::Chrome(i) => {
            let b = &a.boilerplate[i];
            view! {
                <span
                    class="chrome"
                    data-rule=b.rule.id.clone()
                    data-key=format!("c{i}")
                    data-part=part.to_string()
                    title="mise en page écartée"
                >
                    {inner}
                    {hidden(" (mise en page écartée)".to_string())}
                </span>
            }
            .into_any()
        }
    }
}

/// The summary card.
fn card_view(a: &Analysis) -> impl IntoView {
    let c = &a.card;
    let title = c.title.clone();
    let publisher = c.publisher.clone();
    let date = c.date.clone();
    let people = c.people.clone();
    let orgs = c.organizations.clone();
    let places = c.places.clone();
    let quotes = c.quotes.clone();
    let frames = c.frames.clone();
    let matrix = c.stance_matrix.clone();
    let summary = c.summary.clone();
    let has_meta = publisher.is_some() || date.is_some();
    view! {
        <h3 class="card-title">
            {title.unwrap_or_else(|| "Sans titre repéré".to_string())}
        </h3>
        {has_meta.then(|| view! {
            <p class="card-meta">
                {publisher.map(|p| view! {
                    <span class="publisher">
                        {p.name}
                        {p.state_affiliated.then(|| view! {
                            " " <span class="badge badge-state" title="Média public ou contrôlé par un État">
                                "média d’État"
                            </span>
                        })}
                        {p.country.map(|c| view! { <span class="country">" (" {c} ")"</span> })}
                    </span>
                })}
                {date.map(|d| view! {
                    <span class="date">
                        <time datetime=d.clone()>{french_date(&d)}</time>
                    </span>
                })}
            </p>
        })}
        <p class="card-words">
            {format!("{} · {} min de lecture", plural(c.words, "mot", "mots"), c.reading_minutes)}
        </p>
        {(!summary.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>"En bref"</h4>
                <ol class="summary">
                    {summary.into_iter().map(|s| view! { <li>{s.text}</li> }).collect_view()}
                </ol>
            </section>
        })}
        {(!people.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>"Personnes"</h4>
                <ul class="people">
                    {people.into_iter().map(|p| view! {
                        <li>
                            <span class="name">{p.name}</span>
                            {p.role.map(|r| view! { <span class="role">{r}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!orgs.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>"Organisations"</h4>
                <ul class="orgs">
                    {orgs.into_iter().map(|o| view! {
                        <li>
                            <span class="name">{o.name}</span>
                            {o.acronym.map(|ac| view! { " " <abbr class="acronym">{ac}</abbr> })}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!places.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>"Lieux"</h4>
                <ul class="places inline-list">
                    {places.into_iter().map(|p| view! { <li>{p.name}</li> }).collect_view()}
                </ul>
            </section>
        })}
        {(!quotes.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>"Citations clés"</h4>
                <ul class="quotes">
                    {quotes.into_iter().map(|q| view! {
                        <li>
                            <blockquote>"«\u{a0}" {q.text} "\u{a0}»"</blockquote>
                            <p class="speaker">
                                {q.speaker.map_or_else(|| "— locuteur non identifié".to_string(), |s| format!("— {s}"))}
                            </p>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!matrix.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>"Prises de position"</h4>
                <ul class="stances">
                    {matrix.into_iter().map(|s| view! {
                        <li data-polarity=s.polarity.as_str()>
                            <span class="holder">{s.holder}</span>
                            " "
                            <span class="polarity">{polarity_label(s.polarity)}</span>
                            {(!s.target.is_empty()).then(|| view! {
                                " " <span class="target">{s.target}</span>
                            })}
                            {(s.count > 1).then(|| format!(" ×{}", s.count))}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {(!frames.is_empty()).then(|| view! {
            <section class="card-section">
                <h4>"Cadrages"</h4>
                <ul class="frames">
                    {frames.into_iter().map(|f| view! {
                        <li data-frame=f.frame.clone()>
                            <span class="name">{frame_label(&f.frame)}</span>
                            " "
                            <span class="count">{format!("× {}", f.count)}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {download_link(a)}
    }
}

/// A link that downloads the analysis as JSON (a `data:` URL: no server, no extra API).
fn download_link(a: &Analysis) -> impl IntoView {
    let href = format!(
        "data:application/json;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&a.to_json_pretty()))
    );
    view! {
        <p class="download">
            <a id="download" href=href download="loupe-analyse.json">"Télécharger l’analyse (JSON)"</a>
        </p>
    }
}
