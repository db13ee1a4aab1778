//! A full plan under search: who sits in which group each round, the meeting counts, and the
//! cost kept up to date. A swap's cost change is computed in O(group size) without applying it.

use super::model::Model;
use super::triples::triple;

/// Cost of a plan (lower is better), compared in this order: hard violations; then repeats and
/// lopsided groups weighed together (`2 * pairs + 3 * off`: a group dominated by one kind is
/// worth more than one extra repeat, less than two; the first `mild` cells off weigh 2, as a
/// repeat, and a tie then goes to fewer repeats); then repeated triples (a group's core meeting
/// again); then how far pairs are outside one of the fair average (the convex cost cannot tell
/// 0,3 from 1,2); then recency; then, for one round (a day planned with history), the freedom
/// it uses up (look-ahead: later days need fresh partners); then the fine balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Cost {
    pub(crate) apart: i64,
    /// Convex pair cost: sum over pairs of m(m-1)/2 for m meetings, history included.
    pub(crate) pairs: i64,
    /// People beyond the fair share of their kind in a group, or short of it (rounded up or
    /// down), summed over rounds, groups, balanced attributes (weighted) and kinds.
    pub(crate) off: i64,
    /// Convex triple cost: sum over triples of m(m-1)/2 for m meetings, history included.
    pub(crate) triples: i64,
    pub(crate) outside: i64,
    pub(crate) recency: i64,
    pub(crate) balance: i64,
    /// Cells off the fair share that weigh as one repeat, not more (set once per plan).
    pub(crate) mild: i64,
    /// Freedom used up (one-round plans only, else 0): over people, the square of how many
    /// they can no longer meet fresh in a balanced group (met, apart, or of their own kind
    /// without room for two). Among otherwise equal days, the one that leaves everyone fresh
    /// partners for the next days: measured over seeds 1-30 of the course of issue 21, it
    /// took the repeats from 26.5 to 24.7 on average (see docs/groups.md).
    pub(crate) scarcity: i64,
}

/// Weights of repeats and lopsided groups against each other (see `Cost`).
const PAIR_WEIGHT: i64 = 2;
const OFF_WEIGHT: i64 = 3;
/// Cells off the fair share per round that weigh as much as one repeat (not more): a day may
/// trade two slightly mixed-up groups for two fresh pairs; beyond that balance comes first.
const MILD_PER_ROUND: i64 = 2;

impl Cost {
    pub(crate) fn add(self, d: Cost) -> Cost {
        Cost {
            apart: self.apart + d.apart,
            pairs: self.pairs + d.pairs,
            off: self.off + d.off,
            triples: self.triples + d.triples,
            outside: self.outside + d.outside,
            recency: self.recency + d.recency,
            balance: self.balance + d.balance,
            mild: self.mild + d.mild,
            scarcity: self.scarcity + d.scarcity,
        }
    }

