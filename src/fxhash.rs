//! A small, fast, non-cryptographic hasher for the lexicon and pipeline maps (the "Fx" hash of
//! rustc/Firefox): keys are short words from a trusted, compiled-in vocabulary or token indices,
//! so HashDoS resistance is not needed and SipHash's cost is not worth paying per token.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

/// The 1 to 7 bytes of `rest` as a little-endian word padded with zeros (the value of copying
/// them into a zeroed `[u8; 8]`), shifted in byte by byte: a `memcpy` call of variable length
/// cost more, and every string key hashed (a token looked up in the vocabulary, a line in the
/// boilerplate maps) paid it.
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    let mut w = 0;
    for (i, &b) in rest.iter().enumerate() {
        w |= u64::from(b) << (8 * i);
    }
    w
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail_word(rest));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_word_as_a_padded_copy() {
        for n in 1..8 {
            for seed in 0u8..=255 {
                let rest: Vec<u8> = (0..n as u8)
                    .map(|i| seed.wrapping_mul(31).wrapping_add(i.wrapping_mul(97)))
                    .collect();
                let mut buf = [0u8; 8];
                buf[..n].copy_from_slice(&rest);
                assert_eq!(tail_word(&rest), u64::from_le_bytes(buf), "{rest:?}");
            }
        }
    }

    #[test]
    fn map_works_with_str_keys() {
        let mut m: FxHashMap<String, u32> = FxHashMap::default();
        m.insert("ministre".into(), 1);
        m.insert("ministres".into(), 2);
        assert_eq!(m.get("ministre"), Some(&1));
        assert_eq!(m.get("ministres"), Some(&2));
        assert_eq!(m.get("ministr"), None);
    }
}
