//! Exact search for one round of a small room (a breakout, a course day): every split into the
//! group sizes, pruned by the cost so far, so a complete run proves the round's optimum.

use super::dice::Dice;
use super::model::Model;
use super::state::{Cost, State, cell_cost, cell_off, scarcity};
use super::triples::triple;

/// Rooms up to this many people are searched exactly when one round is asked for: 16 in
/// groups of 3 has 28 million splits, and pruning by a good plan leaves a small part of them.
pub(crate) const EXACT_PEOPLE: usize = 16;

/// Evaluations between two calls of the watch.
const WATCH_EVERY: u64 = 1 << 15;

/// What the exact search found.
pub(crate) struct Exact {
    /// A split cheaper than the incumbent, if any (`members[0][g]`, groups in `model.sizes`
    /// order, pinned people in their groups).
    pub(crate) members: Option<Vec<Vec<Vec<usize>>>>,
    /// Every split was looked at (or pruned as no better): nothing beats the result.
    pub(crate) complete: bool,
    /// Placements evaluated.
    pub(crate) evaluations: u64,
    /// The watch stopped the search.
    pub(crate) stopped: bool,
}

/// Does the exact search apply to `model` (one round, a small room, at least two groups)?
pub(crate) fn applies(model: &Model) -> bool {
    model.rounds == 1 && model.n <= EXACT_PEOPLE && model.sizes.len() >= 2
}

/// Search every split of the one round of `model` for one cheaper than `incumbent` (the best
/// plan known, if any), within `budget` evaluations. Ties go to the first split found in an
/// order shuffled by `dice`, so another seed may give another optimum. `watch` sees the
/// evaluations so far about every `WATCH_EVERY` and stops the search by returning false.
pub(crate) fn exact_round(
    model: &Model,
    incumbent: Option<Cost>,
    dice: &mut Dice,
    budget: u64,
    watch: &mut dyn FnMut(u64) -> bool,
) -> Exact {
    debug_assert!(applies(model));
    let mut order: Vec<usize> = (0..model.units.len())
        .filter(|&u| model.pinned[u].is_none())
        .collect();
    dice.shuffle(&mut order);
    let pinned_slots: Vec<usize> = (0..model.sizes.len())
        .filter(|&g| model.pinned.contains(&Some(g)))
        .collect();
    let open_sizes: Vec<usize> = (0..model.sizes.len())
        .filter(|g| !pinned_slots.contains(g))
        .map(|g| model.sizes[g])
        .collect();
    let total_meetings = model.sizes.iter().map(|&s| s * (s - 1) / 2).sum();
    let n = model.n;
    // A meeting can take a pair into the fair band (lower the `outside` cost) only when some
    // pair that may meet has met fewer times than the band's floor.
    let reducible = (0..n).any(|i| {
        (i + 1..n)
            .any(|j| !model.apart[model.pair(i, j)] && model.met[model.pair(i, j)] < model.band.0)
    });
    let empty = State::new(model, vec![Vec::new()]);
    let smallest = model.sizes.iter().copied().min().unwrap_or(2);
    let cheapest: Vec<i64> = (0..n)
        .map(|x| {
            let mut met: Vec<i64> = (0..n)
                .filter(|&z| z != x && !model.apart[model.pair(x, z)])
                .map(|z| i64::from(model.met[model.pair(x, z)]))
                .collect();
            met.sort_unstable();
            met.iter().take(smallest - 1).sum()
        })
        .collect();
    let pending = order
        .iter()
        .flat_map(|&u| &model.units[u])
        .map(|&x| cheapest[x])
        .sum();
    let mut search = Search {
        model,
        free: vec![true; model.units.len()],
        cheapest,
        pending,
        order,
        groups: Vec::new(),
        pinned_slots,
        open_sizes,
        base: empty.cost,
        unmet: empty.free,
        total_meetings,
        reducible,
        best: incumbent,
        found: None,
        evaluations: 0,
        budget,
        next_watch: WATCH_EVERY,
        out_of_budget: false,
        stopped: false,
        watch,
    };
    search.next_group(Partial::default());
    let members = search.found.take().map(|groups| search.arrange(groups));
    Exact {
        members,
        complete: !search.out_of_budget && !search.stopped,
        evaluations: search.evaluations,
        stopped: search.stopped,
    }
}

