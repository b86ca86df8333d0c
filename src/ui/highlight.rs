//! Turns the flat, possibly overlapping annotation layers of an [`Analysis`] into one properly
//! nested tree per block, ready to be rendered as HTML.
//!
//! Pure Rust with no web dependency: it only reads spans that the analysis core produced and
//! decides how to nest them; it never analyses the text itself.
//!
//! Nesting rules:
//! - inside a block, spans are ordered by start, then longest first, then by layer (page chrome,
//!   quote, stance, frame, entity mention, date), so a mention inside a quote renders inside it;
//! - a span that crosses a block boundary is clipped to each block it touches;
//! - when two spans cross, the one that starts later (the inner one) is split at the end of the
//!   outer one, except that an entity mention or a date is never split by a quote, stance, frame or
//!   chrome span: that outer span is split around it instead. Every piece of a split span carries
//!   its part number (see [`Node::Span::part`]), so the pieces can be grouped again.

use crate::schema::{Analysis, BlockKind, Span};

/// The analysis layer an annotation comes from, with its index into that layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    /// Index into [`Analysis::boilerplate`] (chrome inside a content block).
    Chrome(usize),
    /// Index into [`Analysis::quotes`].
    Quote(usize),
    /// Index into [`Analysis::stances`].
    Stance(usize),
    /// Index into [`Analysis::frames`].
    Frame(usize),
    /// Index into [`Analysis::mentions`].
    Mention(usize),
    /// Index into [`Analysis::dates`].
    Date(usize),
}

impl Layer {
    /// Nesting rank: lower ranks wrap higher ranks when two spans are equal.
    fn rank(self) -> u8 {
        match self {
            Layer::Chrome(_) => 0,
            Layer::Quote(_) => 1,
            Layer::Stance(_) => 2,
            Layer::Frame(_) => 3,
            Layer::Mention(_) => 4,
            Layer::Date(_) => 5,
        }
    }

    /// Mentions and dates are kept whole whenever possible.
    fn atomic(self) -> bool {
        matches!(self, Layer::Mention(_) | Layer::Date(_))
    }
}

/// A node of the render tree. Offsets are UTF-8 byte offsets into the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Text {
        start: usize,
        end: usize,
    },
    Span {
        layer: Layer,
        start: usize,
        end: usize,
        /// 0 for the first (or only) piece of the annotation, 1, 2… for the following pieces.
        part: usize,
        /// True when this is the last piece of the annotation.
        last: bool,
        children: Vec<Node>,
    },
}

/// One rendered paragraph: a block of the analysis, or (defensively) a run of non-blank text
/// that no block covers.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockView {
    /// Index into [`Analysis::blocks`], `None` for uncovered text.
    pub block: Option<usize>,
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
    pub nodes: Vec<Node>,
}

#[derive(Debug, Clone, Copy)]
struct Item {
    start: usize,
    end: usize,
    layer: Layer,
    /// Order of appearance (tie-breaker).
    seq: usize,
}

impl Item {
    fn key(&self) -> (usize, std::cmp::Reverse<usize>, u8, usize) {
        (
            self.start,
            std::cmp::Reverse(self.end),
            self.layer.rank(),
            self.seq,
        )
    }
}

/// Lengths of the annotation layers of an [`Analysis`]: an analysis that grows part by part (see
/// [`crate::ui::parts`]) gets the annotations of each new part with [`annotations_from`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub boilerplate: usize,
    pub quotes: usize,
    pub stances: usize,
    pub frames: usize,
    pub mentions: usize,
    pub dates: usize,
}

impl Counts {
    pub fn of(a: &Analysis) -> Counts {
        Counts {
            boilerplate: a.boilerplate.len(),
            quotes: a.quotes.len(),
            stances: a.stances.len(),
            frames: a.frames.len(),
            mentions: a.mentions.len(),
            dates: a.dates.len(),
        }
    }
}

/// All annotations rendered in the text view, sorted by start (then longest first, then layer).
pub fn annotations(a: &Analysis) -> Vec<(Span, Layer)> {
    annotations_from(a, &Counts::default())
}

