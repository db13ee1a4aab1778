//! Lower bounds on the cost and on the repeats, so the search can stop once a plan is provably
//! optimal: counting (water-filling), pigeonhole per round, published maxima, per person, balance.

use super::model::Model;
use super::state::{Cost, cell_cost};

/// Which argument gives the bound on repeats (shown to the trainer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoundSource {
    /// There are more meetings than fresh pairs (everyone met everyone, or will have to).
    Counting,
    /// A group holds more people than there are groups: some met in the round before.
    Pigeonhole,
    /// More rounds than the most ever possible without a repeat (published tables).
    KnownMaximum,
    /// Someone must meet more people than they may still meet fresh (keep-apart, history).
    People,
}

/// What no plan can beat: a cost (component by component) and a number of repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bound {
    pub(crate) cost: Cost,
    /// Fewest repeated meetings, counted as `Score::repeated_pairs` counts them.
    pub(crate) repeats: u32,
    pub(crate) source: BoundSource,
}

impl Bound {
    /// The cost meets the bound on every part: no plan is better on any of them.
    pub(crate) fn met_by(&self, cost: Cost) -> bool {
        cost.apart == 0
            && cost.pairs <= self.cost.pairs
            && cost.off <= self.cost.off
            && cost.triples <= self.cost.triples
            && cost.outside <= self.cost.outside
            && cost.recency <= self.cost.recency
            && cost.balance <= self.cost.balance
    }
}

/// The bound of a problem.
pub(crate) fn lower_bound(model: &Model) -> Bound {
    let counting = counting_bound(model);
    let linear = counting_repeats(model);
    let pigeonhole = pigeonhole_bound(model);
    let known = known_maximum_bound(model);
    let (unit_pairs, unit_repeats) = unit_forced(model);
    let people = people_bound(model);
    let singles = singles_bound(model);
    let mut repeats = (linear.max(singles + unit_repeats), BoundSource::Counting);
    for candidate in [
        (pigeonhole, BoundSource::Pigeonhole),
        (known, BoundSource::KnownMaximum),
        (people + unit_repeats, BoundSource::People),
    ] {
        if candidate.0 > repeats.0 {
            repeats = candidate;
        }
    }
    let pairs = counting
        .max(pigeonhole)
        .max(known)
        .max(people + unit_pairs)
        .max(singles + unit_pairs);
    let fresh = model.met.iter().all(|&m| m == 0);
    Bound {
        cost: Cost {
            apart: 0,
            pairs,
            off: 0,
            triples: triple_bound(model),
            // Where the fair average is below one meeting, every repeat is outside the band.
            outside: if model.band.1 <= 1 && fresh {
                repeats.0
            } else {
                0
            },
            recency: 0,
            balance: balance_bound(model),
            mild: 0,
            scarcity: 0,
        },
        repeats: u32::try_from(repeats.0).unwrap_or(u32::MAX),
        source: repeats.1,
    }
}

fn choose2(m: i64) -> i64 {
    m * (m - 1) / 2
}

/// Two people of one keep-together unit (they meet every round).
fn tied(model: &Model, i: usize, j: usize) -> bool {
    model.unit_of[i] == model.unit_of[j]
}

/// Meetings of pairs that are free to meet or not (not tied, not apart) over the plan.
fn free_meetings(model: &Model) -> i64 {
    let per_round: i64 = model.sizes.iter().map(|&s| choose2(s as i64)).sum();
    let tied_pairs: i64 = model.units.iter().map(|u| choose2(u.len() as i64)).sum();
    (per_round - tied_pairs) * model.rounds as i64
}

/// The cost and repeats of tied pairs, who meet every round.
pub(crate) fn unit_forced(model: &Model) -> (i64, i64) {
    let rounds = model.rounds as i64;
    let (mut cost, mut repeats) = (0, 0);
    for unit in &model.units {
        for (x, &i) in unit.iter().enumerate() {
            for &j in &unit[x + 1..] {
                let h = i64::from(model.met[model.pair(i, j)]);
                cost += choose2(h + rounds) - choose2(h);
                repeats += if h > 0 { rounds } else { rounds - 1 };
            }
        }
    }
    (cost, repeats)
}

