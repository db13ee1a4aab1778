//! Published repeat-free schedules kept as tables (Kirkman's 15 in 3s, the 32 golfers in 4s over
//! 10 rounds, ...), and rooms one or more short of a schedule, taken from it by leaving people out.
//!
//! Local search finds complete designs hard (everyone meets everyone exactly once); these tables
//! answer them at once. Each is a known design, re-encoded here and checked by the tests below.
//! Where they were collected: `docs/groups.md`, "Stored designs".

use super::construction::affine_plan;
use super::dice::Dice;

/// One stored schedule: `rounds[r]` holds, per person, the group they sit in during round r, as
/// a base-36 digit. Round 0 is always 0000 1111 2222 ...
struct Design {
    size: usize,
    rounds: &'static [&'static str],
}

impl Design {
    fn people(&self) -> usize {
        self.rounds[0].len()
    }

    /// Round `r` as groups of people.
    fn round(&self, r: usize) -> Vec<Vec<usize>> {
        let mut groups = vec![Vec::with_capacity(self.size); self.people() / self.size];
        for (person, digit) in self.rounds[r].chars().enumerate() {
            let g = digit.to_digit(36).expect("a base-36 digit") as usize;
            groups[g].push(person);
        }
        groups
    }
}

/// A repeat-free plan of `rounds` rounds for `n` people in groups of `sizes` (largest first):
/// an algebraic construction or a stored design for `n + m` people, where m groups are one
/// short, with m people who never meet each other left out. People are shuffled by `dice`.
/// None when no construction or design of that size and length is known.
pub(crate) fn repeat_free(
    n: usize,
    sizes: &[usize],
    rounds: usize,
    dice: &mut Dice,
) -> Option<Vec<Vec<Vec<usize>>>> {
    let size = *sizes.first()?;
    if rounds == 0 || sizes.iter().any(|&s| s != size && s + 1 != size) {
        return None;
    }
    let short = sizes.iter().filter(|&&s| s < size).count();
    let full = n + short;
    let plan = affine_plan(full, &vec![size; sizes.len()], rounds, dice)
        .or_else(|| stored(full, size, rounds, dice))?;
    leave_out(plan, short, dice)
}

/// `rounds` rounds of a stored design of `people` in groups of `size`, rounds and people in
/// an order drawn by `dice`.
fn stored(
    people: usize,
    size: usize,
    rounds: usize,
    dice: &mut Dice,
) -> Option<Vec<Vec<Vec<usize>>>> {
    let design = DESIGNS
        .iter()
        .find(|d| d.size == size && d.people() == people && d.rounds.len() >= rounds)?;
    let mut order: Vec<usize> = (0..design.rounds.len()).collect();
    dice.shuffle(&mut order);
    let mut label: Vec<usize> = (0..people).collect();
    dice.shuffle(&mut label);
    Some(
        order[..rounds]
            .iter()
            .map(|&r| {
                design
                    .round(r)
                    .into_iter()
                    .map(|g| g.into_iter().map(|x| label[x]).collect())
                    .collect()
            })
            .collect(),
    )
}

/// Search nodes when looking for people who never meet.
const MAX_NODES: usize = 100_000;

/// The plan without `count` people who never meet each other (so each round loses one person
/// from `count` different groups), the others numbered 0.. again and each round's groups
/// largest first; None when no such people are found.
fn leave_out(
    plan: Vec<Vec<Vec<usize>>>,
    count: usize,
    dice: &mut Dice,
) -> Option<Vec<Vec<Vec<usize>>>> {
    if count == 0 {
        return Some(plan);
    }
    let people = plan.first()?.iter().map(Vec::len).sum::<usize>();
    let mut meets = vec![false; people * people];
    for group in plan.iter().flatten() {
        for &a in group {
            for &b in group {
                meets[a * people + b] = true;
            }
        }
    }
    let mut order: Vec<usize> = (0..people).collect();
    dice.shuffle(&mut order);
    let mut chosen = Vec::with_capacity(count);
    let mut nodes = 0;
    if !strangers(&order, &meets, people, count, &mut chosen, &mut nodes) {
        return None;
    }
    let mut number = vec![usize::MAX; people];
    let mut next = 0;
    for (x, slot) in number.iter_mut().enumerate() {
        if !chosen.contains(&x) {
            *slot = next;
            next += 1;
        }
    }
    Some(
        plan.into_iter()
            .map(|round| {
                let mut groups: Vec<Vec<usize>> = round
                    .into_iter()
                    .map(|g| {
                        g.into_iter()
                            .filter(|&x| number[x] != usize::MAX)
                            .map(|x| number[x])
                            .collect()
                    })
                    .collect();
                groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
                groups
            })
            .collect(),
    )
}

