//! A workshop day with one block of every kind, a cohort of 15 and a deck with long Dutch
//! text, plus logs of that day at chosen moments: the states the screen tests draw.

use chrono::DateTime;
use regie::engine::{Engine, ProgrammeHistory};
use regie::i18n::Lang;
use regie::journal::MemoryRecorder;
use regie::journal::record::*;
use regie::script::*;
use regie::tui::{App, Settings, Theme, ThemeName};
use std::collections::BTreeMap;

pub const NAMES: [&str; 15] = [
    "Anouk V.",
    "Bram K.",
    "Chloë de W.",
    "Daan S.",
    "Eline M.",
    "Fatima B.",
    "Gert-Jan H.",
    "Hanneke P.",
    "Ismaïl A.",
    "Joost van D.",
    "Karin L.",
    "Lotte R.",
    "Mehmet Y.",
    "Noor T.",
    "Olaf Q.",
];

pub const DECK: &str = "../../decks/regel-of-ruimte.ron";

/// A stamp on the test day, "HH:MM:SS" local time at +01:00.
pub fn at(hms: &str) -> Stamp {
    DateTime::parse_from_rfc3339(&format!("2026-11-23T{hms}+01:00")).expect("fixture time")
}

fn block(title: &str, minutes: u32, kind: BlockKind, notes: &str) -> Block {
    Block {
        title: title.to_string(),
        minutes: Minutes(minutes),
        kind,
        notes: notes.to_string(),
    }
}

pub fn card() -> Card {
    Card {
        id: "speeltuin".to_string(),
        title: "De speeltuin zonder vergunning".to_string(),
        situation: "Bewoners van de Ëikenlaan hebben op een braakliggend stuk gemeentegrond \
            zelf een speeltuin gebouwd, zonder vergunning en zonder overleg. De naïeve \
            enthousiasteling die het initiëerde vraagt nu om een financiële bijdrage; de \
            afdeling handhaving wijst op de regels · de wethouder wil \"ruimte voor \
            initiatief\". Jij moet vóór vrijdag een advies schrijven."
            .to_string(),
        options: vec![
            "Handhaven: de speeltuin laten afbreken".to_string(),
            "Gedogen en samen met de bewoners legaliseren".to_string(),
            "Eerst een gesprek met alle betrokkenen organiseren".to_string(),
        ],
        questions: vec![
            "Welke waarden botsen hier?".to_string(),
            "Wat zou je doen als het jouw wijk was?".to_string(),
        ],
        tags: vec![],
    }
}

pub fn script() -> LoadedSession {
    let session = Session {
        title: "Dag 3 · Omgaan met conflict en dilemma".to_string(),
        programme: Some("leergang-ambtelijk-vakmanschap".to_string()),
        cohort: Some("cohort.ron".to_string()),
        start: Some("09:30".to_string()),
        homework: Some("Schrijf één dilemma uit je eigen werk op.".to_string()),
        blocks: vec![
            block(
                "Inloop en check-in",
                15,
                BlockKind::Plenary,
                "Eén zin: waar sta je vandaag? Let op wie stil is.",
            ),
            block(
                "Rondje lastigste dilemma",
                20,
                BlockKind::Round { seconds_each: 90 },
                "",
            ),
            block(
                "De regel of de ruimte",
                45,
                BlockKind::Dilemmas {
                    deck: DECK.to_string(),
                    draw: 3,
                    order: DrawOrder::Deck,
                },
                "",
            ),
            block("Pauze", 15, BlockKind::Break, ""),
            block(
                "Casus in subgroepen",
                40,
                BlockKind::Breakout {
                    size: 3,
                    balance: vec!["afdeling".to_string()],
                    plan: None,
                    roles: vec![],
                },
                "",
            ),
            block("Oogst", 20, BlockKind::Harvest, ""),
        ],
    };
    let cohort = Cohort {
        name: "Zutphen najaar 2026".to_string(),
        participants: NAMES
            .iter()
            .enumerate()
            .map(|(i, n)| Participant {
                name: ParticipantName::new(*n),
                attributes: BTreeMap::from([(
                    "afdeling".to_string(),
                    ["beleid", "uitvoering", "dienstverlening"][i % 3].to_string(),
                )]),
            })
            .collect(),
        keep_apart: vec![],
        keep_together: vec![],
        pins: vec![],
        attendance_rule: None,
    };
    let deck = Deck {
        title: "De regel of de ruimte".to_string(),
        description: String::new(),
        cards: vec![card()],
    };
    LoadedSession {
        source: "sessions/leergang/dag-3.ron".to_string(),
        session,
        cohort: Some(cohort),
        decks: BTreeMap::from([(DECK.to_string(), deck)]),
    }
}

