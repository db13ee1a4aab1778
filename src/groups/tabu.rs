//! The local search: tabu search over swaps inside one round that involve someone sitting with
//! a person met before, random tabu tenure, perturbation on stagnation, fresh greedy restarts.
//! The first start is a repeat-free construction when the sizes allow one.

use super::bounds::{Bound, BoundSource};
use super::designs::repeat_free;
use super::dice::Dice;
use super::greedy::greedy;
use super::model::Model;
use super::relabel::{fit, place_pins, with_developed};
use super::state::{Cost, State, Swap};

/// How much search one solve may spend; counted in evaluated moves, so the result does not
/// depend on the machine's speed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Moves evaluated in total, over all restarts.
    pub evaluations: u64,
    /// Iterations without a new best before a perturbation.
    pub stagnation: u64,
    /// Perturbations without a new best before a fresh greedy restart (doubling with each
    /// restart, so short runs come first and long walks later).
    pub perturbations: u32,
    /// Stop after this many evaluations without a better plan, unless the plan still has
    /// repeats in a multi-round plan where the counting bound allows none.
    pub patience: u64,
    /// Start from a repeat-free construction where one exists (see `construction`).
    pub construction: bool,
}

impl Budget {
    /// For the breakout screen of `regie run`: one round for a room of 8-40 people, answered
    /// well under a second on a laptop (see `cargo bench --bench groups`, row "breakout").
    pub const BREAKOUT: Budget = Budget {
        evaluations: 3_000_000,
        stagnation: 500,
        perturbations: 4,
        patience: 1_000_000,
        construction: true,
    };
}

/// What the search reports while it runs: about every `WATCH_EVERY` evaluated moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Moves evaluated so far.
    pub evaluations: u64,
    /// Repeated meetings in the best plan so far (as `Score::repeated_pairs` counts them).
    pub repeats: u32,
    /// Fewest repeated meetings any plan can have (a lower bound).
    pub fewest: u32,
}

/// Evaluations between two calls of the watch.
pub const WATCH_EVERY: u64 = 1 << 15;

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            evaluations: 200_000_000,
            stagnation: 500,
            perturbations: 4,
            patience: 3_000_000,
            construction: true,
        }
    }
}

/// People from which a design that still breaks keep-apart pairs is the first start (see
/// `search`).
const UNPARTED_FIRST: usize = 24;
/// Patience in evaluations per (round x person x person) of the problem.
const PATIENCE_PER_MOVE: u64 = 250;
/// Patience times this while a per-person bound is not met (see `search`).
const PEOPLE_STRETCH: u64 = 8;

/// What the search found.
pub(crate) struct Found {
    pub(crate) state: State,
    /// The cost equals the lower bound: no plan is better.
    pub(crate) optimal: bool,
    /// Moves evaluated.
    pub(crate) evaluations: u64,
    /// The plan comes from the construction (the search did not improve on it).
    pub(crate) constructed: bool,
    /// The watch stopped the search before its budget was spent.
    pub(crate) stopped: bool,
}

/// A chosen swap, owning its people (see `Swap`).
#[derive(Clone)]
struct Move {
    r: usize,
    s: Vec<usize>,
    ga: usize,
    t: Vec<usize>,
    gb: usize,
}

impl Move {
    fn swap(&self) -> Swap<'_> {
        Swap {
            r: self.r,
            s: &self.s,
            ga: self.ga,
            t: &self.t,
            gb: self.gb,
        }
    }
}