/// Every round adds sum C(size, 2) meetings; tied pairs take theirs every round, apart pairs
/// none; the convex cost is least when the rest go to the pairs that met least (history
/// included), one at a time.
pub(crate) fn counting_bound(model: &Model) -> i64 {
    let n = model.n;
    let mut left = free_meetings(model);
    // Free pairs per meeting count; every pair's history costs what it costs.
    let mut levels: Vec<i64> = Vec::new();
    let mut cost = 0;
    for i in 0..n {
        for j in i + 1..n {
            let m = usize::from(model.met[model.pair(i, j)]);
            cost += choose2(m as i64);
            if model.apart[model.pair(i, j)] || tied(model, i, j) {
                continue;
            }
            if levels.len() <= m {
                levels.resize(m + 1, 0);
            }
            levels[m] += 1;
        }
    }
    if levels.iter().all(|&k| k == 0) {
        return cost + unit_forced(model).0;
    }
    let mut level = 0;
    while left > 0 {
        if level + 1 >= levels.len() {
            levels.push(0);
        }
        let k = levels[level];
        let take = k.min(left);
        // Raising a pair from `level` to `level + 1` meetings costs `level`.
        cost += take * level as i64;
        left -= take;
        levels[level] -= take;
        levels[level + 1] += take;
        if levels[level] == 0 {
            level += 1;
        }
    }
    cost + unit_forced(model).0
}

/// Repeats by counting: every free meeting beyond the pairs that never met is a repeat, and
/// tied pairs repeat every round after their first.
pub(crate) fn counting_repeats(model: &Model) -> i64 {
    let n = model.n;
    let mut fresh = 0;
    for i in 0..n {
        for j in i + 1..n {
            let p = model.pair(i, j);
            fresh += i64::from(model.met[p] == 0 && !model.apart[p] && !tied(model, i, j));
        }
    }
    (free_meetings(model) - fresh).max(0) + unit_forced(model).1
}

/// Most keep-together units for which `singles_bound` tries every way to seat them.
const SEATINGS: usize = 100_000;

/// Without history, with keep-together units: people outside units meet each other in the
/// seats the units leave, at least `fewest_single_meetings` times a round (counted per pair,
/// a unit's partners meet it as one); beyond the pairs of them that may meet fresh, each such
/// meeting is a repeat. 15 in 3s over 7 rounds with a tied pair: 13 others meet 12 times a
/// round, 84 meetings for 78 pairs, so 6 repeats besides the pair's own. Repeats a pair's
/// meetings cost at least, so the number bounds the pair cost too.
pub(crate) fn singles_bound(model: &Model) -> i64 {
    let units = model.tied_sizes();
    if units.is_empty() || model.met.iter().any(|&m| m > 0) {
        return 0;
    }
    let Some(per_round) = fewest_single_meetings(&model.sizes, &units) else {
        return 0;
    };
    let single = |i: usize| model.units[model.unit_of[i]].len() == 1;
    let mut fresh = 0;
    for i in (0..model.n).filter(|&i| single(i)) {
        for j in (i + 1..model.n).filter(|&j| single(j)) {
            fresh += i64::from(!model.apart[model.pair(i, j)]);
        }
    }
    (per_round * model.rounds as i64 - fresh).max(0)
}

/// The fewest meetings between people outside units in one round: every way of seating the
/// units in the groups tried; None when there are too many ways.
fn fewest_single_meetings(sizes: &[usize], units: &[usize]) -> Option<i64> {
    let ways = sizes.len().checked_pow(u32::try_from(units.len()).ok()?)?;
    if ways > SEATINGS {
        return None;
    }
    fn go(free: &mut [usize], units: &[usize]) -> Option<i64> {
        let Some((&unit, rest)) = units.split_first() else {
            return Some(free.iter().map(|&f| choose2(f as i64)).sum());
        };
        let mut best: Option<i64> = None;
        for g in 0..free.len() {
            if free[g] >= unit {
                free[g] -= unit;
                if let Some(v) = go(free, rest) {
                    best = Some(best.map_or(v, |b| b.min(v)));
                }
                free[g] += unit;
            }
        }
        best
    }
    go(&mut sizes.to_vec(), units)
}

/// Without history: from the second round on, a group of s people drawn from k earlier groups
/// holds at least the pairs of the fullest spread of s into k groups who met the round before.
pub(crate) fn pigeonhole_bound(model: &Model) -> i64 {
    if model.met.iter().any(|&m| m > 0) || model.rounds < 2 {
        return 0;
    }
    let k = model.sizes.len() as i64;
    let per_round: i64 = model
        .sizes
        .iter()
        .map(|&s| {
            let s = s as i64;
            let (q, rem) = (s / k, s % k);
            rem * choose2(q + 1) + (k - rem) * choose2(q)
        })
        .sum();
    per_round * (model.rounds as i64 - 1)
}

