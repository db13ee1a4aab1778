//! Lower bounds on the cost, so the search can stop once a plan is provably optimal:
//! the balanced counting bound (water-filling), the pigeonhole bound and a balance bound.

use super::model::Model;
use super::state::{Cost, cell_cost};

/// A cost no plan can beat (recency is bounded by 0).
pub(crate) fn lower_bound(model: &Model) -> Cost {
    Cost {
        apart: 0,
        pairs: counting_bound(model)
            .max(pigeonhole_bound(model))
            .max(known_maximum_bound(model)),
        outside: 0,
        recency: 0,
        balance: balance_bound(model),
    }
}

fn choose2(m: i64) -> i64 {
    m * (m - 1) / 2
}

/// Every round adds sum C(size, 2) meetings; the convex cost is least when they go to the
/// pairs that met least (history included), one at a time.
pub(crate) fn counting_bound(model: &Model) -> i64 {
    let n = model.n;
    let per_round: i64 = model.sizes.iter().map(|&s| choose2(s as i64)).sum();
    let mut left = per_round * model.rounds as i64;
    // Pairs per meeting count.
    let mut levels: Vec<i64> = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            let m = usize::from(model.met[model.pair(i, j)]);
            if levels.len() <= m {
                levels.resize(m + 1, 0);
            }
            levels[m] += 1;
        }
    }
    let mut cost: i64 = levels
        .iter()
        .enumerate()
        .map(|(m, &k)| k * choose2(m as i64))
        .sum();
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
    cost
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

/// Most repeat-free rounds known (OEIS A107431) where that is below what counting allows:
/// (people, group size, rounds).
const KNOWN_MAXIMA: &[(usize, usize, usize)] = &[(12, 3, 4)];

/// Without history: more rounds than the known maximum force at least one repeat.
pub(crate) fn known_maximum_bound(model: &Model) -> i64 {
    let size = model.sizes[0];
    let equal = model.sizes.iter().all(|&s| s == size);
    let fresh = model.met.iter().all(|&m| m == 0);
    let beyond = KNOWN_MAXIMA
        .iter()
        .any(|&(n, s, max)| n == model.n && s == size && model.rounds > max);
    i64::from(equal && fresh && beyond)
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
        let problem = Problem {
            people: (0..n)
                .map(|i| Person {
                    name: format!("P{i}"),
                    attributes: Default::default(),
                })
                .collect(),
            sizing: Sizing::Size(size),
            rounds,
            keep_apart: vec![],
            keep_together: vec![],
            history: vec![],
            balance: vec![],
        };
        Model::build(&problem).expect("valid problem")
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
        assert_eq!(lower_bound(&model(12, 3, 5)).pairs, 1);
        assert_eq!(lower_bound(&model(12, 3, 4)).pairs, 0);
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
