//! The problem turned into indices: people, keep-together units, keep-apart and history
//! matrices, attribute classes. Every check that can refuse a problem up front happens here.

use super::error::GroupsError;
use super::problem::Problem;
use super::sizing::group_sizes;
use super::triples::{TRIPLE_PEOPLE, history_triples, triple};
use std::collections::BTreeMap;

/// One balanced attribute: each person's value class and how many share it.
#[derive(Debug, Clone)]
pub(crate) struct Attribute {
    /// Value class per person (people without the attribute share one class).
    pub(crate) class_of: Vec<usize>,
    /// People per class.
    pub(crate) totals: Vec<usize>,
    /// Priority weight: the first attribute counts most.
    pub(crate) weight: i64,
}

/// The indexed problem the search works on.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    pub(crate) n: usize,
    pub(crate) rounds: usize,
    /// Group sizes, largest first.
    pub(crate) sizes: Vec<usize>,
    /// Keep-together units (people who always sit together), each sorted.
    pub(crate) units: Vec<Vec<usize>>,
    pub(crate) unit_of: Vec<usize>,
    /// The group each unit is pinned to in every round (a hard constraint), if any.
    pub(crate) pinned: Vec<Option<usize>>,
    /// `apart[i * n + j]`: i and j must never share a group.
    pub(crate) apart: Vec<bool>,
    /// Earlier meetings per pair (both present).
    pub(crate) met: Vec<u16>,
    /// Recency weight per pair: the sum over earlier meetings of a weight falling with age.
    pub(crate) recency: Vec<i64>,
    pub(crate) attributes: Vec<Attribute>,
    /// Meetings (history and plan) at which a pair counts as crowded: one above the fair
    /// average rounded up, at least 2 (any repeat).
    pub(crate) crowded: u16,
    /// Meetings per pair within one of the fair average (history included): `lo..=hi`.
    pub(crate) band: (u16, u16),
    /// Some pair has a recency weight or must be kept apart (else those costs stay 0).
    pub(crate) constrained: bool,
    /// Repeated triples are a cost (groups of four or more, at most `TRIPLE_PEOPLE` people; in
    /// groups of three a repeated triple is a repeated group, which the pair cost already counts).
    pub(crate) triples: bool,
    /// Earlier meetings per triple (see `triples::triple`), n³; empty when not counted.
    pub(crate) tri_met: Vec<u16>,
    /// Recency weight per triple, as for pairs; empty without history triples.
    pub(crate) tri_recency: Vec<i64>,
    /// `compatible[i * n + j]`: i and j may share a group of a balanced plan (not apart, and
    /// of different kinds or of a kind with room for two in the largest group).
    pub(crate) compatible: Vec<bool>,
}

/// Weight of a meeting `rounds_ago` rounds back: yesterday's repeat weighs most.
pub(crate) fn recency_weight(rounds_ago: u32) -> i64 {
    1000 / i64::from(rounds_ago.max(1))
}

impl Model {
    pub(crate) fn pair(&self, i: usize, j: usize) -> usize {
        i * self.n + j
    }

    /// The sizes of the keep-together units of two or more people.
    pub(crate) fn tied_sizes(&self) -> Vec<usize> {
        self.units
            .iter()
            .map(Vec::len)
            .filter(|&len| len > 1)
            .collect()
    }