fn block_log(b: &Block) -> BlockLog {
    BlockLog {
        title: b.title.clone(),
        kind: b.kind.tag(),
        planned_seconds: b.minutes.seconds(),
        runs: vec![],
        ended: None,
        adjustments: vec![],
        cards: vec![],
        current_card: 0,
        skipped: vec![],
        undone_splits: vec![],
        corrections: vec![],
        evaluation: regie::engine::record::EvaluationLog::for_kind(&b.kind),
        live: None,
        draw_seed: None,
        drawn: Vec::new(),
        splits: vec![],
        round: None,
        takeaways: vec![],
        notes: vec![],
    }
}

/// The log as it is before Space: on block 0, nothing run.
pub fn fresh_log() -> SessionLog {
    let script = script();
    SessionLog {
        format: FORMAT_VERSION,
        session: SessionInfo {
            title: script.session.title.clone(),
            file: script.source.clone(),
            programme: script.session.programme.clone(),
            cohort: Some("Zutphen najaar 2026".to_string()),
            planned_start: script.session.start.clone(),
            homework: script.session.homework.clone(),
            attendance_rule: None,
            identity: Default::default(),
        },
        created: at("09:25:00"),
        finished: None,
        current: 0,
        participants: NAMES.iter().map(|n| n.to_string()).collect(),
        attendance: vec![],
        blocks: script.session.blocks.iter().map(block_log).collect(),
        phones: None,
        wishes: Vec::new(),
        dropped: vec![],
    }
}

/// Blocks before `index` ran from 09:32 for their planned time plus `late` seconds each.
pub fn log_on(index: usize, late: i64) -> SessionLog {
    let mut log = fresh_log();
    let mut t = at("09:32:00");
    for b in log.blocks.iter_mut().take(index) {
        let end = t + chrono::Duration::seconds(b.planned_seconds + late);
        b.runs.push(Run {
            from: t,
            to: Some(end),
        });
        b.ended = Some(end);
        t = end;
    }
    log.current = index;
    log.blocks[index].runs.push(Run { from: t, to: None });
    log
}

/// When block `index` of `log_on(index, late)` started.
pub fn start_of(log: &SessionLog) -> Stamp {
    log.blocks[log.current].runs[0].from
}

pub fn settings(lang: Lang) -> Settings {
    Settings {
        theme: Theme::named(ThemeName::Dark),
        lang,
        bell: false,
    }
}

pub fn app(log: SessionLog) -> App {
    app_with(log, MemoryRecorder::default())
}

pub fn app_with(log: SessionLog, recorder: MemoryRecorder) -> App {
    let engine = Engine::resume(script(), ProgrammeHistory::default(), log).expect("the log fits");
    App::new(engine, Box::new(recorder), settings(Lang::Nl))
}

/// A runner on a fresh run of the fixture day, as `regie run` opens it.
pub fn fresh_app(now: Stamp) -> App {
    let engine = Engine::new(script(), ProgrammeHistory::default(), now);
    App::new(
        engine,
        Box::new(MemoryRecorder::default()),
        settings(Lang::Nl),
    )
}

/// The card as shown in the log, with first votes `votes` and revotes if any.
pub fn card_log(
    shown: Stamp,
    votes: Vec<u32>,
    revotes: Option<Vec<u32>>,
    revealed: bool,
) -> CardLog {
    let c = card();
    CardLog {
        deck: "De regel of de ruimte".to_string(),
        card: c.id,
        title: c.title,
        situation: c.situation,
        options: c.options,
        questions: c.questions,
        shown,
        ended: None,
        votes,
        revotes,
        revealed,
        ballots: vec![],
        notes: vec![],
        outcome: None,
        phone_ballots: vec![],
    }
}

/// 15 names in 5 groups of 3.
pub fn split(at: Stamp) -> GroupSplit {
    GroupSplit {
        at,
        seed: 4242,
        groups: NAMES
            .chunks(3)
            .map(|g| g.iter().map(|n| n.to_string()).collect())
            .collect(),
        score: SplitScore {
            repeated_pairs: 1,
            imbalance: 0.5,
            fewest_repeats: Some(1),
        },
        swaps: vec![],
        repairs: vec![],
        plan_round: None,
        roles: vec![],
        size: None,
    }
}