/// Most rounds without a repeat where that is below what counting allows, from the tables of
/// the social golfer problem (OEIS A107431; Harvey's table): (people, group size, rounds).
/// 12 in 3s: no resolvable design; 20 in 4s and 30 in 5s: proven; 36 in 6s: a fourth round
/// would need two orthogonal Latin squares of order 6, which do not exist (Tarry, 1900).
pub(crate) const KNOWN_MAXIMA: &[(usize, usize, usize)] =
    &[(12, 3, 4), (20, 4, 5), (30, 5, 6), (36, 6, 3)];

/// Without history: more rounds than the known maximum force a repeat. With as many groups as
/// people per group they force two: two rounds that share a repeat put two people of one
/// group together again, so some other group of that round misses a group of the other and
/// must put two of its people into one of the rest.
pub(crate) fn known_maximum_bound(model: &Model) -> i64 {
    let size = model.sizes[0];
    let equal = model.sizes.iter().all(|&s| s == size);
    let fresh = model.met.iter().all(|&m| m == 0);
    let beyond = KNOWN_MAXIMA
        .iter()
        .any(|&(n, s, max)| n == model.n && s == size && model.rounds > max);
    if !(equal && fresh && beyond) {
        return 0;
    }
    if model.sizes.len() == size { 2 } else { 1 }
}

/// Per person: over the plan each meets at least rounds x (smallest group - 1) people outside
/// their keep-together unit; beyond the people they may still meet fresh (not apart, not met
/// before) each meeting is a repeat. A repeat serves two people only when both need one and
/// may sit together, so apart pairs who both need one need two repeats.
pub(crate) fn people_bound(model: &Model) -> i64 {
    let n = model.n;
    let smallest = model.sizes.iter().copied().min().unwrap_or(1) as i64;
    let rounds = model.rounds as i64;
    let need: Vec<i64> = (0..n)
        .map(|i| {
            let unit = model.units[model.unit_of[i]].len() as i64;
            let slots = rounds * (smallest - unit).max(0);
            let fresh = (0..n)
                .filter(|&j| {
                    let p = model.pair(i, j);
                    j != i && !tied(model, i, j) && !model.apart[p] && model.met[p] == 0
                })
                .count() as i64;
            (slots - fresh).max(0)
        })
        .collect();
    let total: i64 = need.iter().sum();
    if total == 0 {
        return 0;
    }
    // Demand that can be met by a repeat serving two needy people at once.
    let shared: i64 = (0..n)
        .filter(|&i| need[i] > 0)
        .map(|i| {
            let partners: i64 = (0..n)
                .filter(|&j| j != i && !tied(model, i, j) && !model.apart[model.pair(i, j)])
                .map(|j| need[j])
                .sum();
            need[i].min(partners)
        })
        .sum();
    total - shared / 2
}

/// Triples: every round adds sum C(size, 3) triple meetings over C(n, 3) triples; the convex
/// cost is least when they are spread evenly (history and ties ignored: still a lower bound).
pub(crate) fn triple_bound(model: &Model) -> i64 {
    if !model.triples {
        return 0;
    }
    let choose3 = |m: i64| m * (m - 1) * (m - 2) / 6;
    let n = model.n as i64;
    let total: i64 =
        model.sizes.iter().map(|&s| choose3(s as i64)).sum::<i64>() * model.rounds as i64;
    let triples = choose3(n);
    let (q, r) = (total / triples, total % triples);
    (triples - r) * choose2(q) + r * choose2(q + 1)
}

