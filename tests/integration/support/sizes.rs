//! Terminal sizes for the no-panic sweeps: every size up to 30x12, where layouts switch, then a
//! stride up to 120x40 with the edges of each range, so a sweep stays fast and still finds a panic.

/// `(width, height)` pairs to draw at.
pub fn sweep() -> Vec<(u16, u16)> {
    let small = (1..=30).flat_map(|w| (1..=12).map(move |h| (w, h)));
    let widths: Vec<u16> = (31..=120)
        .step_by(7)
        .chain([59, 60, 69, 70, 79, 80, 120])
        .collect();
    let heights: Vec<u16> = (13..=40)
        .step_by(3)
        .chain([15, 16, 20, 24, 30, 40])
        .collect();
    let wide = widths.iter().flat_map(|&w| {
        (1..=40)
            .step_by(4)
            .chain(heights.clone())
            .map(move |h| (w, h))
    });
    let tall = (1..=30)
        .step_by(5)
        .flat_map(|w| heights.iter().map(move |&h| (w, h)));
    let mut sizes: Vec<(u16, u16)> = small.chain(wide).chain(tall).collect();
    sizes.sort_unstable();
    sizes.dedup();
    sizes
}

#[test]
fn the_sweep_covers_the_small_sizes_whole_and_the_corners() {
    let sizes = sweep();
    for w in 1..=30 {
        for h in 1..=12 {
            assert!(sizes.contains(&(w, h)));
        }
    }
    for corner in [(120, 40), (120, 1), (1, 40), (80, 24), (60, 16)] {
        assert!(sizes.contains(&corner), "{corner:?}");
    }
    assert!(
        sizes.len() < 1400,
        "{} sizes: too many for a fast sweep",
        sizes.len()
    );
}
