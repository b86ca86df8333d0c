//! Evaluation mode: reads the scorer's JSONL (`{"id","text",...}`) and writes predictions with
//! Unicode code-point offsets (Python `str` offsets), as `../shared/eval/score.py` expects.
//!
//! Each prediction line holds `entities` (PER/ORG/LOC/MISC mentions and DATE mentions) for the
//! entity scorer, plus `quotes`, `stance`, `frames` and `boilerplate` for the project's own layer
//! scorer (`scripts/score_layers.py`), all with code-point offsets.

use crate::schema::Span;
use crate::text::offsets::OffsetIndex;
use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Deserialize)]
struct Input {
    id: Value,
    text: String,
}

/// Converts one input line to one prediction line. Errors are messages for the user.
pub fn predict_line(line: &str) -> Result<String, String> {
    let inp: Input = serde_json::from_str(line).map_err(|e| format!("invalid JSON line: {e}"))?;
    let a = crate::analyze(&inp.text);
    let idx = OffsetIndex::new(&inp.text);
    let cp = |s: &Span| (idx.chars(s.start), idx.chars(s.end));
    let mut ents: Vec<Value> = Vec::new();
    for m in &a.mentions {
        let (s, e) = cp(&m.span);
        ents.push(json!({"start": s, "end": e, "type": m.etype.as_str(), "canonical": a.entities[m.entity].canonical, "rule": m.rule.id}));
    }
    for d in &a.dates {
        let (s, e) = cp(&d.span);
        ents.push(json!({"start": s, "end": e, "type": "DATE", "iso": d.iso}));
    }
    ents.sort_by_key(|v| (v["start"].as_u64(), v["end"].as_u64()));
    let quotes: Vec<Value> = a
        .quotes
        .iter()
        .map(|q| {
            let (s, e) = cp(&q.span);
            json!({"start": s, "end": e, "speaker": q.speaker.map(|k| a.entities[k].canonical.clone()).or(q.speaker_text.clone())})
        })
        .collect();
    let stance: Vec<Value> = a
        .stances
        .iter()
        .map(|st| {
            let (s, e) = cp(&st.span);
            // The scheme's holder is an entity (or null): a noun phrase (« les syndicats ») is null.
            let holder = if st.holders.is_empty() {
                None
            } else {
                let names: Vec<&str> = st
                    .holders
                    .iter()
                    .map(|&h| a.entities[h].canonical.as_str())
                    .collect();
                Some(names.join(" + "))
            };
            json!({"start": s, "end": e, "polarity": st.polarity.as_str(), "holder": holder})
        })
        .collect();
    let frames: Vec<Value> = a
        .frames
        .iter()
        .map(|f| {
            let (s, e) = cp(&f.span);
            json!({"start": s, "end": e, "frame": f.frame})
        })
        .collect();
    let boilerplate: Vec<Value> = a
        .boilerplate
        .iter()
        .map(|b| {
            let (s, e) = cp(&b.span);
            json!({"start": s, "end": e, "rule": b.rule.id})
        })
        .collect();
    let out = json!({
        "id": inp.id,
        "entities": ents,
        "quotes": quotes,
        "stance": stance,
        "frames": frames,
        "boilerplate": boilerplate,
        "title": a.card.title,
        "publisher": a.card.publisher.as_ref().map(|p| p.name.clone()),
        "date": a.card.date,
    });
    Ok(out.to_string())
}