/// Search within `budget`; `watch` sees the progress every `WATCH_EVERY` evaluations and
/// stops the search by returning false (the best plan so far is returned).
pub(crate) fn search(
    model: &Model,
    bound: Bound,
    budget: Budget,
    dice: &mut Dice,
    watch: &mut dyn FnMut(&Progress) -> bool,
) -> Found {
    let mut used = 0u64;
    let mut best: Option<State> = None;
    let k = model.sizes.len();
    let n = model.n;
    // tabu[(r * n + person) * k + group]: iteration until which person may not enter group.
    let mut tabu = vec![0u64; model.rounds * n * k];
    let mut iteration = 0u64;
    let mut improved_at = 0u64;
    // Patience: a few hundred iterations' worth of moves, at most the budget's; a plan that
    // cannot be shown optimal gets four times that in all (unless still hoping for no repeats).
    let patience = budget
        .patience
        .min(PATIENCE_PER_MOVE * (model.rounds * n * n) as u64);
    // Keep searching past patience while the bound is one a plan can be expected to meet:
    // no repeats where counting allows none, or a published minimum.
    let hoping = |best: &Option<State>| {
        model.rounds > 1
            && (bound.cost.pairs == 0 || bound.source == BoundSource::KnownMaximum)
            && best
                .as_ref()
                .is_some_and(|b| b.cost.pairs > bound.cost.pairs)
    };
    // The per-person bound (a keep-apart pair in a complete design) is often met but not
    // always reachable: search it eight times as patiently, not without end.
    let stretch = |best: &Option<State>| {
        let short = bound.source == BoundSource::People
            && best
                .as_ref()
                .is_some_and(|b| b.cost.pairs > bound.cost.pairs);
        if short { PEOPLE_STRETCH } else { 1 }
    };
    let mut stopped = false;
    let mut next_watch = WATCH_EVERY;
    let keep_looking = |best: &Option<State>, used: u64, improved_at: u64, stopped: bool| {
        let patience = stretch(best) * patience;
        !stopped
            && used < budget.evaluations
            && (hoping(best) || (used - improved_at < patience && used < 4 * patience))
    };
    let mut restarts = 0u32;
    // A start that still breaks keep-apart pairs (see `Start`) comes first in a large room
    // and second, after one greedy run, in a small one: measured, the search parts 15/3/7 and
    // a keep-apart pair at the bound (2) from a greedy start more often than from Kirkman's
    // schedule, while from a greedy start it ends 28/4/9 at 24-26 repeats and from the design
    // at 6. A developed plan (see `cyclic`) replaces a start that repeats more than ties force.
    let (mut constructed, mut second) = match budget.construction {
        true => match constructed_start(model, dice) {
            Some(Start::Fitted(plan)) => (with_developed(model, &bound, Some(plan), dice), None),
            Some(Start::Unparted(plan)) => match with_developed(model, &bound, None, dice) {
                Some(developed) => (Some(developed), None),
                None if model.n >= UNPARTED_FIRST => (Some(plan), None),
                None => (None, Some(plan)),
            },
            None => (with_developed(model, &bound, None, dice), None),
        },
        false => (None, None),
    };
    let mut best_constructed = false;
    loop {
        let from_construction = constructed.is_some();
        let start = constructed.take().unwrap_or_else(|| greedy(model, dice));
        let mut state = State::new(model, start);
        used += model.n as u64;
        restarts += 1;
        if best.as_ref().is_none_or(|b| state.cost < b.cost) {
            best = Some(state.clone());
            best_constructed = from_construction;
            improved_at = used;
        }
        if bound.met_by(state.cost) || !keep_looking(&best, used, improved_at, stopped) || k < 2 {
            break;
        }
        // Best cost since this restart: perturbations count from its last improvement.
        let mut local_best = state.cost;
        let mut stale = 0u64;
        let mut perturbations = 0u32;
        while keep_looking(&best, used, improved_at, stopped) {
            iteration += 1;
            // An iteration costs at least one evaluation, so the budget ends even when no
            // move is possible (keep-together units that fit nowhere else).
            used += 1;
            let best_cost = best.as_ref().map_or(state.cost, |b| b.cost);
            let chosen = best_move(model, &state, &tabu, iteration, best_cost, dice, &mut used);
            match chosen {
                Some(mv) => {
                    let tenure = dice.between(2, 2 + n / 4) as u64;
                    for &x in &mv.s {
                        tabu[(mv.r * n + x) * k + mv.ga] = iteration + tenure;
                    }
                    for &y in &mv.t {
                        tabu[(mv.r * n + y) * k + mv.gb] = iteration + tenure;
                    }
                    state.apply(model, mv.swap());
                }
                None => stale = budget.stagnation,
            }
            if state.cost < local_best {
                local_best = state.cost;
                stale = 0;
                perturbations = 0;
                if best.as_ref().is_none_or(|b| state.cost < b.cost) {
                    best = Some(state.clone());
                    best_constructed = false;
                    improved_at = used;
                    if bound.met_by(state.cost) {
                        break;
                    }
                }
            } else {
                stale += 1;
            }
            if used >= next_watch {
                next_watch = used + WATCH_EVERY;
                let progress = Progress {
                    evaluations: used,
                    repeats: best.as_ref().map_or(0, |b| b.repeats(model)),
                    fewest: bound.repeats,
                };
                stopped = !watch(&progress);
            }
            if stale >= budget.stagnation {
                if perturbations >= budget.perturbations.saturating_mul(1 << restarts.min(16)) {
                    break;
                }
                perturbations += 1;
                stale = 0;
                perturb(model, &mut state, dice);
            }
        }
        if best.as_ref().is_some_and(|b| bound.met_by(b.cost))
            || !keep_looking(&best, used, improved_at, stopped)
        {
            break;
        }
        constructed = second.take();
    }
    let state = best.unwrap_or_else(|| State::new(model, greedy(model, dice)));
    Found {
        optimal: bound.met_by(state.cost),
        state,
        evaluations: used,
        constructed: best_constructed,
        stopped,
    }
}

