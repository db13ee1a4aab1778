//! A constructed schedule fitted to constraints: its people relabelled so keep-apart pairs fall
//! on positions that never meet and keep-together pairs on positions that meet, then units
//! gathered round by round; among a few relabellings the cheapest start wins.

use super::bounds::{Bound, unit_forced};
use super::cyclic::{Developed, developed_plan};
use super::dice::Dice;
use super::model::Model;
use super::state::State;

/// Relabellings tried; the cheapest (balance, units gathered) is kept.
const ATTEMPTS: usize = 24;
/// Label swaps tried per attempt to satisfy the pairs.
const REPAIRS: usize = 400;

/// `plan[r][g]` holds positions 0..n; returns a plan of people with the constraints fitted,
/// or None when no relabelling keeps every keep-apart pair on positions that never meet.
pub(crate) fn fit(
    model: &Model,
    plan: &[Vec<Vec<usize>>],
    dice: &mut Dice,
) -> Option<Vec<Vec<Vec<usize>>>> {
    fit_around(model, plan, &vec![None; model.n], dice)
}

/// A developed plan (see `cyclic`) given to people: each keep-together unit on the seats that
/// sit together every round, the others relabelled as in `fit`.
pub(crate) fn seat(
    model: &Model,
    developed: &Developed,
    dice: &mut Dice,
) -> Option<Vec<Vec<Vec<usize>>>> {
    let mut fixed = vec![None; model.n];
    let units = model.units.iter().filter(|u| u.len() > 1);
    for (unit, seats) in units.zip(&developed.seats) {
        for (&person, &seat) in unit.iter().zip(seats) {
            fixed[person] = Some(seat);
        }
    }
    fit_around(model, &developed.plan, &fixed, dice)
}