/// The annotations of the items at index `from.*` and after in each layer, sorted like
/// [`annotations`].
pub fn annotations_from(a: &Analysis, from: &Counts) -> Vec<(Span, Layer)> {
    let mut out = Vec::new();
    // Chrome segments inside content blocks (whole boilerplate blocks are shown as such). Blocks
    // are sorted and disjoint: the block holding a span's start is the last one starting at or
    // before it.
    let whole_block = |s: &Span| {
        let i = a.blocks.partition_point(|bl| bl.span.start <= s.start);
        i > 0 && {
            let bl = &a.blocks[i - 1];
            bl.kind == BlockKind::Boilerplate && s.end <= bl.span.end
        }
    };
    for (i, b) in a.boilerplate.iter().enumerate().skip(from.boilerplate) {
        if !whole_block(&b.span) {
            out.push((b.span, Layer::Chrome(i)));
        }
    }
    let q = a.quotes.iter().enumerate().skip(from.quotes);
    out.extend(q.map(|(i, q)| (q.span, Layer::Quote(i))));
    let s = a.stances.iter().enumerate().skip(from.stances);
    out.extend(s.map(|(i, s)| (s.span, Layer::Stance(i))));
    let f = a.frames.iter().enumerate().skip(from.frames);
    out.extend(f.map(|(i, f)| (f.span, Layer::Frame(i))));
    let m = a.mentions.iter().enumerate().skip(from.mentions);
    out.extend(m.map(|(i, m)| (m.span, Layer::Mention(i))));
    let d = a.dates.iter().enumerate().skip(from.dates);
    out.extend(d.map(|(i, d)| (d.span, Layer::Date(i))));
    super::sort::sort_by_key(&mut out, |(s, l)| {
        (s.start, std::cmp::Reverse(s.end), l.rank())
    });
    out
}

/// Lays out the whole text: one [`BlockView`] per block, in text order.
pub fn layout(text: &str, a: &Analysis) -> Vec<BlockView> {
    layout_range(text, a, &annotations(a), 0, text.len())
}

/// Lays out the blocks that start in `[lo, hi)`, plus any non-blank text of that range that no
/// block covers. `spans` must be sorted by start (as [`annotations`] returns them) and hold every
/// annotation that starts before the end of the last of those blocks. Linear in the size of the
/// range (plus one scan of the spans that start before `lo`), so a long text can be laid out
/// slice by slice.
pub fn layout_range(
    text: &str,
    a: &Analysis,
    spans: &[(Span, Layer)],
    lo: usize,
    hi: usize,
) -> Vec<BlockView> {
    let hi = hi.min(text.len());
    let b0 = a.blocks.partition_point(|b| b.span.start < lo);
    let b1 = a.blocks.partition_point(|b| b.span.start < hi);
    let mut blocks: Vec<(Option<usize>, BlockKind, usize, usize)> = (b0..b1.max(b0))
        .map(|i| (i, &a.blocks[i]))
        .filter(|(_, b)| b.span.start < b.span.end && b.span.end <= text.len())
        .map(|(i, b)| (Some(i), b.kind, b.span.start, b.span.end))
        .collect();
    // Defensive: never hide text that no block covers.
    let mut gaps = Vec::new();
    let mut pos = lo;
    for &(_, _, s, e) in &blocks {
        if s > pos {
            gaps.push((pos, s));
        }
        pos = pos.max(e);
    }
    if pos < hi {
        gaps.push((pos, hi));
    }
    for (s, e) in gaps {
        let (s, e) = trim(text, s, e);
        if s < e {
            blocks.push((None, BlockKind::Paragraph, s, e));
        }
    }
    super::sort::sort_by_key(&mut blocks, |b| (b.2, b.3));

    // Sweep: `active` holds the spans that may overlap the current block.
    let mut next = spans.partition_point(|(s, _)| s.start < lo);
    let mut active: Vec<(Span, Layer)> = spans[..next]
        .iter()
        .filter(|(s, _)| s.end > lo)
        .copied()
        .collect();
    let mut views = Vec::with_capacity(blocks.len());
    let mut seen_end = 0;
    for (block, kind, s, e) in blocks {
        // Overlapping blocks (should not happen) are rendered once.
        let s = s.max(seen_end);
        if s >= e {
            continue;
        }
        seen_end = e;
        while next < spans.len() && spans[next].0.start < e {
            active.push(spans[next]);
            next += 1;
        }
        active.retain(|(sp, _)| sp.end > s);
        views.push(BlockView {
            block,
            kind,
            start: s,
            end: e,
            nodes: nest(s, e, &active),
        });
    }
    views
}

fn trim(text: &str, s: usize, e: usize) -> (usize, usize) {
    let slice = &text[s..e];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail >= slice.len() {
        (s, s)
    } else {
        (s + lead, e - trail)
    }
}

