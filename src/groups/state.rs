//! A full plan under search: who sits in which group each round, the meeting counts, and the
//! cost kept up to date. A swap's cost change is computed in O(group size) without applying it.

use super::model::Model;

/// Cost of a plan (lower is better), compared in this order: hard violations; then repeats and
/// lopsided groups weighed together (`2 * pairs + 3 * off`: a group dominated by one kind is
/// worth more than one extra repeat, less than two); then how far pairs are outside one of the
/// fair average (the convex cost cannot tell 0,3 from 1,2); then recency; then the fine balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Cost {
    pub(crate) apart: i64,
    /// Convex pair cost: sum over pairs of m(m-1)/2 for m meetings, history included.
    pub(crate) pairs: i64,
    /// People beyond the fair share of their kind in a group, or short of it (rounded up or
    /// down), summed over rounds, groups, balanced attributes (weighted) and kinds.
    pub(crate) off: i64,
    pub(crate) outside: i64,
    pub(crate) recency: i64,
    pub(crate) balance: i64,
}

/// Weights of repeats and lopsided groups against each other (see `Cost`).
const PAIR_WEIGHT: i64 = 2;
const OFF_WEIGHT: i64 = 3;

impl Cost {
    pub(crate) fn add(self, d: Cost) -> Cost {
        Cost {
            apart: self.apart + d.apart,
            pairs: self.pairs + d.pairs,
            off: self.off + d.off,
            outside: self.outside + d.outside,
            recency: self.recency + d.recency,
            balance: self.balance + d.balance,
        }
    }

    fn key(&self) -> (i64, i64, i64, i64, i64, i64) {
        (
            self.apart,
            PAIR_WEIGHT * self.pairs + OFF_WEIGHT * self.off,
            self.pairs,
            self.outside,
            self.recency,
            self.balance,
        )
    }
}

impl Ord for Cost {
    fn cmp(&self, other: &Cost) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for Cost {
    fn partial_cmp(&self, other: &Cost) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// In round `r`, the people `s` (all in group `ga`) trade places with `t` (all in group `gb`);
/// `s` and `t` have equal length and are unions of keep-together units.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Swap<'a> {
    pub(crate) r: usize,
    pub(crate) s: &'a [usize],
    pub(crate) ga: usize,
    pub(crate) t: &'a [usize],
    pub(crate) gb: usize,
}

/// A plan with its bookkeeping.
#[derive(Debug, Clone)]
pub(crate) struct State {
    /// `group_of[r][i]`: person i's group in round r.
    pub(crate) group_of: Vec<Vec<usize>>,
    /// `members[r][g]`: the people in group g of round r.
    pub(crate) members: Vec<Vec<Vec<usize>>>,
    /// Meetings per pair, history plus plan.
    pub(crate) meet: Vec<u16>,
    /// `counts[r][g][a][class]`: people of that attribute class in the group.
    pub(crate) counts: Vec<Vec<Vec<Vec<i64>>>>,
    pub(crate) cost: Cost,
}

/// Imbalance of one cell: distance of n * count from the proportional n * total * size / n.
pub(crate) fn cell_cost(model: &Model, a: usize, class: usize, size: usize, count: i64) -> i64 {
    let attr = &model.attributes[a];
    let d = model.n as i64 * count - (attr.totals[class] * size) as i64;
    attr.weight * d * d
}

/// How far one cell is outside its fair share rounded down and up, in people (weighted).
pub(crate) fn cell_off(model: &Model, a: usize, class: usize, size: usize, count: i64) -> i64 {
    let attr = &model.attributes[a];
    let share = (attr.totals[class] * size) as i64;
    let n = model.n as i64;
    let (floor, ceil) = (share / n, (share + n - 1) / n);
    attr.weight * ((floor - count).max(0) + (count - ceil).max(0))
}

impl State {
    /// Build from a complete assignment `members[r][g]`.
    pub(crate) fn new(model: &Model, members: Vec<Vec<Vec<usize>>>) -> State {
        let n = model.n;
        let mut group_of = vec![vec![0; n]; members.len()];
        let mut meet = model.met.clone();
        let mut cost = Cost::default();
        for i in 0..n {
            for j in i + 1..n {
                let m = i64::from(meet[model.pair(i, j)]);
                cost.pairs += m * (m - 1) / 2;
            }
        }
        let mut counts = Vec::with_capacity(members.len());
        for (r, round) in members.iter().enumerate() {
            let mut round_counts = Vec::with_capacity(round.len());
            for (g, group) in round.iter().enumerate() {
                for (x, &i) in group.iter().enumerate() {
                    group_of[r][i] = g;
                    for &j in &group[x + 1..] {
                        let p = model.pair(i, j);
                        let m = i64::from(meet[p]);
                        cost.pairs += m;
                        cost.recency += model.recency[p];
                        cost.apart += i64::from(model.apart[p]);
                        meet[p] += 1;
                        meet[model.pair(j, i)] += 1;
                    }
                }
                let mut group_counts = Vec::with_capacity(model.attributes.len());
                for (a, attr) in model.attributes.iter().enumerate() {
                    let mut c = vec![0i64; attr.totals.len()];
                    for &i in group {
                        c[attr.class_of[i]] += 1;
                    }
                    for (class, &k) in c.iter().enumerate() {
                        cost.balance += cell_cost(model, a, class, group.len(), k);
                        cost.off += cell_off(model, a, class, group.len(), k);
                    }
                    group_counts.push(c);
                }
                round_counts.push(group_counts);
            }
            counts.push(round_counts);
        }
        for i in 0..n {
            for j in i + 1..n {
                let m = meet[model.pair(i, j)];
                cost.outside += i64::from(model.band.0.saturating_sub(m))
                    + i64::from(m.saturating_sub(model.band.1));
            }
        }
        State {
            group_of,
            members,
            meet,
            counts,
            cost,
        }
    }

