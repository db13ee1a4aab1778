//! Every word on the room's screen, in Dutch and in English, side by side.
//! `{}` marks where a value goes (filled by `text::fill`).

pub struct RoomStrings {
    pub block_of: &'static str,
    pub ends: &'static str,
    pub left: &'static str,
    pub over: &'static str,
    pub ready: &'static str,
    /// Big, over the dimmed digits.
    pub paused_big: &'static str,
    pub paused: &'static str,
    pub next: &'static str,
    pub last: &'static str,
    pub back_at: &'static str,
    pub card_of: &'static str,
    pub vote: &'static str,
    pub votes: &'static str,
    pub first_ballot: &'static str,
    pub revote: &'static str,
    pub no_card: &'static str,
    pub group: &'static str,
    pub more: &'static str,
    /// "+1 groep" / "+{} groepen": groups that did not fit.
    pub more_group: &'static str,
    pub more_groups: &'static str,
    pub no_groups: &'static str,
    pub speaking: &'static str,
    pub order: &'static str,
    pub first_up: &'static str,
    pub no_round: &'static str,
    pub no_takeaways: &'static str,
    pub thanks: &'static str,
    pub finished_at: &'static str,
    pub homework: &'static str,
}

pub const NL: RoomStrings = RoomStrings {
    block_of: "blok {}/{}",
    ends: "einde {}, {}",
    left: "nog {}",
    over: "{} over tijd",
    ready: "begint zo",
    paused_big: "GEPAUZEERD",
    paused: "gepauzeerd",
    next: "straks: {} ({} min)",
    last: "laatste blok",
    back_at: "terug om",
    card_of: "kaart {}/{}",
    vote: "1 stem geteld",
    votes: "{} stemmen geteld",
    first_ballot: "eerste stemming",
    revote: "herstemming",
    no_card: "De kaart komt zo",
    group: "Groep {}",
    more: "+{} meer",
    more_group: "+1 groep",
    more_groups: "+{} groepen",
    no_groups: "De groepen volgen zo",
    speaking: "Aan het woord",
    order: "Volgorde",
    first_up: "Als eerste: {}",
    no_round: "Het rondje begint zo",
    no_takeaways: "Wat neem je mee?",
    thanks: "Bedankt!",
    finished_at: "afgerond om {}",
    homework: "Huiswerk: {}",
};

pub const EN: RoomStrings = RoomStrings {
    block_of: "block {}/{}",
    ends: "ends {}, {}",
    left: "{} left",
    over: "{} over time",
    ready: "starts soon",
    paused_big: "PAUSED",
    paused: "paused",
    next: "next: {} ({} min)",
    last: "last block",
    back_at: "back at",
    card_of: "card {}/{}",
    vote: "1 vote counted",
    votes: "{} votes counted",
    first_ballot: "first vote",
    revote: "revote",
    no_card: "The card follows shortly",
    group: "Group {}",
    more: "+{} more",
    more_group: "+1 group",
    more_groups: "+{} groups",
    no_groups: "The groups follow shortly",
    speaking: "Speaking",
    order: "Order",
    first_up: "First up: {}",
    no_round: "The round starts soon",
    no_takeaways: "What do you take away?",
    thanks: "Thank you!",
    finished_at: "finished at {}",
    homework: "Homework: {}",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn all(s: &RoomStrings) -> Vec<&'static str> {
        vec![
            s.block_of,
            s.ends,
            s.left,
            s.over,
            s.ready,
            s.paused_big,
            s.paused,
            s.next,
            s.last,
            s.back_at,
            s.card_of,
            s.vote,
            s.votes,
            s.first_ballot,
            s.revote,
            s.no_card,
            s.group,
            s.more,
            s.more_group,
            s.more_groups,
            s.no_groups,
            s.speaking,
            s.order,
            s.first_up,
            s.no_round,
            s.no_takeaways,
            s.thanks,
            s.finished_at,
            s.homework,
        ]
    }

    #[test]
    fn both_languages_have_every_string_with_the_same_places_for_values() {
        for (nl, en) in all(&NL).into_iter().zip(all(&EN)) {
            assert!(!nl.trim().is_empty() && !en.trim().is_empty());
            assert_eq!(
                nl.matches("{}").count(),
                en.matches("{}").count(),
                "{nl} / {en}"
            );
        }
    }
}
