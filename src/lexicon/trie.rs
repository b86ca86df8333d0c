//! Byte tries: the gazetteer's forms ([`ByteTrie`]) and the media names, matched
//! case-insensitively ([`MediaMatcher`]).

use super::*;

/// A byte trie over a set of distinct non-empty keys, each with a `u32` value.
///
/// [`ByteTrie::prefixes`] lists the keys that are prefixes of a text, shortest first, in one step
/// per byte of the longest one: however many keys share a first word (« La Haye », « La Paz »,
/// « La Réunion »…), a position costs what the text has in common with them.
///
/// Invariants: node 0 is the root; the edges of node `n` are `labels[edges[n]..edges[n + 1]]`
/// (sorted bytes) and the same range of `targets`; `values[n]` is the value of the key ending at
/// `n`, or [`ByteTrie::NONE`].
#[derive(Debug, Clone)]
pub struct ByteTrie {
    /// Root transitions by byte ([`ByteTrie::NONE`] when absent): the root has most letters.
    root: Vec<u32>,
    edges: Vec<u32>,
    labels: Vec<u8>,
    targets: Vec<u32>,
    values: Vec<u32>,
}

impl ByteTrie {
    /// No node / no value.
    pub const NONE: u32 = u32::MAX;

    /// Builds the trie; of two equal keys, the first one's value is kept; empty keys are ignored.
    #[inline(never)]
    pub fn new<'k>(keys: impl IntoIterator<Item = (&'k [u8], u32)>) -> ByteTrie {
        let keys: Vec<(&[u8], u32)> = keys.into_iter().collect();
        let size = keys.iter().map(|k| k.0.len()).sum::<usize>() + 1;
        let mut values = Vec::with_capacity(size);
        values.push(Self::NONE);
        // (parent, byte) → child while building.
        let mut child: HashMap<(u32, u8), u32> =
            HashMap::with_capacity_and_hasher(size, Default::default());
        let mut links: Vec<(u32, u8, u32)> = Vec::with_capacity(size);
        for (key, value) in keys {
            if key.is_empty() {
                continue;
            }
            let mut n = 0u32;
            for &b in key {
                n = *child.entry((n, b)).or_insert_with(|| {
                    let c = values.len() as u32;
                    values.push(Self::NONE);
                    links.push((n, b, c));
                    c
                });
            }
            if values[n as usize] == Self::NONE {
                values[n as usize] = value;
            }
        }
        // Edges grouped by parent (a counting sort), then sorted by byte within each node.
        let mut edges = vec![0u32; values.len() + 1];
        for &(p, ..) in &links {
            edges[p as usize + 1] += 1;
        }
        for i in 1..edges.len() {
            edges[i] += edges[i - 1];
        }
        let mut next = edges.clone();
        let (mut labels, mut targets) = (vec![0u8; links.len()], vec![0u32; links.len()]);
        for &(p, b, c) in &links {
            let k = next[p as usize] as usize;
            (labels[k], targets[k]) = (b, c);
            next[p as usize] += 1;
        }
        let mut pairs = Vec::new();
        for w in edges.windows(2) {
            let (lo, hi) = (w[0] as usize, w[1] as usize);
            if hi - lo > 1 {
                pairs.clear();
                pairs.extend(
                    labels[lo..hi]
                        .iter()
                        .copied()
                        .zip(targets[lo..hi].iter().copied()),
                );
                pairs.sort_unstable();
                for (k, &(b, c)) in pairs.iter().enumerate() {
                    (labels[lo + k], targets[lo + k]) = (b, c);
                }
            }
        }
        let mut root = vec![Self::NONE; 256];
        for k in edges[0] as usize..edges[1] as usize {
            root[labels[k] as usize] = targets[k];
        }
        ByteTrie {
            root,
            edges,
            labels,
            targets,
            values,
        }
    }

    /// The node reached from `node` by byte `b`, or [`ByteTrie::NONE`].
    #[inline]
    pub fn step(&self, node: u32, b: u8) -> u32 {
        if node == 0 {
            return self.root[b as usize];
        }
        let (lo, hi) = (
            self.edges[node as usize] as usize,
            self.edges[node as usize + 1] as usize,
        );
        let labels = &self.labels[lo..hi];
        let k = if labels.len() <= 8 {
            labels.iter().position(|&l| l == b)
        } else {
            labels.binary_search(&b).ok()
        };
        k.map_or(Self::NONE, |k| self.targets[lo + k])
    }

    /// Value of the key ending at `node` ([`ByteTrie::NONE`] if none does).
    #[inline]
    pub fn value(&self, node: u32) -> u32 {
        self.values[node as usize]
    }

    /// The node reached from the root by `key` ([`ByteTrie::NONE`] if no key starts so).
    pub fn walk(&self, key: &[u8]) -> u32 {
        let mut node = 0;
        for &b in key {
            node = self.step(node, b);
            if node == Self::NONE {
                break;
            }
        }
        node
    }

    /// The keys that are prefixes of `hay`, shortest first: `(key length, value)`.
    #[cfg(test)]
    pub fn prefixes<'t, 'h>(&'t self, hay: &'h [u8]) -> Prefixes<'t, 'h> {
        self.prefixes_from(0, hay, 0)
    }

    /// [`ByteTrie::prefixes`] when `hay[..depth]` is known to lead to `node` ([`ByteTrie::walk`]):
    /// the walk resumes there (a key ending at `node` is listed first).
    #[cfg(test)]
    pub fn prefixes_from<'t, 'h>(
        &'t self,
        node: u32,
        hay: &'h [u8],
        depth: usize,
    ) -> Prefixes<'t, 'h> {
        Prefixes {
            trie: self,
            hay,
            node,
            depth,
            fresh: true,
        }
    }
}