/// As `fit`, with `fixed[person]` a position that person keeps (never relabelled).
fn fit_around(
    model: &Model,
    plan: &[Vec<Vec<usize>>],
    fixed: &[Option<usize>],
    dice: &mut Dice,
) -> Option<Vec<Vec<Vec<usize>>>> {
    let n = model.n;
    // People relabelled, and the positions left for them.
    let free: Vec<usize> = (0..n).filter(|&i| fixed[i].is_none()).collect();
    let mut open: Vec<bool> = vec![true; n];
    for &l in fixed.iter().flatten() {
        open[l] = false;
    }
    let open: Vec<usize> = (0..n).filter(|&l| open[l]).collect();
    if free.len() != open.len() {
        return None;
    }
    let mut meets = vec![false; n * n];
    for group in plan.iter().flatten() {
        for &a in group {
            for &b in group {
                meets[a * n + b] = a != b;
            }
        }
    }
    let apart: Vec<(usize, usize)> = (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .filter(|&(i, j)| model.apart[model.pair(i, j)])
        .collect();
    let tied: Vec<(usize, usize)> = model
        .units
        .iter()
        .flat_map(|u| u.windows(2).map(|w| (w[0], w[1])))
        .collect();
    // Broken constraints under `label` (person -> position).
    let broken = |label: &[usize]| {
        apart
            .iter()
            .filter(|&&(i, j)| meets[label[i] * n + label[j]])
            .count()
            + tied
                .iter()
                .filter(|&&(i, j)| !meets[label[i] * n + label[j]])
                .count()
    };
    let mut best: Option<State> = None;
    for _ in 0..ATTEMPTS {
        let mut label: Vec<usize> = fixed.iter().map(|l| l.unwrap_or(0)).collect();
        let mut places = open.clone();
        dice.shuffle(&mut places);
        for (&i, &l) in free.iter().zip(&places) {
            label[i] = l;
        }
        let mut now = broken(&label);
        for _ in 0..REPAIRS {
            if now == 0 || free.len() < 2 {
                break;
            }
            let (x, y) = (free[dice.below(free.len())], free[dice.below(free.len())]);
            label.swap(x, y);
            let after = broken(&label);
            if after <= now {
                now = after;
            } else {
                label.swap(x, y);
            }
        }
        // Keep-apart must hold; keep-together is gathered below in any case.
        if apart.iter().any(|&(i, j)| meets[label[i] * n + label[j]]) {
            continue;
        }
        let mut person = vec![0; n];
        for (i, &l) in label.iter().enumerate() {
            person[l] = i;
        }
        let members: Vec<Vec<Vec<usize>>> = plan
            .iter()
            .map(|round| {
                round
                    .iter()
                    .map(|g| g.iter().map(|&l| person[l]).collect())
                    .collect()
            })
            .collect();
        let Some(members) = gather_units(model, members) else {
            continue;
        };
        let state = State::new(model, members);
        if best.as_ref().is_none_or(|b| state.cost < b.cost) {
            best = Some(state);
        }
        if model.attributes.is_empty() && tied.is_empty() {
            break; // every valid relabelling costs the same
        }
    }
    best.map(|s| s.members)
}

/// Round by round, bring each keep-together unit into the group of its first member, trading
/// places with people outside units; None when a group has no one to trade.
fn gather_units(model: &Model, mut plan: Vec<Vec<Vec<usize>>>) -> Option<Vec<Vec<Vec<usize>>>> {
    let single = |x: usize| model.units[model.unit_of[x]].len() == 1;
    for round in &mut plan {
        for unit in model.units.iter().filter(|u| u.len() > 1) {
            let home = round.iter().position(|g| g.contains(&unit[0]))?;
            for &m in &unit[1..] {
                let from = round.iter().position(|g| g.contains(&m))?;
                if from == home {
                    continue;
                }
                let at = round[home].iter().position(|&z| single(z))?;
                let z = round[home][at];
                round[home][at] = m;
                let slot = round[from].iter().position(|&x| x == m)?;
                round[from][slot] = z;
            }
        }
    }
    Some(plan)
}

/// Round by round, renumber the groups so every pinned unit sits in its pinned group; None
/// when two units pinned to different groups share one, a pinned group's people are spread
/// over two, or the sizes do not match.
pub(crate) fn place_pins(
    model: &Model,
    mut plan: Vec<Vec<Vec<usize>>>,
) -> Option<Vec<Vec<Vec<usize>>>> {
    if model.pinned.iter().all(Option::is_none) {
        return Some(plan);
    }
    for round in &mut plan {
        let k = round.len();
        // from[g]: the group of this round that becomes group g.
        let mut from: Vec<Option<usize>> = vec![None; k];
        let mut taken = vec![false; k];
        for (u, pin) in model.pinned.iter().enumerate() {
            let Some(g) = *pin else { continue };
            let at = round
                .iter()
                .position(|grp| grp.contains(&model.units[u][0]))?;
            match from[g] {
                Some(h) if h != at => return None,
                Some(_) => {}
                None if taken[at] => return None,
                None => {
                    from[g] = Some(at);
                    taken[at] = true;
                }
            }
        }
        for (slot, &size) in from.iter_mut().zip(&model.sizes) {
            if slot.is_none() {
                let h = (0..k).find(|&h| !taken[h] && round[h].len() == size)?;
                *slot = Some(h);
                taken[h] = true;
            }
        }
        let old = std::mem::take(round);
        let mut slots: Vec<Option<Vec<usize>>> = old.into_iter().map(Some).collect();
        for (g, h) in from.into_iter().enumerate() {
            let group = slots[h?].take()?;
            if group.len() != model.sizes[g] {
                return None;
            }
            round.push(group);
        }
    }
    Some(plan)
}

/// The better start of `known` (a construction or stored design, fitted) and a developed plan
/// (see `cyclic`), tried only when `known` repeats more than the ties force and the bound
/// allows a plan that does not; without history, for two rounds or more.
pub(crate) fn with_developed(
    model: &Model,
    bound: &Bound,
    known: Option<Vec<Vec<Vec<usize>>>>,
    dice: &mut Dice,
) -> Option<Vec<Vec<Vec<usize>>>> {
    // The repeats of tied pairs, who meet every round: no plan avoids them.
    let forced = u32::try_from(unit_forced(model).1).unwrap_or(u32::MAX);
    let known_repeats = known
        .as_ref()
        .map(|plan| State::new(model, plan.clone()).repeats(model));
    if model.met.iter().any(|&m| m > 0)
        || model.rounds < 2
        || bound.repeats > forced
        || known_repeats.is_some_and(|r| r <= forced)
    {
        return known;
    }
    let units = model.tied_sizes();
    let Some(developed) = developed_plan(&model.sizes, model.rounds, &units, dice) else {
        return known;
    };
    let Some(seated) = seat(model, &developed, dice).and_then(|p| place_pins(model, p)) else {
        return known;
    };
    match known {
        Some(plan)
            if State::new(model, plan.clone()).cost <= State::new(model, seated.clone()).cost =>
        {
            Some(plan)
        }
        _ => Some(seated),
    }
}