/// The best swap so far in `best_move`, by index (no allocation per candidate).
struct Choice {
    r: usize,
    u: usize,
    ga: usize,
    t: Partner,
    gb: usize,
}

/// Whom unit `u` trades places with.
enum Partner {
    Unit(usize),
    Singles(Vec<usize>),
}

/// A repeat-free start by construction or stored design, when there is no history and the
/// sizes allow one (see `designs`); keep-apart and keep-together pairs are fitted by relabelling its
/// people (see `relabel`).
enum Start {
    /// Every hard constraint holds.
    Fitted(Vec<Vec<Vec<usize>>>),
    /// Keep-apart pairs could not be put on people who never meet (a complete design): the
    /// search must part them.
    Unparted(Vec<Vec<Vec<usize>>>),
}

fn constructed_start(model: &Model, dice: &mut Dice) -> Option<Start> {
    if model.met.iter().any(|&m| m > 0) || model.rounds < 2 {
        return None;
    }
    let plan = repeat_free(model.n, &model.sizes, model.rounds, dice)?;
    let singles = model.units.iter().all(|u| u.len() == 1);
    let plain = !model.apart.iter().any(|&a| a) && singles;
    if plain && model.attributes.is_empty() {
        return place_pins(model, plan).map(Start::Fitted);
    }
    match fit(model, &plan, dice) {
        Some(fitted) => place_pins(model, fitted).map(Start::Fitted),
        None if singles => place_pins(model, plan).map(Start::Unparted),
        None => None,
    }
}

/// The best non-tabu swap (ties at random); a tabu swap is allowed when it beats the best plan.
/// Swaps scored per move at most, about (units tried x group size): far above what any
/// course needs (60 people in groups of 6 over 8 rounds score under 3,000).
const MOVE_WORK: usize = 200_000;