/// Each group's count of each class as close to proportional as whole people allow.
pub(crate) fn balance_bound(model: &Model) -> i64 {
    let mut total = 0;
    for (a, attr) in model.attributes.iter().enumerate() {
        for (class, &t) in attr.totals.iter().enumerate() {
            for &size in &model.sizes {
                let floor = (t * size / model.n) as i64;
                total += cell_cost(model, a, class, size, floor).min(cell_cost(
                    model,
                    a,
                    class,
                    size,
                    floor + 1,
                ));
            }
        }
    }
    total * model.rounds as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::problem::{Person, Problem, Sizing};

    fn model(n: usize, size: usize, rounds: usize) -> Model {
        with_pairs(n, size, rounds, &[], &[])
    }

    /// A model with keep-apart and keep-together pairs of numbered people.
    fn with_pairs(
        n: usize,
        size: usize,
        rounds: usize,
        apart: &[(usize, usize)],
        together: &[(usize, usize)],
    ) -> Model {
        let names = |pairs: &[(usize, usize)]| {
            pairs
                .iter()
                .map(|&(a, b)| (format!("P{a}"), format!("P{b}")))
                .collect()
        };
        let problem = Problem {
            people: (0..n)
                .map(|i| Person {
                    name: format!("P{i}"),
                    attributes: Default::default(),
                })
                .collect(),
            sizing: Sizing::Size(size),
            rounds,
            keep_apart: names(apart),
            keep_together: names(together),
            history: vec![],
            balance: vec![],
            pins: Vec::new(),
        };
        Model::build(&problem).expect("valid problem")
    }

    #[test]
    fn thirty_six_in_sixes_needs_two_repeats_from_the_fourth_round() {
        // Counting allows 7 rounds; no two orthogonal Latin squares of order 6 exist.
        assert_eq!(counting_bound(&model(36, 6, 4)), 0);
        let b = lower_bound(&model(36, 6, 4));
        assert_eq!((b.cost.pairs, b.repeats), (2, 2));
        assert_eq!(b.source, BoundSource::KnownMaximum);
        assert_eq!(lower_bound(&model(36, 6, 3)).repeats, 0);
        // 20 in 4s: at most 5 rounds, and a sixth can cost a single repeat.
        assert_eq!(lower_bound(&model(20, 4, 6)).repeats, 1);
    }

    #[test]
    fn a_keep_apart_pair_in_a_complete_design_forces_two_repeats() {
        // Kirkman: everyone meets everyone once; two who may not meet each need a repeat,
        // and one repeat cannot serve both.
        let b = lower_bound(&with_pairs(15, 3, 7, &[(0, 1)], &[]));
        assert_eq!((b.cost.pairs, b.repeats), (2, 2));
        assert_eq!(b.source, BoundSource::People);
        // Two apart pairs: 0 with 2, 1 with 3 may serve each other: still two.
        assert_eq!(
            lower_bound(&with_pairs(15, 3, 7, &[(0, 1), (2, 3)], &[])).repeats,
            2
        );
        // 32 in 4s for 9 rounds leaves pairs that never meet: no repeat forced.
        assert_eq!(
            lower_bound(&with_pairs(32, 4, 9, &[(0, 1)], &[])).repeats,
            0
        );
    }

    #[test]
    fn a_keep_together_pair_forces_a_repeat_every_round_after_the_first() {
        let b = lower_bound(&with_pairs(20, 4, 5, &[], &[(0, 1)]));
        assert_eq!(b.repeats, 4);
        // Meeting 5 times costs C(5, 2) = 10.
        assert_eq!(b.cost.pairs, 10);
        // In the complete affine plane (16 in 4s over 5 rounds) the 14 others meet 19 times a
        // round beside the pair: 95 meetings for 91 pairs, 4 repeats more.
        let b = lower_bound(&with_pairs(16, 4, 5, &[], &[(0, 1)]));
        assert_eq!((b.repeats, b.cost.pairs), (8, 14));
    }

    #[test]
    fn a_tied_pair_in_kirkman_forces_six_repeats_among_the_others() {
        // 13 others meet 12 times a round in the 4 groups the pair leaves and once beside
        // it: 84 meetings over 7 rounds for 78 pairs. Plus the pair's own 6.
        let b = lower_bound(&with_pairs(15, 3, 7, &[], &[(0, 1)]));
        assert_eq!(b.repeats, 12);
        assert_eq!(b.source, BoundSource::Counting);
        // 32 in 4s over 9 rounds: 43 a round, 387 for 435 pairs: only the tie's 8.
        assert_eq!(
            lower_bound(&with_pairs(32, 4, 9, &[(2, 3)], &[(0, 1)])).repeats,
            8
        );
        assert_eq!(singles_bound(&with_pairs(32, 4, 9, &[], &[(0, 1)])), 0);
    }

    #[test]
    fn kirkman_can_be_repeat_free_and_one_more_round_cannot() {
        assert_eq!(counting_bound(&model(15, 3, 7)), 0);
        // An 8th round adds 15 meetings to 105 pairs that all met once.
        assert_eq!(counting_bound(&model(15, 3, 8)), 15);
    }

    #[test]
    fn twelve_in_threes_cannot_go_five_rounds_without_a_repeat() {
        // Counting allows 5 rounds (60 of 66 pairs); the known maximum is 4.
        assert_eq!(counting_bound(&model(12, 3, 5)), 0);
        assert_eq!(lower_bound(&model(12, 3, 5)).cost.pairs, 1);
        assert_eq!(lower_bound(&model(12, 3, 4)).cost.pairs, 0);
    }

    #[test]
    fn fifteen_in_fives_must_repeat_from_the_second_round() {
        let m = model(15, 5, 2);
        // 3 groups of 5 from 3 earlier groups: each holds at least 2 pairs who met.
        assert_eq!(pigeonhole_bound(&m), 6);
        // 7 rounds: 210 meetings over 105 pairs, all meeting twice at best.
        assert_eq!(counting_bound(&model(15, 5, 7)), 105);
    }
}