    /// Does person i sit, in round r, with someone met `threshold` times or more (this round
    /// included), with someone to keep apart, or with more of their own kind than their share?
    pub(crate) fn conflicting(&self, model: &Model, r: usize, i: usize, threshold: u16) -> bool {
        let g = self.group_of[r][i];
        let group = &self.members[r][g];
        let crowded = group.iter().any(|&j| {
            j != i && (self.meet[model.pair(i, j)] >= threshold || model.apart[model.pair(i, j)])
        });
        crowded
            || model.attributes.iter().enumerate().any(|(a, attr)| {
                let class = attr.class_of[i];
                let share = attr.totals[class] * group.len();
                // More of this class than the proportional share rounded up.
                self.counts[r][g][a][class] as usize * model.n > share + model.n - 1
            })
    }

    /// Cost change of a swap, without applying it.
    pub(crate) fn delta(&self, model: &Model, swap: Swap) -> Cost {
        let Swap { r, s, ga, t, gb } = swap;
        let mut d = Cost::default();
        let a_members = &self.members[r][ga];
        let b_members = &self.members[r][gb];
        if let (&[x], &[y]) = (s, t) {
            // Two single people trade places (the common case, kept lean).
            for &z in a_members {
                if z != x {
                    self.leave(model, model.pair(x, z), &mut d);
                    self.join(model, model.pair(y, z), &mut d);
                }
            }
            for &z in b_members {
                if z != y {
                    self.leave(model, model.pair(y, z), &mut d);
                    self.join(model, model.pair(x, z), &mut d);
                }
            }
            if !model.attributes.is_empty() {
                (d.balance, d.off) = self.balance_delta(model, swap);
            }
            return d;
        }
        for (movers, from, into, stay_out) in
            [(s, a_members, b_members, t), (t, b_members, a_members, s)]
        {
            for &x in movers {
                for &z in from {
                    if !movers.contains(&z) {
                        self.leave(model, model.pair(x, z), &mut d);
                    }
                }
                for &z in into {
                    if !stay_out.contains(&z) {
                        self.join(model, model.pair(x, z), &mut d);
                    }
                }
            }
        }
        if !model.attributes.is_empty() {
            (d.balance, d.off) = self.balance_delta(model, swap);
        }
        d
    }

