//! Figures of the live runner, measured on the real (release) binary in a pseudo-terminal:
//! first frame, a key's effect, idle CPU with a countdown running, peak memory (VmHWM).
//! Day 7 is resumed from a log with its clock running, so no key is needed to start it.
//!
//! Run: `cargo bench --bench runner` (REGIE_BENCH_SECONDS sets the idle window, default 30).

#[path = "support/proc.rs"]
mod proc_stat;
#[path = "../tests/integration/support/pty.rs"]
#[allow(dead_code)]
mod pty;
use proc_stat::{cpu_ticks, status_kb};

use pty::Terminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const COHORT_SIZE: usize = 15;
const DAYS: usize = 7;

/// A 7-day programme: one session per day, a shared cohort of 15 and a deck of 30 cards.
fn programme(dir: &Path) {
    let people: Vec<String> = (1..=COHORT_SIZE)
        .map(|i| {
            let afdeling = ["beleid", "uitvoering", "dienstverlening"][i % 3];
            format!("(name: \"Deelnemer {i}\", attributes: {{\"afdeling\": \"{afdeling}\"}})")
        })
        .collect();
    let cohort = format!(
        "Cohort(name: \"Bench\", participants: [{}])\n",
        people.join(",\n")
    );
    std::fs::write(dir.join("cohort.ron"), cohort).expect("write cohort");
    let cards: Vec<String> = (1..=30)
        .map(|i| {
            format!(
                "(id: \"kaart-{i}\", title: \"Dilemma {i}: de regel of de ruimte\", \
                 situation: \"Een bewoner vraagt om ruimte die de regel niet geeft; de \
                 wethouder wil snel resultaat en de collega's van handhaving twijfelen.\", \
                 options: [\"Handhaven\", \"Gedogen\", \"Eerst praten\"], \
                 questions: [\"Welke waarden botsen?\"])"
            )
        })
        .collect();
    let deck = format!(
        "Deck(title: \"Benchdeck\", cards: [{}])\n",
        cards.join(",\n")
    );
    std::fs::write(dir.join("deck.ron"), deck).expect("write deck");
    for day in 1..=DAYS {
        let session = format!(
            r#"Session(
    title: "Dag {day} · bench",
    programme: Some("bench"),
    cohort: Some("cohort.ron"),
    start: Some("09:30"),
    blocks: [
        (title: "Inloop en check-in dag {day}", minutes: 15, kind: Plenary),
        (title: "Rondje", minutes: 20, kind: Round(seconds_each: 60)),
        (title: "Dilemma's", minutes: 45, kind: Dilemmas(deck: "deck.ron", draw: 3)),
        (title: "Pauze", minutes: 15, kind: Break),
        (title: "Subgroepen", minutes: 40, kind: Breakout(size: 3, balance: ["afdeling"])),
        (title: "Lunch", minutes: 45, kind: Break),
        (title: "Verdieping", minutes: 60, kind: Plenary),
        (title: "Oogst", minutes: 20, kind: Harvest),
    ],
)
"#
        );
        std::fs::write(dir.join(format!("dag-{day}.ron")), session).expect("write session");
    }
}