/// The cost of the groups formed so far (relative to the plan's base), and their meetings.
#[derive(Clone, Copy, Default)]
struct Partial {
    cost: Cost,
    meetings: usize,
}

/// A group being formed: its people, its final size and, if pinned, its index.
#[derive(Clone)]
struct Group {
    people: Vec<usize>,
    size: usize,
    slot: Option<usize>,
}

struct Search<'a, 'w> {
    model: &'a Model,
    /// Unpinned keep-together units in the order they are tried.
    order: Vec<usize>,
    /// Per unit: not placed yet.
    free: Vec<bool>,
    /// Per person: the least history their partners in a smallest group can have (the sum
    /// of their smallest meeting counts with people they may sit with).
    cheapest: Vec<i64>,
    /// `cheapest` summed over the people not placed yet.
    pending: i64,
    /// The groups formed so far, the last one perhaps still filling.
    groups: Vec<Group>,
    /// Groups holding pinned people (by index), formed first.
    pinned_slots: Vec<usize>,
    /// Sizes of the groups without pins still to form.
    open_sizes: Vec<usize>,
    /// Cost of the round before anyone meets (history only).
    base: Cost,
    /// Per person: compatible people not met before (see `Cost::scarcity`).
    unmet: Vec<i64>,
    total_meetings: usize,
    reducible: bool,
    /// The cost to beat.
    best: Option<Cost>,
    found: Option<Vec<Group>>,
    evaluations: u64,
    budget: u64,
    next_watch: u64,
    out_of_budget: bool,
    stopped: bool,
    watch: &'w mut dyn FnMut(u64) -> bool,
}

impl Search<'_, '_> {
    /// Place unit `u` (or take it back) and keep `pending` up to date.
    fn take(&mut self, u: usize, placed: bool) {
        self.free[u] = !placed;
        let sum: i64 = self.model.units[u].iter().map(|&x| self.cheapest[x]).sum();
        self.pending += if placed { -sum } else { sum };
    }

    fn halted(&self) -> bool {
        self.out_of_budget || self.stopped
    }

    /// Count one evaluation; false when the budget is spent or the watch says stop.
    fn tick(&mut self) -> bool {
        self.evaluations += 1;
        if self.evaluations >= self.budget {
            self.out_of_budget = true;
        }
        if self.evaluations >= self.next_watch {
            self.next_watch += WATCH_EVERY;
            self.stopped = !(self.watch)(self.evaluations);
        }
        !self.halted()
    }

    /// Can no completion of `partial` beat the best plan? Each part of the cost only grows as
    /// people join, except `outside`, which falls by at most one per meeting still to come.
    fn hopeless(&self, partial: Partial) -> bool {
        let Some(best) = self.best else {
            return false;
        };
        let mut lower = self.base.add(partial.cost);
        // Each person still to place meets at least their cheapest partners.
        lower.pairs += self.pending / 2;
        if self.reducible {
            lower.outside -= (self.total_meetings - partial.meetings) as i64;
        }
        lower >= best
    }