    /// The pair `p` stops meeting once.
    #[inline]
    fn leave(&self, model: &Model, p: usize, d: &mut Cost) {
        let m = self.meet[p];
        d.pairs -= i64::from(m) - 1;
        d.outside += i64::from(m <= model.band.0) - i64::from(m > model.band.1);
        if model.constrained {
            d.recency -= model.recency[p];
            d.apart -= i64::from(model.apart[p]);
        }
    }

    /// The pair `p` meets once more.
    #[inline]
    fn join(&self, model: &Model, p: usize, d: &mut Cost) {
        let m = self.meet[p];
        d.pairs += i64::from(m);
        d.outside += i64::from(m >= model.band.1) - i64::from(m < model.band.0);
        if model.constrained {
            d.recency += model.recency[p];
            d.apart += i64::from(model.apart[p]);
        }
    }

    /// Change of the fine balance and of `off`.
    fn balance_delta(&self, model: &Model, swap: Swap) -> (i64, i64) {
        let Swap { r, s, ga, t, gb } = swap;
        let (size_a, size_b) = (self.members[r][ga].len(), self.members[r][gb].len());
        let mut total = 0;
        let mut off = 0;
        for (a, attr) in model.attributes.iter().enumerate() {
            let movers = || s.iter().chain(t).map(|&x| attr.class_of[x]);
            for (pos, class) in movers().enumerate() {
                if movers().take(pos).any(|c| c == class) {
                    continue; // this class was handled at its first mover
                }
                // Net change of this class in group ga (group gb changes by the opposite).
                let k = t.iter().filter(|&&y| attr.class_of[y] == class).count() as i64
                    - s.iter().filter(|&&x| attr.class_of[x] == class).count() as i64;
                if k == 0 {
                    continue;
                }
                let ca = self.counts[r][ga][a][class];
                let cb = self.counts[r][gb][a][class];
                total += cell_cost(model, a, class, size_a, ca + k)
                    - cell_cost(model, a, class, size_a, ca)
                    + cell_cost(model, a, class, size_b, cb - k)
                    - cell_cost(model, a, class, size_b, cb);
                off += cell_off(model, a, class, size_a, ca + k)
                    - cell_off(model, a, class, size_a, ca)
                    + cell_off(model, a, class, size_b, cb - k)
                    - cell_off(model, a, class, size_b, cb);
            }
        }
        (total, off)
    }

    /// Repeated meetings in the plan, as `Score::repeated_pairs` counts them: every planned
    /// meeting of a pair that met before (history or an earlier round).
    pub(crate) fn repeats(&self, model: &Model) -> u32 {
        let mut repeats = 0u32;
        for i in 0..model.n {
            for j in i + 1..model.n {
                let p = model.pair(i, j);
                let (history, planned) = (model.met[p], self.meet[p] - model.met[p]);
                repeats += u32::from(if history > 0 {
                    planned
                } else {
                    planned.saturating_sub(1)
                });
            }
        }
        repeats
    }