/// Iterator of [`ByteTrie::prefixes`].
#[cfg(test)]
#[derive(Debug)]
pub struct Prefixes<'t, 'h> {
    trie: &'t ByteTrie,
    hay: &'h [u8],
    node: u32,
    depth: usize,
    /// The value of the start node is still to be listed.
    fresh: bool,
}

#[cfg(test)]
impl Iterator for Prefixes<'_, '_> {
    type Item = (usize, u32);

    #[inline]
    fn next(&mut self) -> Option<(usize, u32)> {
        if self.fresh {
            self.fresh = false;
            if self.node != ByteTrie::NONE {
                let v = self.trie.value(self.node);
                if v != ByteTrie::NONE {
                    return Some((self.depth, v));
                }
            }
        }
        while self.node != ByteTrie::NONE {
            let &b = self.hay.get(self.depth)?;
            self.node = self.trie.step(self.node, b);
            self.depth += 1;
            if self.node != ByteTrie::NONE {
                let v = self.trie.value(self.node);
                if v != ByteTrie::NONE {
                    return Some((self.depth, v));
                }
            }
        }
        None
    }
}

/// Index of a media pattern (a position in [`Lexicons::media_pat`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatternId(u32);

impl PatternId {
    pub fn as_usize(self) -> usize {
        self.0 as usize
    }
}

/// A media pattern found in a text: byte range and pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MediaMatch {
    start: usize,
    end: usize,
    pattern: PatternId,
}

impl MediaMatch {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn pattern(&self) -> PatternId {
        self.pattern
    }
}

/// ASCII-case-insensitive search for media names and domains (lower-cased patterns), reporting
/// leftmost-longest, non-overlapping matches: at each step the match that starts first, and of
/// those the longest, then the search resumes at its end (the semantics of the Aho-Corasick
/// automaton it replaces; it only runs over a few dateline and footer blocks).
#[derive(Debug, Clone)]
pub struct MediaMatcher {
    /// Patterns with ASCII letters lower-cased, valued by pattern index.
    trie: ByteTrie,
}

impl MediaMatcher {
    pub(super) fn new(patterns: &[String]) -> Self {
        let folded: Vec<Vec<u8>> = patterns
            .iter()
            .map(|p| p.as_bytes().to_ascii_lowercase())
            .collect();
        MediaMatcher {
            trie: ByteTrie::new(folded.iter().zip(0..).map(|(p, i)| (p.as_slice(), i))),
        }
    }

    /// The longest pattern starting at byte `s` of `hay`: (end, pattern).
    fn longest_at(&self, hay: &[u8], s: usize) -> Option<(usize, u32)> {
        let mut node = 0;
        let mut best = None;
        for (k, &b) in hay[s..].iter().enumerate() {
            node = self.trie.step(node, b.to_ascii_lowercase());
            if node == ByteTrie::NONE {
                break;
            }
            let v = self.trie.value(node);
            if v != ByteTrie::NONE {
                best = Some((s + k + 1, v));
            }
        }
        best
    }

    /// Is all of `s` one pattern (« xinhua », « french.news.cn »)?
    pub fn is_name(&self, s: &str) -> bool {
        self.whole_name(s).is_some()
    }

    /// The pattern that is the whole of `s`, if any.
    pub fn whole_name(&self, s: &str) -> Option<usize> {
        if s.is_empty() {
            return None;
        }
        self.longest_at(s.as_bytes(), 0)
            .and_then(|(e, p)| (e == s.len()).then_some(p as usize))
    }

    /// Leftmost-longest, non-overlapping matches in `hay`.
    pub fn find_iter<'m, 'h>(&'m self, hay: &'h str) -> impl Iterator<Item = MediaMatch> + 'm
    where
        'h: 'm,
    {
        let hay = hay.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < hay.len() {
                let s = at;
                at += 1;
                if let Some((end, p)) = self.longest_at(hay, s) {
                    at = end;
                    return Some(MediaMatch {
                        start: s,
                        end,
                        pattern: PatternId(p),
                    });
                }
            }
            None
        })
    }
}