/// Extends `chosen` to `count` people from `order`, no two of whom meet (depth first).
fn strangers(
    order: &[usize],
    meets: &[bool],
    people: usize,
    count: usize,
    chosen: &mut Vec<usize>,
    nodes: &mut usize,
) -> bool {
    if chosen.len() == count {
        return true;
    }
    for (i, &x) in order.iter().enumerate() {
        *nodes += 1;
        if *nodes > MAX_NODES {
            return false;
        }
        if chosen.iter().all(|&y| !meets[x * people + y]) {
            chosen.push(x);
            if strangers(&order[i + 1..], meets, people, count, chosen, nodes) {
                return true;
            }
            chosen.pop();
        }
    }
    false
}

/// The stored designs, smallest first.
const DESIGNS: &[Design] = &[
    // Kirkman's schoolgirls (1850): 15 in 3s, 7 rounds, every pair once.
    Design {
        size: 3,
        rounds: &[
            "000111222333444",
            "012012034134234",
            "012103423432401",
            "012234130421043",
            "012324402013134",
            "012340431240312",
            "012341213304420",
        ],
    },
    // a nearly Kirkman triple system on 18: 18 in 3s, 8 rounds.
    Design {
        size: 3,
        rounds: &[
            "000111222333444555",
            "045153234312042015",
            "340451532032014512",
            "305413524013412052",
            "012012012345453534",
            "012534453321402510",
            "345534012025103214",
            "345012453041152230",
        ],
    },
    // a Kirkman triple system on 21: 21 in 3s, 10 rounds, every pair once.
    Design {
        size: 3,
        rounds: &[
            "000111222333444555666",
            "325065013126406124435",
            "046245513236315016024",
            "401235046512064135236",
            "430012503153246624165",
            "302521612053405436164",
            "042053163156024315426",
            "240512046623316154035",
            "435603206412015256134",
            "123214156354340260650",
        ],
    },
    // a resolvable (28, 4, 1) design: 28 in 4s, 9 rounds, every pair once.
    Design {
        size: 4,
        rounds: &[
            "0000111122223333444455556666",
            "0156013434564512123602460235",
            "0156104356341245361264205320",
            "0156235601235421034546026431",
            "0156240165423062305413254613",
            "0156326523012154450320641346",
            "0156421042656230543052313164",
            "0156562442100436216335142053",
            "0123324510456304365141266205",
        ],
    },
    // the 32 social golfers (Aguado, 2004): 32 in 4s, 10 rounds.
    Design {
        size: 4,
        rounds: &[
            "00001111222233334444555566667777",
            "01520251072646734513431546370762",
            "01526324754342353467507126101706",
            "01526347521067435201743601257634",
            "01521672260460317463450335715724",
            "01526147304653277325436017642150",
            "01522015714573642630026346734517",
            "01525674645721501037342646327031",
            "01526507134205123647143260573467",
            "01526340467116047346215752033275",
        ],
    },
    // a Kirkman triple system on 33: 33 in 3s, 16 rounds, every pair once.
    Design {
        size: 3,
        rounds: &[
            "000111222333444555666777888999aaa",
            "9100371a22463783595941824a60a6587",
            "67096808a1352164305a83427591749a2",
            "4806549a802513934137667a19a728052",
            "84045765a91306a23742951830782619a",
            "67083149560495712832a53a6124a9708",
            "9106438094936520142a736557278a81a",
            "a3093661086243290718245958a1a7475",
            "760a2597164184a6910a2350348352789",
            "250715a8798063846395a23147a692140",
            "250203748a6992a84669814731550a371",
            "a30294274796a1568540a038239518617",
            "840a632172a470996581592416037a538",
            "a30842a31278290a93679617051485564",
            "520a81863a262617a4980401957349357",
            "910560a56829a47273a41893638270451",
        ],
    },
    // a Kirkman triple system on 39: 39 in 3s, 19 rounds, every pair once.
    Design {
        size: 3,
        rounds: &[
            "000111222333444555666777888999aaabbbccc",
            "c16428132ac875b0841a90970355679b624ab3c",
            "b217104a393508a63b8b7c691c40a754925628c",
            "21804179a584c361ca047ba623b6b905738925c",
            "240c7205905bbc98361592ba18a146687a3734c",
            "371b01c0564a23708928624b45685a1399c7abc",
            "a022c4b601b628715713a35474908b8c65399ac",
            "9c12b72168a93592474cba850b713403a08656c",
            "5b4320281067a461b9734938ca72c518b65a09c",
            "027a2c3081979ba4a60855c3b6913825414b67c",
            "62093ba102795ab76ac5803c2964831458b417c",
            "13c5a292117606409bb4368327a75c4b80a589c",
            "8ab09251249a695c742bc15837b0437a316806c",
            "09265304176b178b752a3845a94cb806c2931ac",
            "15210a6740a48732983680b4965ba5c9317c2bc",
            "203869107cb509c263a951ab5a8264b7847314c",
            "16a0158c0b481633ac97426a0b329b27579845c",
            "4191800bc2532a8ab357b19664c37a29406578c",
            "78520612b28c1b594809a479153a7636bca403c",
        ],
    },
    // a resolvable (40, 4, 1) design: 40 in 4s, 13 rounds, every pair once.
    Design {
        size: 4,
        rounds: &[
            "0000111122223333444455556666777788889999",
            "9841260181359274503424681795678302570369",
            "0251874006943584217330972768165491638259",
            "8120075497302453318791638657216406942589",
            "2634962507215067905831540183829387641479",
            "1795013286514198346520849274086727536039",
            "6732829321400165259654730834905816877149",
            "7623283912041056526945378043098561787149",
            "7159102368151489435602482947807672356039",
            "6243695270120576098513451038283978461479",
            "1802704579034235137819366875124660492589",
            "2015780460495348123703797286614519368259",
            "8914621018532947054342867159763820750369",
        ],
    },
    // a resolvable (65, 5, 1) design: 65 in 5s, 16 rounds, every pair once.
    Design {
        size: 5,
        rounds: &[
            "00000111112222233333444445555566666777778888899999aaaaabbbbbccccc",
            "b80a21ca83056816721b9b46c8b7953927a04326173455094a14bacc6389c7520",
            "26a477680b5ca9892cb897a0151b3061ac54b95703a82bc2166453891324c7430",
            "36b4c54a922b17435a60b852341a3c5901bc8a198c9b676a281370896407c7520",
            "7b91ac97204570b610a5a35c8a6847816923215b62340b83943a9c05278cc641b",
            "6a472680b7ca9852cb897a0191b3051ac56b95743a820c216b4538613249c7430",
            "6b4c34a925b17425a6038523b1a3c4901b58a19cc9b686a2873708164079c7520",
            "0a2b8a831c6810521b6746c9b7958b27a39326043451794a50bac14389c6c7520",
            "a472680b76a985ccb892a0197b3051ac5619574ba8203216bc5386432491c7430",
            "b4c36a92541742ba6035523b8a3c4101b59a19c89b68ca28767081340796c7520",
            "a2b80831ca810561b6726c9b4958b77a39226043451734a509ac14b89c63c7520",
            "4726a0b768985cab892c0197a3051bc561a574b98203a16bc23864524913c7430",
            "4c36b9254a742b16035a23b853c41a1b59019c8ab68c92876a0813707964c7520",
            "2b80a31ca810568b6721c9b4658b79a39276043251734a5094c14ba9c638c7520",
            "726a4b768085ca9892cb197a0051b3561ac74b95203a86bc218645349132c7430",
            "c36b4254a942b17035a63b852c41a3b59019c8a168c9b876a28137079640c7520",
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::groups::plan_checks::{self, assert_partitions};
    use crate::groups::problem::Sizing;
    use crate::groups::sizing::group_sizes;
    use proptest::prelude::*;

    /// Pairs meeting more than once, after checking that every round is a partition of 0..n
    /// into groups of `sizes`.
    fn repeats(plan: &[Vec<Vec<usize>>], n: usize, sizes: &[usize]) -> usize {
        assert_partitions(plan, n, sizes);
        plan_checks::repeats(plan, n)
    }

    #[test]
    fn every_stored_design_is_a_partition_each_round_with_no_pair_meeting_twice() {
        for design in DESIGNS {
            let n = design.people();
            let plan: Vec<_> = (0..design.rounds.len()).map(|r| design.round(r)).collect();
            let sizes = vec![design.size; n / design.size];
            assert_eq!(repeats(&plan, n, &sizes), 0, "{n} in {}s", design.size);
            assert!(design.rounds.iter().all(|r| r.len() == n));
        }
    }

    #[test]
    fn thirty_two_in_fours_go_ten_rounds_without_a_repeat() {
        let sizes = [4; 8];
        let plan = repeat_free(32, &sizes, 10, &mut Dice::new(7)).expect("stored");
        assert_eq!(plan.len(), 10);
        assert_eq!(repeats(&plan, 32, &sizes), 0);
    }

    #[test]
    fn a_room_one_short_of_a_design_leaves_one_person_out() {
        // 14 in 3s: Kirkman's 15 without one; 31 in 4s: the 32 golfers without one; 30 in 4s
        // for 10 rounds: two of them who never meet.
        for (n, size, rounds) in [(14, 3, 7), (31, 4, 10), (30, 4, 10), (27, 4, 9), (17, 3, 8)] {
            let sizes = group_sizes(n, Sizing::Size(size)).expect("sizes");
            let plan = repeat_free(n, &sizes, rounds, &mut Dice::new(3))
                .unwrap_or_else(|| panic!("{n}/{size}/{rounds} from a larger design"));
            assert_eq!(plan.len(), rounds);
            assert_eq!(repeats(&plan, n, &sizes), 0, "{n}/{size}/{rounds}");
        }
    }

    #[test]
    fn too_many_rounds_or_unknown_sizes_are_declined() {
        let mut dice = Dice::new(1);
        assert!(repeat_free(32, &[4; 8], 11, &mut dice).is_none());
        assert!(repeat_free(15, &[3; 5], 8, &mut dice).is_none());
        assert!(repeat_free(36, &[6; 6], 4, &mut dice).is_none());
        // 29 in 8 groups: three people who never meet each other do not exist in 32/4/10
        // (each has one stranger only).
        let sizes = group_sizes(29, Sizing::Groups(8)).expect("sizes");
        assert!(repeat_free(29, &sizes, 10, &mut dice).is_none());
    }

    proptest! {
        /// Whatever room and seed: a plan, when one is given, has the room's group sizes
        /// every round and no pair meeting twice.
        #[test]
        fn what_is_given_is_repeat_free(n in 6usize..70, size in 3usize..6, rounds in 1usize..20,
                                         seed in 0u64..1000) {
            let Ok(sizes) = group_sizes(n, Sizing::Size(size)) else { return Ok(()) };
            if let Some(plan) = repeat_free(n, &sizes, rounds, &mut Dice::new(seed)) {
                prop_assert_eq!(plan.len(), rounds);
                prop_assert_eq!(repeats(&plan, n, &sizes), 0);
            }
        }
    }
}