    /// Start the next group: a pinned one (with its pinned people), else one holding the first
    /// unit left, of each size still open; at the end, a complete split.
    fn next_group(&mut self, partial: Partial) {
        if self.halted() {
            return;
        }
        if let Some(&slot) = self.pinned_slots.get(self.groups.len()) {
            let size = self.model.sizes[slot];
            let mut group = Group {
                people: Vec::with_capacity(size),
                size,
                slot: Some(slot),
            };
            let mut partial = partial;
            for u in (0..self.model.units.len()).filter(|&u| self.model.pinned[u] == Some(slot)) {
                for &x in &self.model.units[u] {
                    partial = self.join(partial, &group, x);
                    group.people.push(x);
                }
            }
            let room = size - group.people.len();
            self.groups.push(group);
            self.fill(partial, 0, room);
            self.groups.pop();
            return;
        }
        let Some(first) = self.order.iter().position(|&u| self.free[u]) else {
            self.complete(partial);
            return;
        };
        let u = self.order[first];
        let len = self.model.units[u].len();
        let mut sizes = self.open_sizes.clone();
        sizes.sort_unstable();
        sizes.dedup();
        for size in sizes.into_iter().rev().filter(|&s| s >= len) {
            let at = self
                .open_sizes
                .iter()
                .position(|&s| s == size)
                .expect("a size still open");
            self.open_sizes.swap_remove(at);
            let mut group = Group {
                people: Vec::with_capacity(size),
                size,
                slot: None,
            };
            let mut partial = partial;
            for &x in &self.model.units[u] {
                partial = self.join(partial, &group, x);
                group.people.push(x);
            }
            self.take(u, true);
            self.groups.push(group);
            if !self.hopeless(partial) {
                self.fill(partial, first + 1, size - len);
            }
            self.groups.pop();
            self.take(u, false);
            self.open_sizes.push(size);
            if self.halted() {
                return;
            }
        }
    }

    /// Fill the last group's `room` places with free units from `order[from..]`.
    fn fill(&mut self, partial: Partial, from: usize, room: usize) {
        if room == 0 {
            let closed = self.close(partial);
            if !self.hopeless(closed) {
                self.next_group(closed);
            }
            return;
        }
        let model = self.model;
        for p in from..self.order.len() {
            let u = self.order[p];
            let unit = &model.units[u];
            if !self.free[u] || unit.len() > room {
                continue;
            }
            if !self.tick() {
                return;
            }
            let group = self.groups.last().expect("a group is filling");
            if unit
                .iter()
                .any(|&x| group.people.iter().any(|&z| model.apart[model.pair(x, z)]))
            {
                continue;
            }
            let mut next = partial;
            for &x in unit {
                let group = self.groups.last().expect("a group is filling");
                next = self.join(next, group, x);
                self.groups
                    .last_mut()
                    .expect("a group is filling")
                    .people
                    .push(x);
            }
            if !self.hopeless(next) {
                self.take(u, true);
                self.fill(next, p + 1, room - unit.len());
                self.take(u, false);
            }
            let group = self.groups.last_mut().expect("a group is filling");
            group.people.truncate(group.people.len() - unit.len());
            if self.halted() {
                return;
            }
        }
    }

    fn join(&self, partial: Partial, group: &Group, x: usize) -> Partial {
        self.join_people(partial, &group.people, group.size, x)
    }

    /// `partial` after `x` joins `people` (a group of final size `size`): the meetings, their
    /// history and recency, repeated triples, and crowding of x's kind beyond its fair share.
    fn join_people(&self, partial: Partial, people: &[usize], size: usize, x: usize) -> Partial {
        let model = self.model;
        let mut cost = partial.cost;
        for (k, &z) in people.iter().enumerate() {
            let p = model.pair(x, z);
            let m = model.met[p];
            cost.pairs += i64::from(m);
            cost.recency += model.recency[p];
            cost.apart += i64::from(model.apart[p]);
            cost.outside += band_distance(model, m + 1) - band_distance(model, m);
            if model.triples {
                for &w in &people[k + 1..] {
                    let t = triple(model.n, x, z, w);
                    cost.triples += i64::from(model.tri_met[t]);
                    cost.recency += model.tri_recency.get(t).copied().unwrap_or(0);
                }
            }
        }
        for (a, attr) in model.attributes.iter().enumerate() {
            let class = attr.class_of[x];
            let have = people
                .iter()
                .filter(|&&z| attr.class_of[z] == class)
                .count() as i64;
            // Crowding only: a shortage shows when the group is complete.
            cost.off +=
                crowding(model, a, class, size, have + 1) - crowding(model, a, class, size, have);
        }
        Partial {
            cost,
            meetings: partial.meetings + people.len(),
        }
    }

