//! Reviewing and reporting: a workbook for a 7-day programme of 14 people with an evaluation
//! form and a learning-wish line per person per day (target < 200 ms), then 1,000 realistic
//! logs: scan + aggregate, Markdown, every CSV table, the pseudonyms.

#[path = "../tests/integration/review_logs/mod.rs"]
mod review_logs;

use regie::engine::record::{
    Answer, BlockKindTag, EvaluationLog, Form, FormSource, OpenAnswer, SessionLog, WishAspect,
    WishLine,
};
use regie::i18n::Lang;
use regie::review::{self, Privacy, Review, Table};
use regie::script::{AnswerKind, Question};
use std::time::Instant;

const LOGS: usize = 1000;

fn main() {
    workbook();
    thousand_logs();
}

/// `regie report <7 days> --format xlsx --output FILE` without the process: read the seven
/// logs, build the review, render the workbook, write it 0600.
fn workbook() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut forms = 0;
    for day in 0..7 {
        let mut log = review_logs::day_log_of(day, true, 42, 14);
        evaluate(&mut log, day);
        forms += log
            .blocks
            .last()
            .and_then(|b| b.evaluation.as_ref())
            .map_or(0, |e| e.forms.len());
        review_logs::write_log(dir.path(), &log);
    }
    let paths = vec![dir.path().to_path_buf()];
    let out = dir.path().join("rapport.xlsx");
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..10 {
        let t0 = Instant::now();
        let loaded = review::load(&paths).expect("load");
        let privacy = Privacy {
            notes: true,
            anonymise: Some(Lang::Nl),
        };
        let mut review = Review::build_private(loaded, privacy);
        review.attendance_rule = Some(75);
        let bytes = review::workbook::render(&review).expect("workbook");
        review::export::write_private(&out, &bytes).expect("write");
        times.push(t0.elapsed().as_secs_f64() * 1e3);
        size = bytes.len();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "workbook for a 7-day programme of 14 people, {forms} evaluation forms ({:.0} kB, \
         anonymised, with notes): \
         best {:.1} ms, median {:.1} ms, worst {:.1} ms over 10 runs (target < 200 ms)",
        size as f64 / 1e3,
        times[0],
        times[times.len() / 2],
        times[times.len() - 1],
    );
}

/// Add an Evaluation block with a form from everyone on the list (a grade, a top, a tip, a
/// 1-5 scale and an open answer), and a learning-wish line per person: what a day of the HRM
/// network or the 7-day course records.
fn evaluate(log: &mut SessionLog, day: usize) {
    let mut block = log.blocks[0].clone();
    block.title = "Evaluatie van de dag".to_string();
    block.kind = BlockKindTag::Evaluation;
    let at = log.created + chrono::Duration::hours(7);
    let people = log.participants.clone();
    block.evaluation = Some(EvaluationLog {
        grade: true,
        top_and_tip: true,
        questions: vec![
            Question {
                text: "Het tempo was goed".to_string(),
                answer: AnswerKind::Scale { to: 5 },
            },
            Question {
                text: "Wat mis je nog?".to_string(),
                answer: AnswerKind::Open,
            },
        ],
        forms: (0..people.len())
            .map(|i| Form {
                at: at + chrono::Duration::seconds(i as i64 * 20),
                source: FormSource::Paper,
                grade: Some(5 + ((i + day) % 6) as u8),
                top: Some(OpenAnswer::new(format!("Sterke casus nummer {i}"))),
                tip: Some(OpenAnswer::new("Iets meer pauze tussen de blokken")),
                answers: vec![
                    Some(Answer::Scale(1 + ((i * 3 + day) % 5) as u8)),
                    Some(Answer::Open(OpenAnswer::new(
                        "Meer tijd voor eigen casussen",
                    ))),
                ],
            })
            .collect(),
        ..EvaluationLog::default()
    });
    log.blocks.push(block);
    let aspect = if day == 0 {
        WishAspect::Wish
    } else {
        WishAspect::Stand
    };
    log.wishes = people
        .iter()
        .map(|name| WishLine {
            at,
            name: name.clone(),
            aspect,
            text: format!("Leerwens of stand van {name} op dag {}", day + 1),
        })
        .collect();
}

fn thousand_logs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let started = Instant::now();
    for day in 0..LOGS {
        review_logs::write_log(dir.path(), &review_logs::day_log(day, day % 10 != 9, 42));
    }
    let bytes: u64 = std::fs::read_dir(dir.path())
        .expect("read dir")
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!(
        "generated {LOGS} logs ({:.1} MB) in {:.2?}",
        bytes as f64 / 1e6,
        started.elapsed()
    );

    let paths = vec![dir.path().to_path_buf()];
    let mut best = f64::MAX;
    for run in 1..=3 {
        let t0 = Instant::now();
        let loaded = review::load(&paths).expect("load");
        let t1 = Instant::now();
        let review = Review::build(loaded);
        let t2 = Instant::now();
        let markdown = review::markdown::render(&review, Lang::Nl);
        let t3 = Instant::now();
        let csv: usize = Table::ALL
            .iter()
            .map(|t| t.csv(&review, review::Dialect::Standard).len())
            .sum();
        let t4 = Instant::now();
        let total = (t4 - t0).as_secs_f64();
        best = best.min(total);
        println!(
            "run {run}: scan {:.0} ms · aggregate {:.0} ms · markdown {:.0} ms ({:.1} MB) · \
             {} csv tables {:.0} ms ({:.1} MB) · total {:.0} ms",
            (t1 - t0).as_secs_f64() * 1e3,
            (t2 - t1).as_secs_f64() * 1e3,
            (t3 - t2).as_secs_f64() * 1e3,
            markdown.len() as f64 / 1e6,
            Table::ALL.len(),
            (t4 - t3).as_secs_f64() * 1e3,
            csv as f64 / 1e6,
            total * 1e3,
        );
    }
    let loaded = review::load(&paths).expect("load");
    let mut logs = loaded.logs;
    let t0 = Instant::now();
    review::anonymise(&mut logs, Lang::Nl);
    println!(
        "pseudonyms for {LOGS} logs: {:.0} ms",
        t0.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "review + report of {LOGS} logs: best {:.0} ms (target < 1000 ms)",
        best * 1e3
    );
}
