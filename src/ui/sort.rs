//! A stable sort for the page program: one small merge sort of indices behind a `dyn`
//! comparison, instead of the standard library's stable sort, which the page instantiated once
//! per call site (≈ 4 KB of wasm each, issue 14). O(n log n) comparisons; same order as
//! `slice::sort_by` (stable: equal elements keep their order).

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (as `v.sort_by(cmp)`).
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let n = v.len();
    if n < 2 {
        return;
    }
    let order = sorted_indices(n, &|a, b| cmp(&v[a], &v[b]));
    // Position k receives the element now at order[k]: follow each cycle with swaps.
    let mut done = vec![false; n];
    for start in 0..n {
        let mut k = start;
        while !done[k] {
            done[k] = true;
            let src = order[k] as usize;
            if src == start {
                break;
            }
            v.swap(k, src);
            k = src;
        }
    }
}

/// Sorts `v` by `key`, stably (as `v.sort_by_key(key)`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The indices `0..n` in sorted order (bottom-up merge sort; not generic, so compiled once).
fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut a: Vec<u32> = (0..n as u32).collect();
    let mut b = vec![0u32; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                // Strictly less on the right only: equal elements keep their order.
                if cmp(a[j] as usize, a[i] as usize) == Ordering::Less {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + (mid - i)].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..k + (hi - j)].copy_from_slice(&a[j..hi]);
            lo = hi;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        // A small deterministic generator: many lengths, many duplicates.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for n in (0..70).chain([255, 256, 257, 1000, 4097]) {
            for modulo in [1, 3, 50, 1 << 20] {
                let v: Vec<(u64, usize)> = (0..n).map(|i| (next() % modulo, i)).collect();
                let mut ours = v.clone();
                sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
                let mut std = v.clone();
                std.sort_by_key(|a| a.0);
                assert_eq!(ours, std, "n={n} mod={modulo}");
                let mut ours = v.clone();
                sort_by_key(&mut ours, |a| std::cmp::Reverse(a.0));
                let mut std = v;
                std.sort_by_key(|a| std::cmp::Reverse(a.0));
                assert_eq!(ours, std);
            }
        }
    }
}