    /// The last group is complete: add the shortages of kinds, its fine balance and the
    /// freedom its members use up.
    fn close(&self, partial: Partial) -> Partial {
        let model = self.model;
        let group = self.groups.last().expect("a group was filled");
        let mut cost = partial.cost;
        for &i in &group.people {
            let fresh = group
                .people
                .iter()
                .filter(|&&j| {
                    model.compatible[model.pair(i, j)] && model.met[model.pair(i, j)] == 0
                })
                .count() as i64;
            cost.scarcity +=
                scarcity(model.n, self.unmet[i] - fresh) - scarcity(model.n, self.unmet[i]);
        }
        for (a, attr) in model.attributes.iter().enumerate() {
            let mut counts = vec![0i64; attr.totals.len()];
            for &z in &group.people {
                counts[attr.class_of[z]] += 1;
            }
            for (class, &c) in counts.iter().enumerate() {
                cost.off += cell_off(model, a, class, group.size, c)
                    - crowding(model, a, class, group.size, c);
                cost.balance += cell_cost(model, a, class, group.size, c);
            }
        }
        Partial { cost, ..partial }
    }

    /// A complete split: keep it when it beats the best so far.
    fn complete(&mut self, partial: Partial) {
        let cost = self.base.add(partial.cost);
        if self.best.is_none_or(|b| cost < b) {
            self.best = Some(cost);
            self.found = Some(self.groups.clone());
        }
    }

    /// The groups in the order of `model.sizes`: pinned ones at their index, the others in
    /// the places of their size left free.
    fn arrange(&self, groups: Vec<Group>) -> Vec<Vec<Vec<usize>>> {
        let k = self.model.sizes.len();
        let mut slots: Vec<Option<Vec<usize>>> = vec![None; k];
        for group in &groups {
            if let Some(g) = group.slot {
                slots[g] = Some(group.people.clone());
            }
        }
        for group in groups.into_iter().filter(|g| g.slot.is_none()) {
            let g = (0..k)
                .find(|&g| slots[g].is_none() && self.model.sizes[g] == group.size)
                .expect("a place of the group's size");
            slots[g] = Some(group.people);
        }
        vec![slots.into_iter().map(Option::unwrap_or_default).collect()]
    }
}

/// How far `m` meetings are outside the fair band (the `outside` cost of one pair).
fn band_distance(model: &Model, m: u16) -> i64 {
    i64::from(model.band.0.saturating_sub(m)) + i64::from(m.saturating_sub(model.band.1))
}