    pub(crate) fn key(&self) -> (i64, i64, i64, i64, i64, i64, i64, i64) {
        (
            self.apart,
            PAIR_WEIGHT * (self.pairs + self.off.min(self.mild))
                + OFF_WEIGHT * (self.off - self.mild).max(0),
            self.triples,
            self.pairs,
            self.outside,
            self.recency,
            self.scarcity,
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
    /// Meetings per triple, history plus plan (see `triples::triple`); empty when not counted.
    pub(crate) tri: Vec<u16>,
    /// `counts[r][g][a][class]`: people of that attribute class in the group.
    pub(crate) counts: Vec<Vec<Vec<Vec<i64>>>>,
    /// Per person: compatible people not met yet (history and plan), see `Cost::scarcity`.
    pub(crate) free: Vec<i64>,
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
        cost.mild = if model.attributes.is_empty() {
            0
        } else {
            MILD_PER_ROUND * members.len() as i64
        };
        let mut tri = model.tri_met.clone();
        cost.triples = tri.iter().map(|&m| choose2(m)).sum();
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
                if model.triples {
                    each_triple(n, group, |t, _| {
                        cost.triples += i64::from(tri[t]);
                        cost.recency += tri_recency(model, t);
                        tri[t] += 1;
                    });
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
        let free: Vec<i64> = (0..n)
            .map(|i| {
                (0..n)
                    .filter(|&j| model.compatible[model.pair(i, j)] && meet[model.pair(i, j)] == 0)
                    .count() as i64
            })
            .collect();
        if model.rounds == 1 {
            cost.scarcity = free.iter().map(|&f| scarcity(n, f)).sum();
        }
        State {
            group_of,
            members,
            meet,
            tri,
            counts,
            free,
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
            if model.triples {
                self.swap_triples(model, x, y, a_members, &mut d);
                self.swap_triples(model, y, x, b_members, &mut d);
            }
            if !model.attributes.is_empty() {
                (d.balance, d.off) = self.balance_delta(model, swap);
            }
            if model.rounds == 1 {
                d.scarcity = self.single_scarcity_delta(model, swap);
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
        if model.triples {
            for (group, out, into) in [(a_members, s, t), (b_members, t, s)] {
                each_changed_triple(model.n, group, out, |tr| {
                    d.triples -= i64::from(self.tri[tr]) - 1;
                    d.recency -= tri_recency(model, tr);
                });
                let after: Vec<usize> = group
                    .iter()
                    .filter(|z| !out.contains(z))
                    .chain(into)
                    .copied()
                    .collect();
                each_changed_triple(model.n, &after, into, |tr| {
                    d.triples += i64::from(self.tri[tr]);
                    d.recency += tri_recency(model, tr);
                });
            }
        }
        if !model.attributes.is_empty() {
            (d.balance, d.off) = self.balance_delta(model, swap);
        }
        if model.rounds == 1 {
            d.scarcity = self.scarcity_delta(model, swap);
        }
        d
    }

    /// `scarcity_delta` for two single people trading places (no allocation): each other
    /// member of the two groups gains or loses at most one unmet partner.
    fn single_scarcity_delta(&self, model: &Model, swap: Swap) -> i64 {
        let Swap { r, s, ga, t, gb } = swap;
        let (x, y) = (s[0], t[0]);
        let n = model.n;
        let frees = |p: usize| i64::from(model.compatible[p] && self.meet[p] == 1);
        let takes = |p: usize| i64::from(model.compatible[p] && self.meet[p] == 0);
        // Unmet partners x and y gain (leaving) and lose (joining), and the change of the rest.
        let mut change = [0i64; 2];
        let mut d = 0;
        for (group, out, into, o, i) in [(ga, x, y, 0, 1), (gb, y, x, 1, 0)] {
            for &z in &self.members[r][group] {
                if z == out {
                    continue;
                }
                let (gone, come) = (frees(model.pair(out, z)), takes(model.pair(into, z)));
                change[o] += gone;
                change[i] -= come;
                let f = self.free[z];
                d += scarcity(n, f + gone - come) - scarcity(n, f);
            }
        }
        d + scarcity(n, self.free[x] + change[0]) - scarcity(n, self.free[x])
            + scarcity(n, self.free[y] + change[1])
            - scarcity(n, self.free[y])
    }

    /// Change of `Cost::scarcity`: people whose compatible unmet partners change in number.
    fn scarcity_delta(&self, model: &Model, swap: Swap) -> i64 {
        let Swap { r, s, ga, t, gb } = swap;
        let mut change: Vec<(usize, i64)> = Vec::with_capacity(16);
        let mut bump = |who: usize, by: i64| match change.iter_mut().find(|(p, _)| *p == who) {
            Some((_, d)) => *d += by,
            None => change.push((who, by)),
        };
        for (movers, from, into, stay_out) in [(s, ga, gb, t), (t, gb, ga, s)] {
            for &x in movers {
                for &z in &self.members[r][from] {
                    let p = model.pair(x, z);
                    if !movers.contains(&z) && model.compatible[p] && self.meet[p] == 1 {
                        bump(x, 1);
                        bump(z, 1);
                    }
                }
                for &z in &self.members[r][into] {
                    let p = model.pair(x, z);
                    if !stay_out.contains(&z) && model.compatible[p] && self.meet[p] == 0 {
                        bump(x, -1);
                        bump(z, -1);
                    }
                }
            }
        }
        change
            .iter()
            .map(|&(p, d)| scarcity(model.n, self.free[p] + d) - scarcity(model.n, self.free[p]))
            .sum()
    }

    /// Triple cost change when `x` leaves `group` (its group) and `y` takes its place.
    #[inline]
    fn swap_triples(&self, model: &Model, x: usize, y: usize, group: &[usize], d: &mut Cost) {
        let n = model.n;
        for (p, &z1) in group.iter().enumerate() {
            if z1 == x {
                continue;
            }
            for &z2 in &group[p + 1..] {
                if z2 == x {
                    continue;
                }
                let (old, new) = (triple(n, x, z1, z2), triple(n, y, z1, z2));
                d.triples += i64::from(self.tri[new]) - i64::from(self.tri[old]) + 1;
                if !model.tri_recency.is_empty() {
                    d.recency += model.tri_recency[new] - model.tri_recency[old];
                }
            }
        }
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
                        if self.meet[model.pair(x, z)] == 0 && model.compatible[model.pair(x, z)] {
                            self.free[x] += 1;
                            self.free[z] += 1;
                        }
                    }
                }
                let into = if from == ga { gb } else { ga };
                for &z in &self.members[r][into] {
                    if !stay_out.contains(&z) {
                        if self.meet[model.pair(x, z)] == 0 && model.compatible[model.pair(x, z)] {
                            self.free[x] -= 1;
                            self.free[z] -= 1;
                        }
                        self.meet[model.pair(x, z)] += 1;
                        self.meet[model.pair(z, x)] += 1;
                    }
                }
            }
        }
        if model.triples {
            for (g, out) in [(ga, s), (gb, t)] {
                let tri = &mut self.tri;
                each_changed_triple(model.n, &self.members[r][g], out, |tr| tri[tr] -= 1);
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
        if model.triples {
            for (g, into) in [(ga, t), (gb, s)] {
                let tri = &mut self.tri;
                each_changed_triple(model.n, &self.members[r][g], into, |tr| tri[tr] += 1);
            }
        }
    }
}

/// Scarcity of one person with `free` compatible people left to meet fresh, of `n`: the
/// square of the freedom used up, so using the last partners of someone costs most.
pub(crate) fn scarcity(n: usize, free: i64) -> i64 {
    let used = n as i64 - free;
    used * used
}

fn choose2(m: u16) -> i64 {
    let m = i64::from(m);
    m * (m - 1) / 2
}

/// Recency weight of an earlier meeting of triple `t` (0 without history triples).
#[inline]
fn tri_recency(model: &Model, t: usize) -> i64 {
    model.tri_recency.get(t).copied().unwrap_or(0)
}

/// Calls `f` for each triple of `group` that holds one of `movers` and one who is not: those
/// that form or break up when `movers` join or leave the group together.
fn each_changed_triple(n: usize, group: &[usize], movers: &[usize], mut f: impl FnMut(usize)) {
    each_triple(n, group, |t, members| {
        let moving = members.iter().filter(|z| movers.contains(z)).count();
        if moving > 0 && moving < 3 {
            f(t);
        }
    });
}

/// Calls `f` for each triple of `group`, with its index and its people.
fn each_triple(n: usize, group: &[usize], mut f: impl FnMut(usize, [usize; 3])) {
    for (x, &a) in group.iter().enumerate() {
        for (y, &b) in group.iter().enumerate().skip(x + 1) {
            for &c in &group[y + 1..] {
                f(triple(n, a, b, c), [a, b, c]);
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
            pins: Vec::new(),
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
            pins: Vec::new(),
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
            assert_eq!(state.tri, fresh.tri);
            assert_eq!(state.counts, fresh.counts);
            assert_eq!(state.free, fresh.free);
        }
    }

    #[test]
    fn one_round_freedom_follows_single_and_unit_swaps() {
        // One round (a day with history): the freedom used up is a cost, kept up to date by
        // swaps of single people and of a keep-together unit with two singles.
        let mut p = problem();
        p.rounds = 1;
        p.keep_together = vec![("P2".into(), "P3".into())];
        let names = |v: &[usize]| v.iter().map(|i| format!("P{i}")).collect::<Vec<_>>();
        p.history = crate::groups::problem::meetings_from_splits(&[
            vec![
                names(&[0, 2, 3, 5]),
                names(&[1, 4, 7, 8]),
                names(&[6, 9, 10, 11]),
            ],
            vec![
                names(&[0, 4, 8, 2, 3]),
                names(&[1, 5, 9]),
                names(&[6, 7, 10, 11]),
            ],
        ]);
        let model = Model::build(&p).expect("valid problem");
        let mut state = State::new(
            &model,
            vec![vec![vec![0, 1, 2, 3], vec![4, 5, 6, 7], vec![8, 9, 10, 11]]],
        );
        assert!(state.cost.scarcity > 0);
        let mut dice = Dice::new(9);
        let mut changed = 0;
        for _ in 0..2000 {
            let (x, y) = (dice.below(12), dice.below(12));
            let (ga, gb) = (state.group_of[0][x], state.group_of[0][y]);
            if ga == gb || model.units[model.unit_of[y]].len() > 1 {
                continue;
            }
            let s = model.units[model.unit_of[x]].clone();
            let t: Vec<usize> = if s.len() == 1 {
                vec![y]
            } else {
                state.members[0][gb]
                    .iter()
                    .copied()
                    .filter(|&z| model.units[model.unit_of[z]].len() == 1)
                    .take(2)
                    .collect()
            };
            let swap = Swap {
                r: 0,
                s: &s,
                ga,
                t: &t,
                gb,
            };
            let d = state.delta(&model, swap);
            changed += usize::from(d.scarcity != 0);
            let predicted = state.cost.add(d);
            state.apply(&model, swap);
            let fresh = State::new(&model, state.members.clone());
            assert_eq!(predicted, fresh.cost);
            assert_eq!(state.cost, fresh.cost);
            assert_eq!(state.free, fresh.free);
        }
        assert!(changed > 100, "{changed}");
    }

    #[test]
    fn triple_costs_follow_unit_swaps_with_history_triples() {
        // Keep-together units of two trade places with each other or with two singles; the
        // history holds whole groups of three (triples with a recency weight).
        let mut p = problem();
        p.keep_together = vec![("P2".into(), "P3".into()), ("P6".into(), "P7".into())];
        let names = |v: &[usize]| v.iter().map(|i| format!("P{i}")).collect::<Vec<_>>();
        p.history = crate::groups::problem::meetings_from_splits(&[
            vec![names(&[0, 2, 5]), names(&[1, 3, 4]), names(&[6, 7, 8, 9])],
            vec![names(&[0, 4, 8]), names(&[1, 5, 9]), names(&[2, 3, 6, 7])],
        ]);
        let model = Model::build(&p).expect("valid problem");
        assert!(model.triples && model.tri_recency.iter().any(|&w| w > 0));
        let rounds: Vec<Vec<Vec<usize>>> = (0..4)
            .map(|_| vec![vec![0, 1, 2, 3], vec![4, 5, 6, 7], vec![8, 9, 10, 11]])
            .collect();
        let mut state = State::new(&model, rounds);
        let mut dice = Dice::new(5);
        let mut unit_swaps = 0;
        for _ in 0..3000 {
            let r = dice.below(4);
            let (x, y) = (dice.below(12), dice.below(12));
            let (ga, gb) = (state.group_of[r][x], state.group_of[r][y]);
            if ga == gb {
                continue;
            }
            let s = model.units[model.unit_of[x]].clone();
            let t: Vec<usize> = if s.len() == 2 && model.units[model.unit_of[y]].len() == 1 {
                // The unit trades with two singles of the other group.
                let singles: Vec<usize> = state.members[r][gb]
                    .iter()
                    .copied()
                    .filter(|&z| model.units[model.unit_of[z]].len() == 1)
                    .take(2)
                    .collect();
                if singles.len() < 2 {
                    continue;
                }
                singles
            } else {
                model.units[model.unit_of[y]].clone()
            };
            if s.len() != t.len() {
                continue;
            }
            unit_swaps += usize::from(s.len() > 1);
            let swap = Swap {
                r,
                s: &s,
                ga,
                t: &t,
                gb,
            };
            let predicted = state.cost.add(state.delta(&model, swap));
            state.apply(&model, swap);
            let fresh = State::new(&model, state.members.clone());
            assert_eq!(predicted, fresh.cost);
            assert_eq!(state.cost, fresh.cost);
            assert_eq!(state.tri, fresh.tri);
        }
        assert!(unit_swaps > 100, "{unit_swaps}");
    }
}
