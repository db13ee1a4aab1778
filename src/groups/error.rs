//! Why the solver cannot split a group: each variant says what is wrong and how to fix it.
//! The Display text is shown to the trainer as is (command line and breakout screen).

use crate::i18n::Lang;
use std::fmt;

/// A problem the solver refuses, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupsError {
    /// Fewer than two people present.
    TooFewPeople { present: usize },
    /// `Size(s)` with `s` below 2.
    SizeTooSmall { size: usize },
    /// `Groups(k)` with no groups, or so many that someone would be alone.
    GroupCount { groups: usize, people: usize },
    /// Zero rounds asked.
    NoRounds,
    /// The same name twice among the people present.
    DuplicateName { name: String },
    /// A constraint names someone who is not among the people present.
    UnknownName {
        name: String,
        constraint: &'static str,
    },
    /// A constraint pairs someone with themselves.
    SamePerson {
        name: String,
        constraint: &'static str,
    },
    /// Two people must be apart but keep-together chains tie them into one group.
    ApartButTogether {
        a: String,
        b: String,
        chain: Vec<String>,
    },
    /// Two people must be apart but there is only one group.
    ApartInOneGroup { a: String, b: String },
    /// A keep-together chain is larger than the largest group.
    ChainTooLarge { chain: Vec<String>, largest: usize },
    /// The keep-together chains cannot be packed into groups of these sizes.
    ChainsDoNotFit {
        chains: Vec<Vec<String>>,
        sizes: Vec<usize>,
    },
    /// The search found no split that keeps every keep-apart pair apart: `pairs` are the
    /// keep-apart pairs (as given) linked to one that still met.
    ApartNotFound {
        pairs: Vec<(String, String)>,
        groups: usize,
    },
    /// A pin names a group beyond the number of groups.
    PinBeyondGroups {
        name: String,
        group: usize,
        groups: usize,
    },
    /// One person pinned to two groups, or a keep-together chain pinned to two groups.
    PinnedTwice {
        names: Vec<String>,
        groups: (usize, usize),
    },
    /// More people pinned to one group than it holds.
    PinsOverfill {
        group: usize,
        names: Vec<String>,
        size: usize,
    },
    /// A keep-apart pair pinned to the same group.
    ApartButPinned { a: String, b: String, group: usize },
    /// A balance attribute that no person present has.
    UnknownAttribute {
        attribute: String,
        known: Vec<String>,
    },
}

impl fmt::Display for GroupsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GroupsError::TooFewPeople { present } => write!(
                f,
                "{present} {} present: groups need at least 2 people",
                if *present == 1 { "person" } else { "people" }
            ),
            GroupsError::SizeTooSmall { size } => {
                write!(f, "group size {size} is too small: use a size of 2 or more")
            }
            GroupsError::GroupCount { groups: 0, .. } => {
                write!(f, "0 groups asked: ask for at least 1 group")
            }
            GroupsError::GroupCount { groups, people } => write!(
                f,
                "{people} people in {groups} groups would leave someone alone: \
                 ask for at most {} groups",
                people / 2
            ),
            GroupsError::NoRounds => write!(f, "0 rounds asked: ask for at least 1 round"),
            GroupsError::DuplicateName { name } => {
                write!(f, "\"{name}\" is present twice: names must be unique")
            }
            GroupsError::UnknownName { name, constraint } => write!(
                f,
                "{constraint} names \"{name}\", who is not among the people present: \
                 fix the name or leave the pair out"
            ),
            GroupsError::SamePerson { name, constraint } => write!(
                f,
                "{constraint} pairs \"{name}\" with themselves: name two different people"
            ),
            GroupsError::ApartButTogether { a, b, chain } => write!(
                f,
                "{a} and {b} must be apart but keep-together ties them into one group ({}): \
                 drop one of these pairs",
                chain.join(" + ")
            ),
            GroupsError::ApartInOneGroup { a, b } => write!(
                f,
                "{a} and {b} must be apart but there is only one group: ask for more groups"
            ),
            GroupsError::ChainTooLarge { chain, largest } => write!(
                f,
                "keep-together ties {} people into one group ({}) but the largest group \
                 holds {largest}: use larger groups or drop a keep-together pair",
                chain.len(),
                chain.join(" + ")
            ),
            GroupsError::ChainsDoNotFit { chains, sizes } => {
                let chains: Vec<String> = chains.iter().map(|c| c.join(" + ")).collect();
                let sizes: Vec<String> = sizes.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "the keep-together groups ({}) do not fit into groups of {} people: \
                     change the group size or drop a keep-together pair",
                    chains.join("; "),
                    sizes.join(", ")
                )
            }
            GroupsError::PinBeyondGroups {
                name,
                group,
                groups,
            } => write!(
                f,
                "{name} is pinned to group {group}, but there are {groups} groups: pin to a \
                 group from 1 to {groups} or ask for more groups"
            ),
            GroupsError::PinnedTwice {
                names,
                groups: (a, b),
            } => write!(
                f,
                "{} pinned to group {a} and to group {b}: keep one pin (keep-together \
                 partners share their group)",
                names.join(" + ")
            ),
            GroupsError::PinsOverfill { group, names, size } => write!(
                f,
                "{} are pinned to group {group}, which holds {size}: pin fewer people there",
                names.join(", ")
            ),
            GroupsError::ApartButPinned { a, b, group } => write!(
                f,
                "{a} and {b} must be apart but are both pinned to group {group}: pin one of \
                 them elsewhere or drop the keep-apart pair"
            ),
            GroupsError::ApartNotFound { pairs, groups } => write!(
                f,
                "{} must be apart but no split into {groups} groups found keeps every \
                 keep-apart pair apart: ask for more groups or drop a keep-apart pair",
                pair_list(pairs, "and")
            ),
            GroupsError::UnknownAttribute { attribute, known } => {
                if known.is_empty() {
                    write!(
                        f,
                        "nobody present has the attribute \"{attribute}\" (nobody has any \
                         attributes): leave out the balance"
                    )
                } else {
                    write!(
                        f,
                        "nobody present has the attribute \"{attribute}\"; attributes that \
                         exist: {}",
                        known.join(", ")
                    )
                }
            }
        }
    }
}