    /// Apply the swap `delta` describes.
    pub(crate) fn apply(&mut self, model: &Model, swap: Swap) {
        let d = self.delta(model, swap);
        let Swap { r, s, ga, t, gb } = swap;
        self.cost = self.cost.add(d);
        // Meetings: drop old pairs, add new ones.
        for (movers, from, stay_out) in [(s, ga, t), (t, gb, s)] {
            for &x in movers {
                for &z in &self.members[r][from] {
                    if !movers.contains(&z) {
                        self.meet[model.pair(x, z)] -= 1;
                        self.meet[model.pair(z, x)] -= 1;
                    }
                }
                let into = if from == ga { gb } else { ga };
                for &z in &self.members[r][into] {
                    if !stay_out.contains(&z) {
                        self.meet[model.pair(x, z)] += 1;
                        self.meet[model.pair(z, x)] += 1;
                    }
                }
            }
        }
        for (&x, &y) in s.iter().zip(t) {
            for slot in self.members[r][ga].iter_mut() {
                if *slot == x {
                    *slot = y;
                }
            }
            for slot in self.members[r][gb].iter_mut() {
                if *slot == y {
                    *slot = x;
                }
            }
            self.group_of[r][x] = gb;
            self.group_of[r][y] = ga;
            for (a, attr) in model.attributes.iter().enumerate() {
                self.counts[r][ga][a][attr.class_of[x]] -= 1;
                self.counts[r][ga][a][attr.class_of[y]] += 1;
                self.counts[r][gb][a][attr.class_of[y]] -= 1;
                self.counts[r][gb][a][attr.class_of[x]] += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::dice::Dice;
    use crate::groups::problem::{Meeting, Person, Problem, Sizing};

    fn problem() -> Problem {
        let depts = ["a", "b", "c"];
        Problem {
            people: (0..12)
                .map(|i| Person {
                    name: format!("P{i}"),
                    attributes: [("afdeling".to_string(), depts[i % 3].to_string())].into(),
                })
                .collect(),
            sizing: Sizing::Size(4),
            rounds: 7,
            keep_apart: vec![("P0".into(), "P1".into())],
            keep_together: vec![],
            history: vec![Meeting {
                a: "P0".into(),
                b: "P4".into(),
                rounds_ago: 2,
            }],
            balance: vec!["afdeling".into()],
        }
    }

    #[test]
    fn two_pairs_meeting_twice_cost_less_than_one_pair_meeting_three_times() {
        // Six people in pairs over three rounds, both plans with two repeated meetings.
        let p = Problem {
            people: (0..6)
                .map(|i| Person {
                    name: format!("P{i}"),
                    attributes: Default::default(),
                })
                .collect(),
            sizing: Sizing::Size(2),
            rounds: 3,
            keep_apart: vec![],
            keep_together: vec![],
            history: vec![],
            balance: vec![],
        };
        let model = Model::build(&p).expect("valid problem");
        let round = |pairs: [[usize; 2]; 3]| pairs.iter().map(|g| g.to_vec()).collect();
        let one_pair_thrice = State::new(
            &model,
            vec![
                round([[0, 1], [2, 3], [4, 5]]),
                round([[0, 1], [2, 4], [3, 5]]),
                round([[0, 1], [2, 5], [3, 4]]),
            ],
        );
        let two_pairs_twice = State::new(
            &model,
            vec![
                round([[0, 1], [2, 3], [4, 5]]),
                round([[0, 1], [2, 4], [3, 5]]),
                round([[0, 2], [1, 3], [4, 5]]),
            ],
        );
        assert_eq!(one_pair_thrice.repeats(&model), 2);
        assert_eq!(two_pairs_twice.repeats(&model), 2);
        assert!(two_pairs_twice.cost < one_pair_thrice.cost);
    }

    #[test]
    fn incremental_cost_matches_a_fresh_count_after_many_swaps() {
        let model = Model::build(&problem()).expect("valid problem");
        // 7 rounds: 1.9 meetings per pair on average, so the band (1..=2) matters.
        assert_eq!(model.band, (1, 2));
        let members: Vec<Vec<Vec<usize>>> = (0..7)
            .map(|_| (0..3).map(|g| (4 * g..4 * g + 4).collect()).collect())
            .collect();
        let mut state = State::new(&model, members);
        let mut dice = Dice::new(3);
        for _ in 0..2000 {
            let r = dice.below(7);
            let (x, y) = (dice.below(12), dice.below(12));
            let (ga, gb) = (state.group_of[r][x], state.group_of[r][y]);
            if ga == gb {
                continue;
            }
            let swap = Swap {
                r,
                s: &[x],
                ga,
                t: &[y],
                gb,
            };
            let predicted = state.cost.add(state.delta(&model, swap));
            state.apply(&model, swap);
            let fresh = State::new(&model, state.members.clone());
            assert_eq!(state.cost, fresh.cost);
            assert_eq!(predicted, fresh.cost);
            assert_eq!(state.meet, fresh.meet);
            assert_eq!(state.counts, fresh.counts);
        }
    }
}