/// The part of `cell_off` above the fair share rounded up.
fn crowding(model: &Model, a: usize, class: usize, size: usize, count: i64) -> i64 {
    let attr = &model.attributes[a];
    let share = (attr.totals[class] * size) as i64;
    let n = model.n as i64;
    attr.weight * (count - (share + n - 1) / n).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::problem::{Person, Problem, Sizing, meetings_from_splits};
    use proptest::prelude::*;

    /// Every split of one round by brute force: each person gets a group index, sizes as
    /// `model.sizes`, units together, keep-apart apart, pins kept; the cheapest by `Cost`.
    fn brute_force(model: &Model) -> Option<Cost> {
        let n = model.n;
        let k = model.sizes.len();
        let mut best: Option<Cost> = None;
        let mut label = vec![0usize; n];
        loop {
            let mut members = vec![Vec::new(); k];
            for (i, &g) in label.iter().enumerate() {
                members[g].push(i);
            }
            let fits = members.iter().zip(&model.sizes).all(|(m, &s)| m.len() == s)
                && (0..n).all(|i| {
                    let unit = model.unit_of[i];
                    model.units[unit].iter().all(|&j| label[j] == label[i])
                        && model.pinned[unit].is_none_or(|g| g == label[i])
                });
            if fits {
                let cost = State::new(model, vec![members]).cost;
                if cost.apart == 0 && best.is_none_or(|b| cost < b) {
                    best = Some(cost);
                }
            }
            // Next labelling (odometer).
            let mut i = 0;
            while i < n && label[i] == k - 1 {
                label[i] = 0;
                i += 1;
            }
            if i == n {
                return best;
            }
            label[i] += 1;
        }
    }

    fn tiny_problem(
        n: usize,
        size: usize,
        kinds: Vec<usize>,
        apart: Vec<(usize, usize)>,
        together: Option<(usize, usize)>,
        pin: Option<(usize, usize)>,
        history: Vec<Vec<usize>>,
    ) -> Problem {
        let name = |i: usize| format!("P{i}");
        // Each earlier split: a person's label picks their group.
        let earlier: Vec<Vec<Vec<String>>> = history
            .iter()
            .map(|labels| {
                (0..3)
                    .map(|g| (0..n).filter(|&i| labels[i] % 3 == g).map(name).collect())
                    .collect()
            })
            .collect();
        Problem {
            people: (0..n)
                .map(|i| Person {
                    name: name(i),
                    attributes: [("afdeling".to_string(), format!("d{}", kinds[i]))].into(),
                })
                .collect(),
            sizing: Sizing::Size(size),
            rounds: 1,
            keep_apart: apart
                .into_iter()
                .filter(|(a, b)| a % n != b % n)
                .map(|(a, b)| (name(a % n), name(b % n)))
                .collect(),
            keep_together: together
                .into_iter()
                .filter(|(a, b)| a % n != b % n)
                .map(|(a, b)| (name(a % n), name(b % n)))
                .collect(),
            history: meetings_from_splits(&earlier),
            balance: vec!["afdeling".into()],
            pins: pin.into_iter().map(|(i, g)| (name(i % n), g)).collect(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// The exact search finds the brute-force optimum of small rounds with keep-apart and
        /// keep-together pairs, a pin, history and a balance, and its split keeps them all.
        #[test]
        fn exact_search_agrees_with_brute_force(
            n in 4usize..=8,
            size in 2usize..=4,
            kinds in proptest::collection::vec(0usize..3, 8),
            apart in proptest::collection::vec((0usize..8, 0usize..8), 0..3),
            together in proptest::option::of((0usize..8, 0usize..8)),
            pin in proptest::option::of((0usize..8, 1usize..=2)),
            history in proptest::collection::vec(proptest::collection::vec(0usize..3, 8), 0..3),
            seed in 0u64..1000,
        ) {
            let problem = tiny_problem(n, size, kinds, apart, together, pin, history);
            let Ok(model) = Model::build(&problem) else {
                return Ok(()); // refused up front (a pin beyond the groups, a chain too long)
            };
            prop_assume!(applies(&model));
            let expected = brute_force(&model);
            let mut dice = Dice::new(seed);
            let exact = exact_round(&model, None, &mut dice, u64::MAX, &mut |_| true);
            prop_assert!(exact.complete);
            match (expected, exact.members) {
                (None, None) => {}
                (Some(cost), Some(members)) => {
                    let state = State::new(&model, members.clone());
                    prop_assert_eq!(state.cost.cmp(&cost), std::cmp::Ordering::Equal);
                    prop_assert_eq!(state.cost.apart, 0);
                    let round = &members[0];
                    for (g, group) in round.iter().enumerate() {
                        prop_assert_eq!(group.len(), model.sizes[g]);
                        for &i in group {
                            let unit = model.unit_of[i];
                            prop_assert!(model.units[unit].iter().all(|j| group.contains(j)));
                            prop_assert!(model.pinned[unit].is_none_or(|p| p == g));
                        }
                    }
                }
                (expected, found) => {
                    prop_assert!(false, "brute force {expected:?}, exact {found:?}");
                }
            }
        }
    }

    #[test]
    fn a_plan_as_good_as_the_incumbent_is_not_returned_and_a_spent_budget_is_not_complete() {
        let problem = tiny_problem(
            8,
            2,
            vec![0, 1, 2, 0, 1, 2, 0, 1],
            vec![],
            None,
            None,
            vec![],
        );
        let model = Model::build(&problem).expect("valid");
        let mut dice = Dice::new(1);
        let best = exact_round(&model, None, &mut dice, u64::MAX, &mut |_| true);
        let optimum = State::new(&model, best.members.expect("a split")).cost;
        let again = exact_round(&model, Some(optimum), &mut dice, u64::MAX, &mut |_| true);
        assert!(again.members.is_none() && again.complete);
        let cut = exact_round(&model, None, &mut dice, 5, &mut |_| true);
        assert!(!cut.complete && cut.evaluations == 5);
    }
}