    pub(crate) fn build(problem: &Problem) -> Result<Model, GroupsError> {
        let n = problem.people.len();
        let sizes = group_sizes(n, problem.sizing)?;
        if problem.rounds == 0 {
            return Err(GroupsError::NoRounds);
        }
        let mut index: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, person) in problem.people.iter().enumerate() {
            if index.insert(person.name.as_str(), i).is_some() {
                return Err(GroupsError::DuplicateName {
                    name: person.name.clone(),
                });
            }
        }
        let name = |i: usize| problem.people[i].name.clone();
        let lookup = |a: &str, b: &str, constraint: &'static str| {
            let find = |x: &str| {
                index
                    .get(x)
                    .copied()
                    .ok_or_else(|| GroupsError::UnknownName {
                        name: x.to_string(),
                        constraint,
                    })
            };
            let (i, j) = (find(a)?, find(b)?);
            if i == j {
                return Err(GroupsError::SamePerson {
                    name: a.to_string(),
                    constraint,
                });
            }
            Ok((i, j))
        };

        // Keep-together: union-find into units.
        let mut parent: Vec<usize> = (0..n).collect();
        fn root(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        for (a, b) in &problem.keep_together {
            let (i, j) = lookup(a, b, "keep-together")?;
            let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
            if ri != rj {
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
        let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..n {
            let r = root(&mut parent, i);
            by_root.entry(r).or_default().push(i);
        }
        let units: Vec<Vec<usize>> = by_root.into_values().collect();
        let mut unit_of = vec![0; n];
        for (u, members) in units.iter().enumerate() {
            for &i in members {
                unit_of[i] = u;
            }
        }
        let chain_names =
            |units: &[Vec<usize>], u: usize| units[u].iter().map(|&i| name(i)).collect::<Vec<_>>();
        let largest = sizes[0];
        if let Some(u) = units.iter().position(|u| u.len() > largest) {
            return Err(GroupsError::ChainTooLarge {
                chain: chain_names(&units, u),
                largest,
            });
        }

        let mut apart = vec![false; n * n];
        for (a, b) in &problem.keep_apart {
            let (i, j) = lookup(a, b, "keep-apart")?;
            if unit_of[i] == unit_of[j] {
                return Err(GroupsError::ApartButTogether {
                    a: a.clone(),
                    b: b.clone(),
                    chain: chain_names(&units, unit_of[i]),
                });
            }
            if sizes.len() == 1 {
                return Err(GroupsError::ApartInOneGroup {
                    a: a.clone(),
                    b: b.clone(),
                });
            }
            apart[i * n + j] = true;
            apart[j * n + i] = true;
        }

        let pinned = pins(problem, &index, &units, &unit_of, &sizes)?;
        // People pinned to different groups never meet: keep-apart for the search's sake.
        for i in 0..n {
            for j in 0..n {
                if let (Some(a), Some(b)) = (pinned[unit_of[i]], pinned[unit_of[j]])
                    && a != b
                {
                    apart[i * n + j] = true;
                }
                if i < j
                    && apart[i * n + j]
                    && let (Some(a), Some(b)) = (pinned[unit_of[i]], pinned[unit_of[j]])
                    && a == b
                {
                    return Err(GroupsError::ApartButPinned {
                        a: name(i),
                        b: name(j),
                        group: a + 1,
                    });
                }
            }
        }

        // History: only pairs of people present count.
        let mut met = vec![0u16; n * n];
        let mut recency = vec![0i64; n * n];
        for meeting in &problem.history {
            let (Some(&i), Some(&j)) =
                (index.get(meeting.a.as_str()), index.get(meeting.b.as_str()))
            else {
                continue;
            };
            if i == j {
                continue;
            }
            let w = recency_weight(meeting.rounds_ago);
            for (x, y) in [(i, j), (j, i)] {
                met[x * n + y] = met[x * n + y].saturating_add(1);
                recency[x * n + y] += w;
            }
        }

        let triples = sizes[0] >= 4 && n <= TRIPLE_PEOPLE;
        let earlier_triples = if triples {
            history_triples(&problem.history, &index)
        } else {
            Vec::new()
        };
        let (mut tri_met, mut tri_recency) = (Vec::new(), Vec::new());
        if triples {
            tri_met = vec![0u16; n * n * n];
            if !earlier_triples.is_empty() {
                tri_recency = vec![0i64; n * n * n];
            }
            for &([a, b, c], ago) in &earlier_triples {
                let t = triple(n, a, b, c);
                tri_met[t] = tri_met[t].saturating_add(1);
                tri_recency[t] += recency_weight(ago);
            }
        }

        let mut attributes = Vec::new();
        let count = problem.balance.len() as i64;
        for (rank, key) in problem.balance.iter().enumerate() {
            let mut classes: BTreeMap<Option<&str>, usize> = BTreeMap::new();
            for p in &problem.people {
                let next = classes.len();
                classes
                    .entry(p.attributes.get(key).map(String::as_str))
                    .or_insert(next);
            }
            if classes.keys().all(Option::is_none) {
                let known: std::collections::BTreeSet<String> = problem
                    .people
                    .iter()
                    .flat_map(|p| p.attributes.keys().cloned())
                    .collect();
                return Err(GroupsError::UnknownAttribute {
                    attribute: key.clone(),
                    known: known.into_iter().collect(),
                });
            }
            let class_of: Vec<usize> = problem
                .people
                .iter()
                .map(|p| classes[&p.attributes.get(key).map(String::as_str)])
                .collect();
            let mut totals = vec![0; classes.len()];
            for &c in &class_of {
                totals[c] += 1;
            }
            attributes.push(Attribute {
                class_of,
                totals,
                weight: count - rank as i64,
            });
        }

        let model = Model {
            n,
            rounds: problem.rounds,
            sizes,
            units,
            unit_of,
            pinned,
            apart,
            met,
            recency,
            attributes,
            crowded: 2,
            band: (0, 0),
            constrained: false,
            triples,
            tri_met,
            tri_recency,
            compatible: Vec::new(),
        };
        let compatible = compatible_pairs(&model);
        let model = Model {
            compatible,
            ..model
        };
        let (floor, ceiling) = model.fair_average();
        let model = Model {
            crowded: ceiling.saturating_add(1).max(2),
            band: (ceiling.saturating_sub(1), floor.saturating_add(1)),
            constrained: model.recency.iter().any(|&w| w != 0) || model.apart.iter().any(|&a| a),
            ..model
        };
        if model.pack_units(&mut |_| 0).is_none() {
            let chains = (0..model.units.len())
                .filter(|&u| model.units[u].len() > 1)
                .map(|u| chain_names(&model.units, u))
                .collect();
            return Err(GroupsError::ChainsDoNotFit {
                chains,
                sizes: model.sizes.clone(),
            });
        }
        Ok(model)
    }

    /// The average meetings per pair after the plan (history included), rounded down and up.
    pub(crate) fn fair_average(&self) -> (u16, u16) {
        let pairs = (self.n * (self.n - 1) / 2) as u64;
        let per_round: u64 = self.sizes.iter().map(|&s| (s * (s - 1) / 2) as u64).sum();
        let past: u64 = self.met.iter().map(|&m| u64::from(m)).sum::<u64>() / 2;
        let total = past + per_round * self.rounds as u64;
        let pairs = pairs.max(1);
        let cap = |x: u64| u16::try_from(x).unwrap_or(u16::MAX);
        (cap(total / pairs), cap(total.div_ceil(pairs)))
    }

    /// Place the pinned units into their groups, then the keep-together units of two or more
    /// people, largest first, each into the group that fits it and that `prefer` ranks lowest
    /// (ties: lowest index). Returns the group per unit placed, or None when they do not fit.
    pub(crate) fn pack_units(
        &self,
        prefer: &mut dyn FnMut(usize) -> usize,
    ) -> Option<Vec<(usize, usize)>> {
        let mut room = self.sizes.clone();
        let mut placed = Vec::new();
        for (u, pin) in self.pinned.iter().enumerate() {
            if let Some(g) = *pin {
                room[g] = room[g].checked_sub(self.units[u].len())?;
                placed.push((u, g));
            }
        }
        let mut multi: Vec<usize> = (0..self.units.len())
            .filter(|&u| self.units[u].len() > 1 && self.pinned[u].is_none())
            .collect();
        multi.sort_by_key(|&u| std::cmp::Reverse(self.units[u].len()));
        for u in multi {
            let len = self.units[u].len();
            let g = (0..room.len())
                .filter(|&g| room[g] >= len)
                .min_by_key(|&g| (prefer(g), g))?;
            room[g] -= len;
            placed.push((u, g));
        }
        Some(placed)
    }

    /// The person (or keep-together unit) stays in its pinned group.
    pub(crate) fn is_pinned(&self, person: usize) -> bool {
        self.pinned[self.unit_of[person]].is_some()
    }
}

/// Which pairs may share a group of a balanced plan (see `Model::compatible`).
fn compatible_pairs(model: &Model) -> Vec<bool> {
    let n = model.n;
    let largest = model.sizes[0];
    let mut compatible = vec![false; n * n];
    for i in 0..n {
        for j in 0..n {
            compatible[i * n + j] = i != j
                && !model.apart[i * n + j]
                && model.attributes.iter().all(|attr| {
                    let class = attr.class_of[i];
                    class != attr.class_of[j] || (attr.totals[class] * largest).div_ceil(n) >= 2
                });
        }
    }
    compatible
}

/// The group (index) each keep-together unit is pinned to, checked: known names, groups that
/// exist, one group per unit, no more pinned to a group than it holds.
fn pins(
    problem: &Problem,
    index: &BTreeMap<&str, usize>,
    units: &[Vec<usize>],
    unit_of: &[usize],
    sizes: &[usize],
) -> Result<Vec<Option<usize>>, GroupsError> {
    let mut pinned: Vec<Option<usize>> = vec![None; units.len()];
    let names = |u: usize| -> Vec<String> {
        units[u]
            .iter()
            .map(|&i| problem.people[i].name.clone())
            .collect()
    };
    for (name, group) in &problem.pins {
        let i = *index
            .get(name.as_str())
            .ok_or_else(|| GroupsError::UnknownName {
                name: name.clone(),
                constraint: "pin",
            })?;
        if *group == 0 || *group > sizes.len() {
            return Err(GroupsError::PinBeyondGroups {
                name: name.clone(),
                group: *group,
                groups: sizes.len(),
            });
        }
        let u = unit_of[i];
        match pinned[u] {
            Some(g) if g != group - 1 => {
                return Err(GroupsError::PinnedTwice {
                    names: names(u),
                    groups: ((g + 1).min(*group), (g + 1).max(*group)),
                });
            }
            _ => pinned[u] = Some(group - 1),
        }
    }
    for (g, &size) in sizes.iter().enumerate() {
        let here: Vec<usize> = (0..units.len()).filter(|&u| pinned[u] == Some(g)).collect();
        if here.iter().map(|&u| units[u].len()).sum::<usize>() > size {
            return Err(GroupsError::PinsOverfill {
                group: g + 1,
                names: here.into_iter().flat_map(names).collect(),
                size,
            });
        }
    }
    Ok(pinned)
}