/// Builds the nested nodes of the range `[lo, hi)` from the annotation spans.
pub fn nest(lo: usize, hi: usize, spans: &[(Span, Layer)]) -> Vec<Node> {
    // Clip to the range; drop empty spans.
    let mut work: Vec<Item> = spans
        .iter()
        .enumerate()
        .filter(|(_, (s, _))| s.start < hi && s.end > lo && s.start < s.end)
        .map(|(seq, (s, layer))| Item {
            start: s.start.max(lo),
            end: s.end.min(hi),
            layer: *layer,
            seq,
        })
        .collect();
    // Work list sorted so that the next item is at the end (pop).
    super::sort::sort_by_key(&mut work, |it| std::cmp::Reverse(it.key()));

    // Arena of placed spans.
    struct Placed {
        item: Item,
        children: Vec<usize>,
    }
    let mut arena: Vec<Placed> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    // Pieces already emitted per annotation (seq) → part numbers.
    let mut parts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let mut part_of: Vec<usize> = Vec::new();

    let requeue = |work: &mut Vec<Item>, it: Item| {
        let k = std::cmp::Reverse(it.key());
        let pos = work.partition_point(|w| std::cmp::Reverse(w.key()) < k);
        work.insert(pos, it);
    };

    while let Some(mut it) = work.pop() {
        loop {
            while let Some(&top) = stack.last() {
                if arena[top].item.end <= it.start {
                    stack.pop();
                } else {
                    break;
                }
            }
            let Some(&top) = stack.last() else { break };
            let top_item = arena[top].item;
            if it.end <= top_item.end {
                break; // fully inside
            }
            // `it` crosses `top` (top.start <= it.start < top.end < it.end).
            if it.layer.atomic() && !top_item.layer.atomic() && top_item.start < it.start {
                // Keep the mention whole: cut the outer span at the mention's start and queue the
                // rest of it, which will nest inside the mention.
                arena[top].item.end = it.start;
                stack.pop();
                requeue(
                    &mut work,
                    Item {
                        start: it.start,
                        end: top_item.end,
                        ..top_item
                    },
                );
                continue;
            }
            // Split the inner span at the end of the outer one.
            requeue(
                &mut work,
                Item {
                    start: top_item.end,
                    ..it
                },
            );
            it.end = top_item.end;
            break;
        }
        let idx = arena.len();
        arena.push(Placed {
            item: it,
            children: Vec::new(),
        });
        let p = parts.entry(it.seq).or_insert(0);
        part_of.push(*p);
        *p += 1;
        match stack.last() {
            Some(&parent) => arena[parent].children.push(idx),
            None => roots.push(idx),
        }
        stack.push(idx);
    }

    fn build(
        idx: usize,
        arena: &[Placed],
        part_of: &[usize],
        parts: &std::collections::HashMap<usize, usize>,
    ) -> Node {
        let p = &arena[idx];
        let children = fill(p.item.start, p.item.end, &p.children, arena, part_of, parts);
        Node::Span {
            layer: p.item.layer,
            start: p.item.start,
            end: p.item.end,
            part: part_of[idx],
            last: part_of[idx] + 1 == parts[&p.item.seq],
            children,
        }
    }
    fn fill(
        lo: usize,
        hi: usize,
        kids: &[usize],
        arena: &[Placed],
        part_of: &[usize],
        parts: &std::collections::HashMap<usize, usize>,
    ) -> Vec<Node> {
        let mut out = Vec::with_capacity(kids.len() * 2 + 1);
        let mut pos = lo;
        for &k in kids {
            let it = arena[k].item;
            if it.start > pos {
                out.push(Node::Text {
                    start: pos,
                    end: it.start,
                });
            }
            out.push(build(k, arena, part_of, parts));
            pos = it.end;
        }
        if pos < hi {
            out.push(Node::Text {
                start: pos,
                end: hi,
            });
        }
        out
    }
    fill(lo, hi, &roots, &arena, &part_of, &parts)
}

/// The highlights in document order, as `(layer, start, end)` of each whole annotation after
/// grouping split pieces: what a reader sees as marks. Used by tests.
pub fn flatten(nodes: &[Node], out: &mut Vec<(Layer, usize, usize)>) {
    for n in nodes {
        if let Node::Span {
            layer,
            start,
            end,
            part,
            children,
            ..
        } = n
        {
            if *part == 0 {
                out.push((*layer, *start, *end));
            } else if let Some(prev) = out.iter_mut().rev().find(|(l, _, _)| l == layer) {
                prev.2 = *end;
            }
            flatten(children, out);
        }
    }
}
