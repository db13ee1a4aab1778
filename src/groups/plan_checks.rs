//! Checks the solver's tests share for schedules of positions 0..n: every round a partition
//! into the expected group sizes, and how often each pair meets.

/// Panics unless every round of `plan` holds each of 0..n once, in groups of `sizes`.
pub(crate) fn assert_partitions(plan: &[Vec<Vec<usize>>], n: usize, sizes: &[usize]) {
    for round in plan {
        let mut all: Vec<usize> = round.iter().flatten().copied().collect();
        all.sort_unstable();
        assert_eq!(
            all,
            (0..n).collect::<Vec<_>>(),
            "a round is not a partition"
        );
        let got: Vec<usize> = round.iter().map(Vec::len).collect();
        assert_eq!(got, sizes, "group sizes");
    }
}

/// `met[a * n + b]` (a < b): how often a and b share a group in `plan`.
pub(crate) fn meetings(plan: &[Vec<Vec<usize>>], n: usize) -> Vec<u32> {
    let mut met = vec![0u32; n * n];
    for group in plan.iter().flatten() {
        for (i, &a) in group.iter().enumerate() {
            for &b in &group[i + 1..] {
                met[a.min(b) * n + a.max(b)] += 1;
            }
        }
    }
    met
}

/// Meetings beyond each pair's first.
pub(crate) fn repeats(plan: &[Vec<Vec<usize>>], n: usize) -> usize {
    meetings(plan, n)
        .iter()
        .map(|&m| m.saturating_sub(1) as usize)
        .sum()
}
