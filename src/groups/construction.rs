//! Repeat-free plans by construction when local search struggles (32 in 4s for 9 rounds):
//! p^d people in groups of p^e, each round the cosets of one subspace of GF(p)^d.
//!
//! Two people x, y share a group in the round of subspace W when x - y lies in W. If the
//! subspaces of the rounds meet only in 0 (a partial spread), no pair meets twice. For 32 in
//! 4s these are lines of PG(4,2); a partial spread of 9 of them exists, so 9 rounds.

use super::dice::Dice;

/// Largest population handled (a subspace is a bit mask over the nonzero vectors).
const MAX_PEOPLE: usize = 128;
/// Spanning tuples tried when listing subspaces.
const MAX_TUPLES: usize = 3_000_000;
/// Search nodes when looking for subspaces that meet only in 0.
const MAX_NODES: usize = 2_000_000;

/// `rounds` rounds of `n / size` groups with no pair meeting twice, people shuffled by `dice`;
/// None when n and size are not powers of one prime or no such set of subspaces is found.
pub(crate) fn affine_plan(
    n: usize,
    sizes: &[usize],
    rounds: usize,
    dice: &mut Dice,
) -> Option<Vec<Vec<Vec<usize>>>> {
    let size = *sizes.first()?;
    if sizes.iter().any(|&s| s != size) || n > MAX_PEOPLE || rounds == 0 {
        return None;
    }
    let p = smallest_prime_factor(size)?;
    let e = exact_power(size, p)?;
    let d = exact_power(n, p)?;
    if e >= d {
        return None;
    }
    let field = Field { p, d };
    let subspaces = field.subspaces(e)?;
    let chosen = disjoint(&subspaces, rounds)?;
    let mut label: Vec<usize> = (0..n).collect();
    dice.shuffle(&mut label);
    Some(
        chosen
            .iter()
            .map(|&mask| {
                field
                    .cosets(mask)
                    .into_iter()
                    .map(|g| g.into_iter().map(|x| label[x]).collect())
                    .collect()
            })
            .collect(),
    )
}

fn smallest_prime_factor(x: usize) -> Option<usize> {
    (2..=x).find(|&f| x.is_multiple_of(f))
}

/// k with p^k = x.
fn exact_power(mut x: usize, p: usize) -> Option<usize> {
    let mut k = 0;
    while x > 1 {
        if !x.is_multiple_of(p) {
            return None;
        }
        x /= p;
        k += 1;
    }
    Some(k)
}

/// Vectors of GF(p)^d as numbers 0..p^d, one base-p digit per coordinate.
struct Field {
    p: usize,
    d: usize,
}

impl Field {
    fn size(&self) -> usize {
        self.p.pow(self.d as u32)
    }

    fn add(&self, mut x: usize, mut y: usize) -> usize {
        let (mut out, mut place) = (0, 1);
        for _ in 0..self.d {
            out += ((x % self.p + y % self.p) % self.p) * place;
            x /= self.p;
            y /= self.p;
            place *= self.p;
        }
        out
    }

    /// All e-dimensional subspaces, each as a mask of its nonzero vectors (bit v - 1).
    fn subspaces(&self, e: usize) -> Option<Vec<u128>> {
        let n = self.size();
        if (n - 1).checked_pow(e as u32)? > MAX_TUPLES {
            return None;
        }
        let mut found = std::collections::BTreeSet::new();
        let mut tuple = vec![1usize; e];
        loop {
            let span = self.span(&tuple);
            if span.len() == self.p.pow(e as u32) {
                let mask = span
                    .iter()
                    .filter(|&&v| v != 0)
                    .fold(0u128, |m, &v| m | 1 << (v - 1));
                found.insert(mask);
            }
            // Next tuple of nonzero vectors (odometer).
            let mut i = 0;
            loop {
                if i == e {
                    return Some(found.into_iter().collect());
                }
                tuple[i] += 1;
                if tuple[i] < n {
                    break;
                }
                tuple[i] = 1;
                i += 1;
            }
        }
    }

    /// The distinct vectors spanned by `basis`.
    fn span(&self, basis: &[usize]) -> Vec<usize> {
        let mut span = vec![0usize];
        for &b in basis {
            let mut next = Vec::with_capacity(span.len() * self.p);
            for &v in &span {
                let mut w = v;
                for _ in 0..self.p {
                    next.push(w);
                    w = self.add(w, b);
                }
            }
            next.sort_unstable();
            next.dedup();
            span = next;
        }
        span
    }

    /// The cosets x + W of the subspace `mask`: the groups of one round.
    fn cosets(&self, mask: u128) -> Vec<Vec<usize>> {
        let n = self.size();
        let members: Vec<usize> = std::iter::once(0)
            .chain((1..n).filter(|v| mask >> (v - 1) & 1 == 1))
            .collect();
        let mut placed = vec![false; n];
        let mut groups = Vec::new();
        for x in 0..n {
            if placed[x] {
                continue;
            }
            let group: Vec<usize> = members.iter().map(|&w| self.add(x, w)).collect();
            for &y in &group {
                placed[y] = true;
            }
            groups.push(group);
        }
        groups
    }
}

/// `count` masks, pairwise disjoint (subspaces meeting only in 0), by depth-first search.
fn disjoint(masks: &[u128], count: usize) -> Option<Vec<u128>> {
    fn go(
        masks: &[u128],
        from: usize,
        used: u128,
        chosen: &mut Vec<u128>,
        count: usize,
        nodes: &mut usize,
    ) -> bool {
        if chosen.len() == count {
            return true;
        }
        for i in from..masks.len() {
            *nodes += 1;
            if *nodes > MAX_NODES || masks.len() - i < count - chosen.len() {
                return false;
            }
            if masks[i] & used == 0 {
                chosen.push(masks[i]);
                if go(masks, i + 1, used | masks[i], chosen, count, nodes) {
                    return true;
                }
                chosen.pop();
            }
        }
        false
    }
    let mut chosen = Vec::with_capacity(count);
    let mut nodes = 0;
    go(masks, 0, 0, &mut chosen, count, &mut nodes).then_some(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::plan_checks::{assert_partitions, repeats};

    fn check(n: usize, size: usize, rounds: usize) {
        let sizes = vec![size; n / size];
        let plan = affine_plan(n, &sizes, rounds, &mut Dice::new(1)).expect("constructible");
        assert_eq!(plan.len(), rounds);
        assert_partitions(&plan, n, &sizes);
        assert_eq!(repeats(&plan, n), 0);
    }

    #[test]
    fn thirty_two_in_fours_for_nine_rounds_without_a_repeat() {
        check(32, 4, 9);
    }

    #[test]
    fn other_prime_powers_work_too() {
        check(16, 4, 5); // the affine plane of order 4
        check(9, 3, 4);
        check(25, 5, 6);
        check(27, 3, 13);
        check(8, 2, 7);
    }

    #[test]
    fn sizes_that_are_no_prime_power_or_too_many_rounds_are_declined() {
        assert!(affine_plan(15, &[3; 5], 7, &mut Dice::new(1)).is_none());
        assert!(affine_plan(32, &[4; 8], 11, &mut Dice::new(1)).is_none());
        assert!(affine_plan(14, &[4, 4, 3, 3], 2, &mut Dice::new(1)).is_none());
    }
}
