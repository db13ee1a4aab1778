//! How many groups and how large: the rule is "sizes differ by at most one, nobody alone".
//! `Size(s)` makes round(n / s) groups (halves round up), fewer if someone would be alone.

use super::error::GroupsError;
use super::problem::Sizing;

/// The group sizes for `people` present, largest first.
///
/// `Size(s)`: the number of groups is n / s rounded to the nearest whole number (a half rounds
/// up), at least 1 and at most n / 2 so nobody is alone; the people are then spread so sizes
/// differ by at most one. 14 in 4s gives 4, 4, 3, 3; 5 in 4s gives one group of 5; 6 in 4s
/// gives 3, 3; 3 in 2s gives one group of 3.
/// `Groups(k)`: exactly k groups, sizes differing by at most one; k above n / 2 is an error.
pub fn group_sizes(people: usize, sizing: Sizing) -> Result<Vec<usize>, GroupsError> {
    if people < 2 {
        return Err(GroupsError::TooFewPeople { present: people });
    }
    let groups = match sizing {
        Sizing::Size(size) => {
            if size < 2 {
                return Err(GroupsError::SizeTooSmall { size });
            }
            ((2 * people + size) / (2 * size)).clamp(1, people / 2)
        }
        Sizing::Groups(groups) => {
            if groups == 0 || groups > people / 2 {
                return Err(GroupsError::GroupCount { groups, people });
            }
            groups
        }
    };
    let base = people / groups;
    let larger = people % groups;
    Ok((0..groups)
        .map(|g| if g < larger { base + 1 } else { base })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(n: usize, s: Sizing) -> Vec<usize> {
        group_sizes(n, s).expect("valid sizing")
    }

    #[test]
    fn size_spreads_the_remainder_and_never_leaves_anyone_alone() {
        assert_eq!(sizes(14, Sizing::Size(4)), [4, 4, 3, 3]);
        assert_eq!(sizes(15, Sizing::Size(3)), [3, 3, 3, 3, 3]);
        assert_eq!(sizes(13, Sizing::Size(4)), [5, 4, 4]);
        assert_eq!(sizes(5, Sizing::Size(4)), [5]);
        assert_eq!(sizes(6, Sizing::Size(4)), [3, 3]);
        assert_eq!(sizes(10, Sizing::Size(4)), [4, 3, 3]);
        assert_eq!(sizes(3, Sizing::Size(2)), [3]);
        assert_eq!(sizes(2, Sizing::Size(5)), [2]);
        assert_eq!(sizes(7, Sizing::Size(2)), [3, 2, 2]);
    }

    #[test]
    fn groups_gives_exactly_that_many() {
        assert_eq!(sizes(15, Sizing::Groups(4)), [4, 4, 4, 3]);
        assert_eq!(sizes(4, Sizing::Groups(2)), [2, 2]);
        assert_eq!(sizes(9, Sizing::Groups(1)), [9]);
    }

    #[test]
    fn impossible_sizings_are_errors() {
        assert_eq!(
            group_sizes(1, Sizing::Size(3)),
            Err(GroupsError::TooFewPeople { present: 1 })
        );
        assert_eq!(
            group_sizes(10, Sizing::Size(1)),
            Err(GroupsError::SizeTooSmall { size: 1 })
        );
        assert_eq!(
            group_sizes(5, Sizing::Groups(3)),
            Err(GroupsError::GroupCount {
                groups: 3,
                people: 5
            })
        );
        assert!(group_sizes(5, Sizing::Groups(0)).is_err());
    }
}
