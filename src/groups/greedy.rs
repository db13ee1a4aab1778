//! The greedy start: round by round, each group is seeded with the least free person (fewest
//! unmet people left) and filled with whoever adds the least cost and shares most unmet people.

use super::dice::Dice;
use super::model::Model;
use super::state::{cell_cost, cell_off};

/// A fresh plan `members[r][g]`, built on top of the meetings in `met` (history, n * n).
pub(crate) fn greedy(model: &Model, dice: &mut Dice) -> Vec<Vec<Vec<usize>>> {
    let n = model.n;
    let mut meet = model.met.clone();
    let mut plan = Vec::with_capacity(model.rounds);
    for _ in 0..model.rounds {
        let round = greedy_round(model, &meet, dice);
        for group in &round {
            for (x, &i) in group.iter().enumerate() {
                for &j in &group[x + 1..] {
                    meet[i * n + j] += 1;
                    meet[j * n + i] += 1;
                }
            }
        }
        plan.push(round);
    }
    plan
}

fn greedy_round(model: &Model, meet: &[u16], dice: &mut Dice) -> Vec<Vec<usize>> {
    let n = model.n;
    let k = model.sizes.len();
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); k];
    let mut placed = vec![false; n];

    // Keep-together units first, each into a random group that still fits it.
    let mut rank: Vec<usize> = (0..k).collect();
    dice.shuffle(&mut rank);
    let packing = model
        .pack_units(&mut |g| rank[g])
        .or_else(|| model.pack_units(&mut |_| 0))
        .unwrap_or_default();
    for (u, g) in packing {
        for &i in &model.units[u] {
            groups[g].push(i);
            placed[i] = true;
        }
    }

    let mut order: Vec<usize> = (0..k).collect();
    dice.shuffle(&mut order);
    for &g in &order {
        let size = model.sizes[g];
        let mut fill = Filling::new(model, meet, &groups[g]);
        while groups[g].len() < size {
            let free: Vec<usize> = (0..n).filter(|&i| !placed[i]).collect();
            let pick = if groups[g].is_empty() {
                least_free(model, meet, &free, dice)
            } else {
                best_addition(model, meet, &free, &fill, size, dice)
            };
            fill.join(model, meet, pick);
            groups[g].push(pick);
            placed[pick] = true;
        }
    }
    groups
}

/// What the group being filled adds up to for each candidate, kept up to date as people join,
/// so picking the next member is linear in the people left (a room of 2,000 in two groups
/// took minutes when every candidate was scored against the whole group again).
struct Filling {
    /// Per candidate: keep-apart partners, earlier meetings and their recency in the group.
    apart: Vec<i64>,
    pairs: Vec<i64>,
    recency: Vec<i64>,
    /// Per person: has met nobody in the group yet.
    unmet: Vec<bool>,
    /// Per attribute and class: members of the group in that class.
    classes: Vec<Vec<i64>>,
    /// Members so far.
    size: usize,
}

impl Filling {
    fn new(model: &Model, meet: &[u16], members: &[usize]) -> Filling {
        let mut fill = Filling {
            apart: vec![0; model.n],
            pairs: vec![0; model.n],
            recency: vec![0; model.n],
            unmet: vec![true; model.n],
            classes: model
                .attributes
                .iter()
                .map(|a| vec![0; a.totals.len()])
                .collect(),
            size: 0,
        };
        for &j in members {
            fill.join(model, meet, j);
        }
        fill
    }

    fn join(&mut self, model: &Model, meet: &[u16], j: usize) {
        let n = model.n;
        for i in 0..n {
            self.apart[i] += i64::from(model.apart[i * n + j]);
            self.pairs[i] += i64::from(meet[i * n + j]);
            self.recency[i] += model.recency[i * n + j];
            if meet[j * n + i] != 0 {
                self.unmet[i] = false;
            }
        }
        for (a, attr) in model.attributes.iter().enumerate() {
            self.classes[a][attr.class_of[j]] += 1;
        }
        self.size += 1;
    }
}

/// Rooms up to this many people left also weigh how many unmet people a candidate shares
/// with the group (quadratic); larger ones leave that tie-break out.
const SHARED_UP_TO: usize = 400;

/// The unplaced person with the fewest unplaced people not yet met (ties at random).
fn least_free(model: &Model, meet: &[u16], free: &[usize], dice: &mut Dice) -> usize {
    let n = model.n;
    let mut best = (usize::MAX, 0);
    let mut ties = 0;
    let mut pick = free[0];
    for &i in free {
        let freedom = free
            .iter()
            .filter(|&&j| j != i && meet[i * n + j] == 0)
            .count();
        let key = (freedom, 0);
        if key < best {
            best = key;
            pick = i;
            ties = 1;
        } else if key == best {
            ties += 1;
            if dice.below(ties) == 0 {
                pick = i;
            }
        }
    }
    pick
}

/// The unplaced person whose joining adds the least cost, then shares most unmet people.
fn best_addition(
    model: &Model,
    meet: &[u16],
    free: &[usize],
    fill: &Filling,
    size: usize,
    dice: &mut Dice,
) -> usize {
    let n = model.n;
    let mut best: Option<(i64, i64, i64, i64, i64)> = None;
    let mut ties = 0;
    let mut pick = free[0];
    for &i in free {
        let (apart, pairs, recency) = (fill.apart[i], fill.pairs[i], fill.recency[i]);
        let mut balance = 0;
        let mut off = 0;
        for (a, attr) in model.attributes.iter().enumerate() {
            let class = attr.class_of[i];
            let have = fill.classes[a][class];
            balance +=
                cell_cost(model, a, class, size, have + 1) - cell_cost(model, a, class, size, have);
            // Only crowding can be seen while the group fills up.
            off +=
                cell_off(model, a, class, size, have + 1) - cell_off(model, a, class, size, have);
        }
        let shared = if free.len() <= SHARED_UP_TO {
            free.iter()
                .filter(|&&z| z != i && meet[i * n + z] == 0 && fill.unmet[z])
                .count() as i64
        } else {
            0
        };
        // Repeats and crowding weighed as in `Cost`.
        let key = (apart, 2 * pairs + 3 * off.max(0), recency, balance, -shared);
        if best.is_none_or(|b| key < b) {
            best = Some(key);
            pick = i;
            ties = 1;
        } else if Some(key) == best {
            ties += 1;
            if dice.below(ties) == 0 {
                pick = i;
            }
        }
    }
    pick
}
