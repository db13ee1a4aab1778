//! Generated session logs for the review tests and bench: a programme of days with every block
//! kind, overruns, votes and revotes, notes that name people, splits, absences; deterministic.
#![allow(dead_code)]

use chrono::{DateTime, Duration};
use regie::journal::record::*;
use std::path::{Path, PathBuf};

pub const PEOPLE: [&str; 15] = [
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

pub const PROGRAMME: &str = "leergang-ambtelijk-vakmanschap";

/// A small deterministic generator (no crate needed for test data).
pub struct Dice(u64);

impl Dice {
    pub fn new(seed: u64) -> Dice {
        Dice(
            seed.wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407),
        )
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

fn stamp(day: usize, hms: &str) -> Stamp {
    let date = chrono::NaiveDate::from_ymd_opt(2026, 9, 1).expect("date")
        + chrono::Days::new(day as u64 * 7);
    DateTime::parse_from_rfc3339(&format!("{date}T{hms}+02:00")).expect("fixture time")
}

fn block(title: &str, kind: &str, minutes: i64) -> BlockLog {
    BlockLog {
        title: title.to_string(),
        kind: BlockKindTag::try_from(kind.to_string()).expect("a block kind"),
        planned_seconds: minutes * 60,
        runs: vec![],
        ended: None,
        adjustments: vec![],
        cards: vec![],
        current_card: 0,
        skipped: vec![],
        undone_splits: vec![],
        corrections: vec![],
        evaluation: None,
        live: None,
        draw_seed: None,
        drawn: vec![],
        splits: vec![],
        round: None,
        takeaways: vec![],
        notes: vec![],
    }
}

fn note(at: Stamp, text: &str) -> Note {
    Note {
        at,
        text: text.to_string(),
    }
}

/// Day `day` (0-based) of the programme; `finished` false stops it in the breakout (a crash).
pub fn day_log(day: usize, finished: bool, seed: u64) -> SessionLog {
    day_log_of(day, finished, seed, PEOPLE.len())
}

/// The same with the first `people` of `PEOPLE` (at most 15) as the cohort.
pub fn day_log_of(day: usize, finished: bool, seed: u64, people: usize) -> SessionLog {
    let everyone = &PEOPLE[..people.clamp(1, PEOPLE.len())];
    let n = everyone.len() as u64;
    let mut dice = Dice::new(seed + day as u64);
    let absent: Vec<&str> = (0..dice.below(3))
        .map(|_| everyone[dice.below(n) as usize])
        .collect();
    let mut blocks = vec![
        block("Inloop en check-in", "Plenary", 15),
        block("Rondje lastigste dilemma", "Round", 20),
        block("De regel of de ruimte", "Dilemmas", 45),
        block("Pauze", "Break", 15),
        block("Casus in subgroepen", "Breakout", 40),
        block("Oogst", "Harvest", 20),
    ];
    let mut t = stamp(day, "09:32:00");
    let stop_at = if finished { blocks.len() } else { 4 };
    for (i, b) in blocks.iter_mut().enumerate().take(stop_at + 1) {
        let late = dice.below(600) as i64 - 200;
        let length = (b.planned_seconds + late).max(60);
        let running = i == stop_at;
        let length = if running { length / 2 } else { length };
        let pause = dice.below(4) == 0 && !running;
        if pause {
            let half = length / 2;
            b.runs.push(Run {
                from: t,
                to: Some(t + Duration::seconds(half)),
            });
            t += Duration::seconds(half + 120);
            b.runs.push(Run {
                from: t,
                to: Some(t + Duration::seconds(length - half)),
            });
            t += Duration::seconds(length - half);
        } else {
            b.runs.push(Run {
                from: t,
                to: (!running).then(|| t + Duration::seconds(length)),
            });
            t += Duration::seconds(length);
        }
        if !running {
            b.ended = Some(t);
        }
        if dice.below(3) == 0 {
            b.adjustments.push(Adjustment {
                at: t - Duration::seconds(300),
                seconds: 60,
            });
        }
        let someone = everyone[dice.below(n) as usize];
        let first_name = someone.split_whitespace().next().unwrap_or(someone);
        match b.kind.name() {
            "Plenary" => b.notes.push(note(
                t,
                &format!("{someone} vraagt: \"kan het, ook als het schuurt?\"\nDoorvragen bij {first_name}, volgende keer."),
            )),
            "Round" => {
                let order: Vec<String> = everyone.iter().map(|p| p.to_string()).collect();
                b.round = Some(RoundLog {
                    seed: seed + 7,
                    seconds_each: 90,
                    turns: order
                        .iter()
                        .take(5)
                        .map(|name| Turn {
                            name: name.clone(),
                            started: t,
                            ended: Some(t),
                        })
                        .collect(),
                    order,
                });
            }
            "Dilemmas" => {
                for (c, (id, title)) in [
                    ("speeltuin", "De speeltuin zonder vergunning"),
                    ("wethouder", "De wethouder wil het anders"),
                ]
                .iter()
                .enumerate()
                {
                    let votes: Vec<u32> = (0..3).map(|_| dice.below(7) as u32).collect();
                    let revotes = (c == 0).then(|| {
                        let mut r = votes.clone();
                        if r[0] > 0 {
                            r[0] -= 1;
                            r[1] += 1;
                        }
                        r
                    });
                    b.cards.push(CardLog {
                        deck: "De regel of de ruimte".to_string(),
                        card: id.to_string(),
                        title: title.to_string(),
                        situation: "Bewoners bouwden zelf een speeltuin op gemeentegrond.".to_string(),
                        options: vec![
                            "Handhaven, ook al kost het draagvlak".to_string(),
                            "Gedogen en samen legaliseren".to_string(),
                            "Eerst een gesprek: \"wat is hier aan de hand?\"".to_string(),
                        ],
                        questions: vec!["Welke waarden botsen hier?".to_string()],
                        shown: t,
                        ended: Some(t + Duration::seconds(900)),
                        votes,
                        revotes,
                        revealed: true,
                        ballots: vec![],
                        notes: vec![note(t, &format!("{someone} wisselde na het gesprek van kant"))],
                        outcome: (c == 0).then(|| format!("Gesprek eerst; {first_name} schrijft het advies, met één voorbehoud")),
                        phone_ballots: vec![],
                    });
                }
            }
            "Breakout" => {
                let present: Vec<String> = everyone
                    .iter()
                    .filter(|p| !absent.contains(p))
                    .map(|p| p.to_string())
                    .collect();
                let shift = dice.below(n) as usize;
                let mut rotated = present.clone();
                rotated.rotate_left(shift % present.len().max(1));
                for round in 0..(1 + dice.below(2)) {
                    let groups: Vec<Vec<String>> =
                        rotated.chunks(4).map(|g| g.to_vec()).collect();
                    b.splits.push(GroupSplit {
                        at: t,
                        seed: seed + round,
                        groups,
                        score: SplitScore {
                            repeated_pairs: 0,
                            imbalance: 0.0,
                            fewest_repeats: None,
                        },
                        swaps: vec![],
                        repairs: vec![],
                        plan_round: None,
                        roles: vec![],
                        size: None,
                    });
                    rotated.rotate_left(1);
                }
            }
            "Harvest" => {
                b.takeaways.push(note(t, &format!("Ruimte geven is ook een regel, zei {someone}")));
                b.takeaways.push(note(t, "Eerst vragen, dan pas wegen"));
            }
            _ => {}
        }
    }
    SessionLog {
        format: FORMAT_VERSION,
        session: SessionInfo {
            title: format!("Dag {} · Omgaan met conflict en dilemma", day + 1),
            file: format!("sessions/leergang/dag-{}.ron", day + 1),
            programme: Some(PROGRAMME.to_string()),
            cohort: Some("Zutphen najaar 2026".to_string()),
            planned_start: Some("09:30".to_string()),
            homework: Some("Schrijf één dilemma op".to_string()),
            attendance_rule: None,
            identity: Default::default(),
        },
        created: stamp(day, "09:25:00"),
        finished: finished.then_some(t),
        current: stop_at.min(5),
        participants: everyone.iter().map(|p| p.to_string()).collect(),
        attendance: absent
            .iter()
            .map(|name| AttendanceMark {
                at: stamp(day, "09:31:00"),
                name: name.to_string(),
                present: false,
            })
            .collect(),
        blocks,
        phones: None,
        wishes: Vec::new(),
        dropped: vec![],
    }
}

/// Write `log` as regie does (pretty RON) under `dir`; returns the path.
pub fn write_log(dir: &Path, log: &SessionLog) -> PathBuf {
    let name = format!(
        "{}-dag-{}.ron",
        log.created.format("%Y-%m-%d-%H%M"),
        log.session
            .file
            .trim_end_matches(".ron")
            .rsplit('-')
            .next()
            .unwrap_or("x")
    );
    let path = dir.join(name);
    let text =
        ron::ser::to_string_pretty(log, ron::ser::PrettyConfig::default()).expect("serialise");
    std::fs::write(&path, text).expect("write log");
    path
}

/// A folder with `days` days of the programme; the last one unfinished when `crash`.
pub fn programme_folder(dir: &Path, days: usize, crash: bool) -> Vec<PathBuf> {
    (0..days)
        .map(|d| write_log(dir, &day_log(d, !(crash && d + 1 == days), 42)))
        .collect()
}
