//! The solver's only source of randomness: a portable, seeded ChaCha8 generator.
//! `below(n)` maps 64 random bits to 0..n by multiply-shift, the same on every machine.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

/// Seeded dice for the solver (never `StdRng`, whose stream may change between versions).
pub(crate) struct Dice(ChaCha8Rng);

impl Dice {
    pub(crate) fn new(seed: u64) -> Dice {
        Dice(ChaCha8Rng::seed_from_u64(seed))
    }

    /// A number in `0..n`; `n` must be at least 1.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0);
        ((u128::from(self.0.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub(crate) fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// Shuffle in place (Fisher-Yates).
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_numbers_and_stays_in_range() {
        let mut a = Dice::new(7);
        let mut b = Dice::new(7);
        for n in 1..200 {
            let x = a.below(n);
            assert_eq!(x, b.below(n));
            assert!(x < n);
        }
    }

    #[test]
    fn the_stream_is_fixed_across_versions_and_machines() {
        // Pinned values: if this changes, every recorded seed would reproduce other groups.
        let mut d = Dice::new(42);
        let got: Vec<usize> = (0..6).map(|_| d.below(1000)).collect();
        assert_eq!(got, PINNED);
    }

    const PINNED: [usize; 6] = [681, 950, 427, 627, 288, 149];
}