fn best_move(
    model: &Model,
    state: &State,
    tabu: &[u64],
    iteration: u64,
    best_cost: Cost,
    dice: &mut Dice,
    used: &mut u64,
) -> Option<Move> {
    let n = model.n;
    let k = model.sizes.len();
    let mut best: Option<(Cost, Choice)> = None;
    let mut ties = 0usize;
    let mut singles: Vec<usize> = Vec::new();
    // Units in conflict: first those meeting someone more often than the fair ceiling, and
    // when there are none, those meeting anyone again.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for threshold in [model.crowded, 2] {
        for r in 0..model.rounds {
            for (u, unit) in model.units.iter().enumerate() {
                if model.pinned[u].is_none()
                    && unit
                        .iter()
                        .any(|&x| state.conflicting(model, r, x, threshold))
                {
                    candidates.push((r, u));
                }
            }
        }
        if !candidates.is_empty() {
            break;
        }
    }
    // A huge room (thousands in a few groups) would score millions of swaps per move and not
    // look at the clock for minutes: there, a seeded sample of the units in conflict is tried.
    let largest = model.sizes.first().copied().unwrap_or(1).max(1);
    let most = MOVE_WORK / largest;
    if candidates.len() > most {
        dice.shuffle(&mut candidates);
        candidates.truncate(most.max(1));
    }
    for (r, u) in candidates {
        {
            let unit = &model.units[u];
            let lead = unit[0];
            let ga = state.group_of[r][lead];
            for gb in 0..k {
                if gb == ga {
                    continue;
                }
                let group = &state.members[r][gb];
                // `partner`: the unit traded with, or None for `singles[..unit.len()]`.
                let mut consider =
                    |t: &[usize], partner: Option<usize>, dice: &mut Dice, used: &mut u64| {
                        *used += 1;
                        let d = state.delta(
                            model,
                            Swap {
                                r,
                                s: unit,
                                ga,
                                t,
                                gb,
                            },
                        );
                        let cost = state.cost.add(d);
                        let is_tabu = unit.iter().any(|&x| tabu[(r * n + x) * k + gb] > iteration)
                            || t.iter().any(|&y| tabu[(r * n + y) * k + ga] > iteration);
                        if is_tabu && cost >= best_cost {
                            return;
                        }
                        let better = best.as_ref().is_none_or(|(c, _)| cost < *c);
                        if better {
                            ties = 1;
                        } else if best.as_ref().is_some_and(|(c, _)| cost == *c) {
                            ties += 1;
                            if dice.below(ties) != 0 {
                                return;
                            }
                        } else {
                            return;
                        }
                        let t = match partner {
                            Some(v) => Partner::Unit(v),
                            None => Partner::Singles(t.to_vec()),
                        };
                        best = Some((cost, Choice { r, u, ga, t, gb }));
                    };
                for &y in group {
                    let v = &model.units[model.unit_of[y]];
                    if v[0] == y
                        && v.len() == unit.len()
                        && model.unit_of[y] != u
                        && !model.is_pinned(y)
                    {
                        consider(v, Some(model.unit_of[y]), dice, used);
                    }
                }
                if unit.len() > 1 {
                    singles.clear();
                    singles.extend(group.iter().copied().filter(|&y| {
                        model.units[model.unit_of[y]].len() == 1 && !model.is_pinned(y)
                    }));
                    if singles.len() >= unit.len() {
                        dice.shuffle(&mut singles);
                        consider(&singles[..unit.len()], None, dice, used);
                    }
                }
            }
        }
    }
    best.map(|(_, c)| Move {
        r: c.r,
        s: model.units[c.u].clone(),
        ga: c.ga,
        t: match c.t {
            Partner::Unit(v) => model.units[v].clone(),
            Partner::Singles(t) => t,
        },
        gb: c.gb,
    })
}

/// A few random swaps of single people (or equal keep-together units) to leave a plateau.
fn perturb(model: &Model, state: &mut State, dice: &mut Dice) {
    let swaps = 1 + model.rounds / 3;
    for _ in 0..swaps {
        let r = dice.below(model.rounds);
        let x = dice.below(model.n);
        let y = dice.below(model.n);
        let (u, v) = (
            &model.units[model.unit_of[x]],
            &model.units[model.unit_of[y]],
        );
        let (ga, gb) = (state.group_of[r][x], state.group_of[r][y]);
        if ga == gb || u.len() != v.len() || model.is_pinned(x) || model.is_pinned(y) {
            continue;
        }
        let (s, t) = (u.clone(), v.clone());
        state.apply(
            model,
            Swap {
                r,
                s: &s,
                ga,
                t: &t,
                gb,
            },
        );
    }
}