impl std::error::Error for GroupsError {}

/// "A and B, C and D" with the language's "and".
fn pair_list(pairs: &[(String, String)], and: &str) -> String {
    pairs
        .iter()
        .map(|(a, b)| format!("{a} {and} {b}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl GroupsError {
    /// The message in the interface language (`Display` gives the English one).
    pub fn describe(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Nl => self.dutch(),
        }
    }

    fn dutch(&self) -> String {
        match self {
            GroupsError::TooFewPeople { present } => {
                format!("{present} aanwezig: voor groepen zijn minstens 2 mensen nodig")
            }
            GroupsError::SizeTooSmall { size } => {
                format!("groepsgrootte {size} is te klein: kies 2 of meer")
            }
            GroupsError::GroupCount { groups: 0, .. } => {
                "0 groepen gevraagd: vraag om minstens 1 groep".to_string()
            }
            GroupsError::GroupCount { groups, people } => format!(
                "{people} mensen in {groups} groepen laat iemand alleen: vraag om hooguit {} \
                 groepen",
                people / 2
            ),
            GroupsError::NoRounds => "0 rondes gevraagd: vraag om minstens 1 ronde".to_string(),
            GroupsError::DuplicateName { name } => {
                format!("\"{name}\" staat er twee keer: namen moeten uniek zijn")
            }
            GroupsError::UnknownName { name, constraint } => format!(
                "{constraint} noemt \"{name}\", die niet bij de aanwezigen staat: verbeter de \
                 naam of laat het paar weg"
            ),
            GroupsError::SamePerson { name, constraint } => format!(
                "{constraint} koppelt \"{name}\" aan zichzelf: noem twee verschillende mensen"
            ),
            GroupsError::ApartButTogether { a, b, chain } => format!(
                "{a} en {b} moeten apart, maar keep-together bindt ze in één groep ({}): laat \
                 een van die paren weg",
                chain.join(" + ")
            ),
            GroupsError::ApartInOneGroup { a, b } => {
                format!("{a} en {b} moeten apart, maar er is maar één groep: vraag om meer groepen")
            }
            GroupsError::ChainTooLarge { chain, largest } => format!(
                "keep-together bindt {} mensen in één groep ({}), maar de grootste groep telt \
                 {largest}: kies grotere groepen of laat een keep-together-paar weg",
                chain.len(),
                chain.join(" + ")
            ),
            GroupsError::ChainsDoNotFit { chains, sizes } => {
                let chains: Vec<String> = chains.iter().map(|c| c.join(" + ")).collect();
                let sizes: Vec<String> = sizes.iter().map(ToString::to_string).collect();
                format!(
                    "de keep-together-groepjes ({}) passen niet in groepen van {}: kies een \
                     andere groepsgrootte of laat een keep-together-paar weg",
                    chains.join("; "),
                    sizes.join(", ")
                )
            }
            GroupsError::ApartNotFound { pairs, groups } => format!(
                "{} moeten apart, maar geen indeling in {groups} groepen houdt elk \
                 keep-apart-paar uit elkaar: vraag om meer groepen of laat een paar weg",
                pair_list(pairs, "en")
            ),
            GroupsError::PinBeyondGroups {
                name,
                group,
                groups,
            } => format!(
                "{name} is vastgezet in groep {group}, maar er zijn {groups} groepen: zet vast \
                 in een groep van 1 tot {groups} of vraag om meer groepen"
            ),
            GroupsError::PinnedTwice {
                names,
                groups: (a, b),
            } => format!(
                "{} vastgezet in groep {a} én in groep {b}: houd één vaste groep \
                 (keep-together-partners delen hun groep)",
                names.join(" + ")
            ),
            GroupsError::PinsOverfill { group, names, size } => format!(
                "{} zijn vastgezet in groep {group}, waar {size} mensen in passen: zet er \
                 minder mensen vast",
                names.join(", ")
            ),
            GroupsError::ApartButPinned { a, b, group } => format!(
                "{a} en {b} moeten apart, maar zijn allebei vastgezet in groep {group}: zet een \
                 van beiden elders vast of laat het keep-apart-paar weg"
            ),
            GroupsError::UnknownAttribute { attribute, known } if known.is_empty() => format!(
                "niemand van de aanwezigen heeft het kenmerk \"{attribute}\" (niemand heeft \
                 kenmerken): laat de balans weg"
            ),
            GroupsError::UnknownAttribute { attribute, known } => format!(
                "niemand van de aanwezigen heeft het kenmerk \"{attribute}\"; kenmerken die \
                 bestaan: {}",
                known.join(", ")
            ),
        }
    }
}