/// Logs of the programme so far: days 1-6 finished (all blocks run, cards voted, groups split,
/// takeaways), day 7 open on its first block with the clock running since 30 s ago.
fn write_logs(dir: &Path, logs: &Path) {
    use regie::journal::record::*;
    std::fs::create_dir_all(logs).expect("log dir");
    let now = chrono::Local::now().fixed_offset();
    for day in 1..=DAYS {
        let file = format!("dag-{day}.ron");
        let script = regie::script::load_session(&dir.join(&file)).expect("bench session loads");
        let created =
            now - chrono::Duration::days((DAYS - day) as i64) - chrono::Duration::seconds(30);
        let people: Vec<String> = (1..=COHORT_SIZE)
            .map(|i| format!("Deelnemer {i}"))
            .collect();
        let mut t = created;
        let open = day == DAYS;
        let blocks = script
            .session
            .blocks
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let planned = b.minutes.seconds();
                let ran = !open || i == 0;
                let end = t + chrono::Duration::seconds(planned + 60);
                let run = Run {
                    from: t,
                    to: (!open).then_some(end),
                };
                let block = BlockLog {
                    title: b.title.clone(),
                    kind: b.kind.tag(),
                    planned_seconds: planned,
                    runs: if ran { vec![run] } else { vec![] },
                    ended: (!open).then_some(end),
                    adjustments: vec![],
                    cards: if open || b.kind.name() != "Dilemmas" {
                        vec![]
                    } else {
                        (0..3)
                            .map(|c| CardLog {
                                deck: "Benchdeck".into(),
                                card: format!("kaart-{}", (day - 1) * 3 + c + 1),
                                title: "Dilemma".into(),
                                situation: "Een bewoner vraagt om ruimte.".into(),
                                options: vec![
                                    "Handhaven".into(),
                                    "Gedogen".into(),
                                    "Praten".into(),
                                ],
                                questions: vec![],
                                shown: t,
                                ended: Some(end),
                                votes: vec![5, 6, 4],
                                revotes: Some(vec![3, 8, 4]),
                                revealed: true,
                                ballots: vec![],
                                notes: vec![],
                                outcome: None,
                                phone_ballots: vec![],
                            })
                            .collect()
                    },
                    current_card: 0,
                    skipped: vec![],
                    undone_splits: vec![],
                    corrections: vec![],
                    evaluation: None,
                    live: None,
                    draw_seed: None,
                    drawn: Vec::new(),
                    splits: if open || b.kind.name() != "Breakout" {
                        vec![]
                    } else {
                        vec![GroupSplit {
                            at: t,
                            seed: day as u64,
                            groups: people.chunks(3).map(|g| g.to_vec()).collect(),
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
                        }]
                    },
                    round: None,
                    takeaways: vec![],
                    notes: vec![],
                };
                if !open {
                    t = end;
                }
                block
            })
            .collect();
        let log = SessionLog {
            format: FORMAT_VERSION,
            session: SessionInfo {
                title: script.session.title.clone(),
                file: file.clone(),
                programme: script.session.programme.clone(),
                cohort: Some("Bench".into()),
                planned_start: script.session.start.clone(),
                homework: None,
                attendance_rule: None,
                identity: Default::default(),
            },
            created,
            finished: (!open).then_some(t),
            current: 0,
            participants: people,
            attendance: vec![],
            blocks,
            phones: None,
            wishes: Vec::new(),
            dropped: vec![],
        };
        let text = ron::ser::to_string_pretty(&log, ron::ser::PrettyConfig::default())
            .expect("serialise log");
        let name = format!("{}-dag-{day}.ron", created.format("%Y-%m-%d-%H%M%S"));
        std::fs::write(logs.join(name), text).expect("write log");
    }
}

fn clock_ticks_per_second() -> u64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100)
}

fn main() {
    let seconds: u64 = std::env::var("REGIE_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let work = tempfile::tempdir().expect("temp dir");
    programme(work.path());
    let logs = work.path().join("logs");
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_regie"));
    let logs_arg = logs.to_str().expect("utf-8 path");
    write_logs(work.path(), &logs);
    // Resume day 7 (running since 30 s): the figures then depend only on the screen loop.
    let args = [
        "run",
        "dag-7.ron",
        "--log-dir",
        logs_arg,
        "--lang",
        "nl",
        "--resume",
    ];

    let started = Instant::now();
    let mut term = Terminal::spawn(&binary, &args, work.path(), &[], 120, 40);
    term.wait_for("Inloop en check-in dag 7");
    let first_frame = started.elapsed();

    term.wait_for("Inloop en check-in dag 7: nog");
    let pressed = Instant::now();
    term.send("a");
    term.wait_for("Agenda (a)");
    let key_effect = pressed.elapsed();
    term.send("a");
    // An engine command: Space pauses the running clock.
    let pressed = Instant::now();
    term.send(" ");
    term.wait_for("Inloop en check-in dag 7: nog");
    term.wait_for("gepauzeerd");
    let pause_effect = pressed.elapsed();
    term.send(" ");
    term.wait_until("running again", |screen| !screen.contains("gepauzeerd"));

    let pid = term.pid();
    let before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_secs(seconds));
    let after = cpu_ticks(pid);
    let screen = term.text();
    let ticks = after - before;
    let per_second = clock_ticks_per_second();
    let cpu_percent = 100.0 * ticks as f64 / (per_second * seconds) as f64;
    let hwm = status_kb(pid, "VmHWM:");
    let rss = status_kb(pid, "VmRSS:");
    term.send("q");
    term.send("y");
    term.wait_exit();

    let shown = screen
        .lines()
        .find(|l| l.contains(": nog"))
        .unwrap_or("")
        .trim()
        .to_string();
    println!(
        "regie run --resume, release binary, 7-day programme (day 7 of 7, 6 earlier logs, 8 blocks, cohort 15, deck 30)"
    );
    println!(
        "first frame:         {:>8.1} ms",
        first_frame.as_secs_f64() * 1000.0
    );
    println!(
        "key a -> agenda shown: {:>6.1} ms",
        key_effect.as_secs_f64() * 1000.0
    );
    println!(
        "space -> paused shown: {:>6.1} ms",
        pause_effect.as_secs_f64() * 1000.0
    );
    println!(
        "idle CPU, countdown running, {seconds} s: {ticks} ticks of {per_second}/s = {cpu_percent:.2}% of one core"
    );
    println!("peak memory VmHWM:   {:>8} kB (VmRSS {rss} kB)", hwm);
    println!("status line at the end: {shown}");
}
