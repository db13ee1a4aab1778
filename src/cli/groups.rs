//! `regie groups`: split a cohort file's people (or N numbered people) into groups for one or
//! more rounds and print them as text for a projector, CSV or RON, or write a course plan for
//! the runner (`--output`). Exit 2 on bad input.

use crate::groups::plan::{self, CoursePlan, PlanRound};
use crate::groups::{self, Budget, Person, Problem, Progress, Sizing, output, summary};
use crate::i18n::Lang;
use crate::journal;
use crate::script::load_cohort;
use crate::text::count;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Seconds the search may take by default; it returns the best plan so far when they run out.
const DEFAULT_TIME_LIMIT: f64 = 2.0;
/// After this long the search says on stderr how far it is.
const PROGRESS_AFTER: Duration = Duration::from_secs(1);

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("who").required(true).args(["cohort", "count"])))]
#[command(group(clap::ArgGroup::new("how").required(true).args(["size", "groups"])))]
pub struct GroupsArgs {
    /// A cohort file: its participants, attributes, keep-apart and keep-together pairs.
    #[arg(long, value_name = "FILE")]
    pub cohort: Option<PathBuf>,
    /// Split N people named "Deelnemer 1" .. "Deelnemer N".
    #[arg(long, value_name = "N")]
    pub count: Option<usize>,
    /// Groups of this size (the rest spread so sizes differ by at most one, nobody alone).
    #[arg(long, value_name = "S")]
    pub size: Option<usize>,
    /// Exactly this many groups.
    #[arg(long, value_name = "K")]
    pub groups: Option<usize>,
    /// Rounds to plan at once (e.g. one per course day), with as few repeated pairs as possible.
    #[arg(long, value_name = "R", default_value_t = 1)]
    pub rounds: usize,
    /// Mix groups on this attribute of the cohort (repeat for more, most important first).
    #[arg(long, value_name = "ATTR")]
    pub balance: Vec<String>,
    /// Leave this person out (repeat for more); `D:NAME` leaves them out on day D only.
    #[arg(long, value_name = "[D:]NAME")]
    pub absent: Vec<String>,
    /// A log folder: the groups of earlier breakouts recorded there count as pairs who already
    /// met (with --cohort: only sessions of that cohort).
    #[arg(long, value_name = "LOGDIR")]
    pub history: Option<PathBuf>,
    /// Seed of the split: the same seed and input give the same groups [default: random, printed].
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Stop searching after this many seconds and print the best plan found so far [default: 2].
    /// Without it running out, the same seed gives the same plan on every machine.
    #[arg(long, value_name = "SECONDS")]
    pub time_limit: Option<f64>,
    /// Output: text (columns for a projector), csv (round,group,name) or ron.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the rounds as a course plan to this file for `regie run` (a Breakout block names
    /// it with `plan:`); with --history the days already run are kept as they ran.
    #[arg(long, value_name = "FILE", requires = "cohort")]
    pub output: Option<PathBuf>,
    /// Language of the text headings and of the solver's refusals [default: from LC_ALL/LC_MESSAGES/LANG, Dutch when unset].
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

/// How the plan is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Csv,
    Ron,
}

/// Lines on stderr while searching and when the time limit cut the search.
struct Strings {
    progress: fn(f64, u64, u32, u32) -> String,
    stopped: fn(f64) -> String,
    /// After the summary when days with absences were repaired after the search.
    repaired: &'static str,
}

const NL: Strings = Strings {
    progress: |secs, moves, repeats, fewest| {
        format!(
            "zoeken… {secs:.0} s, {} mln zetten; beste tot nu toe: {} (minimaal mogelijk: \
             {fewest})",
            moves / 1_000_000,
            count(repeats, ("herhaling", "herhalingen"))
        )
    },
    stopped: |secs| {
        format!(
            "tijdslimiet van {secs} s bereikt: dit is het beste plan tot nu toe (een andere \
             computer kan met dezelfde seed verder komen; geef meer tijd met --time-limit)"
        )
    },
    repaired: "Dagen met afwezigen (--absent D:NAAM) zijn na het zoeken hersteld met zo min \
               mogelijk verschuivingen: de ondergrens van het zoeken geldt daar niet.\n",
};

const EN: Strings = Strings {
    progress: |secs, moves, repeats, fewest| {
        format!(
            "searching… {secs:.0} s, {} M moves; best so far: {} (fewest possible: \
             {fewest})",
            moves / 1_000_000,
            count(repeats, ("repeat", "repeats"))
        )
    },
    stopped: |secs| {
        format!(
            "time limit of {secs} s reached: this is the best plan so far (another computer \
             may get further with the same seed; allow more time with --time-limit)"
        )
    },
    repaired: "Days with absences (--absent D:NAME) were repaired after the search with the \
               fewest moves: the search's lower bound does not hold for them.\n",
};

pub fn execute(args: GroupsArgs) -> ExitCode {
    let lang = args.lang.unwrap_or_else(Lang::from_env);
    let (problem, course) = match build_problem(&args) {
        Ok(built) => built,
        Err(Refused { message, code }) => {
            super::print::stderr_line(&message);
            return ExitCode::from(code);
        }
    };
    let limit = args.time_limit.unwrap_or(DEFAULT_TIME_LIMIT);
    if !(limit.is_finite() && limit >= 0.0) {
        super::print::stderr_line(&format!(
            "regie groups: --time-limit {limit}: give a number of seconds, 0 or more (e.g. 2 \
             or 0.5)"
        ));
        return ExitCode::from(super::BAD_INPUT);
    }
    let seed = args.seed.unwrap_or_else(fresh_seed);
    let words = lang.pick(&NL, &EN);
    let started = Instant::now();
    let mut next_report = PROGRESS_AFTER;
    let mut watch = |progress: &Progress| {
        let elapsed = started.elapsed();
        if elapsed >= next_report {
            next_report = elapsed + PROGRESS_AFTER;
            super::print::stderr_line(&(words.progress)(
                elapsed.as_secs_f64(),
                progress.evaluations,
                progress.repeats,
                progress.fewest,
            ));
        }
        elapsed.as_secs_f64() < limit
    };
    let solved = groups::solve_watched(&problem, seed, Budget::default(), &mut watch)
        .and_then(|solved| with_absences(&problem, solved, &course.absent));
    let solved = match solved {
        Ok(solved) => solved,
        Err(error) => {
            super::print::stderr_line(&format!("regie groups: {}", error.describe(lang)));
            return ExitCode::from(super::BAD_INPUT);
        }
    };
    // The seed is printed only for a plan, so it can be reproduced.
    if args.seed.is_none() {
        super::print::stderr_line(&format!("seed: {seed}"));
    }
    if solved.stopped {
        super::print::stderr_line((words.stopped)(limit).as_str());
    }
    if let Some(path) = &args.output {
        let course_plan = course.plan(seed, &solved.plan.rounds);
        if let Err(error) = write_plan(path, &course_plan) {
            super::print::stderr_line(&format!(
                "regie groups: --output {}: cannot write the plan: {error}",
                path.display()
            ));
            return ExitCode::from(super::FAILURE);
        }
    }
    let text = match args.format {
        Format::Text => {
            let shown = groups::Plan {
                rounds: course.all_rounds(&solved.plan.rounds),
                score: solved.plan.score.clone(),
            };
            let mut text = output::text(&shown, lang);
            text.push('\n');
            text.push_str(&summary::summary(&problem, &solved, lang));
            if course.absent.iter().any(|day| !day.is_empty()) {
                text.push_str(words.repaired);
            }
            text
        }
        Format::Csv => output::csv(&solved.plan),
        Format::Ron => output::ron(&solved.plan, seed),
    };
    match super::print::stdout("groups", &text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}

/// Why the command stops before solving, and with which exit code.
struct Refused {
    message: String,
    code: u8,
}

fn bad_input(message: String) -> Refused {
    Refused {
        message: format!("regie groups: {message}"),
        code: super::BAD_INPUT,
    }
}

/// What a course plan adds to the problem: the days already run and who is away on which day.
struct Course {
    /// The cohort's name and every participant's name (empty without --cohort).
    cohort: String,
    people: Vec<String>,
    /// With --output and --history: the groups each day already run ended with, day 1 first.
    fixed: Vec<Vec<Vec<String>>>,
    /// Per planned round (the days after `fixed`): who is away that day (--absent D:NAME).
    absent: Vec<Vec<String>>,
    /// Left out of the whole course (--absent NAME).
    away: Vec<String>,
}

impl Course {
    /// The days already run, then the planned rounds.
    fn all_rounds(&self, planned: &[Vec<Vec<String>>]) -> Vec<Vec<Vec<String>>> {
        self.fixed.iter().chain(planned).cloned().collect()
    }

    /// The plan file for `planned` rounds solved with `seed`.
    fn plan(&self, seed: u64, planned: &[Vec<Vec<String>>]) -> CoursePlan {
        let ran = self.fixed.iter().map(|groups| PlanRound {
            absent: Vec::new(),
            groups: groups.clone(),
            ran: true,
        });
        let new = planned.iter().enumerate().map(|(r, groups)| PlanRound {
            absent: self
                .away
                .iter()
                .chain(self.absent.get(r).into_iter().flatten())
                .cloned()
                .collect(),
            groups: groups.clone(),
            ran: false,
        });
        CoursePlan {
            seed,
            cohort: self.cohort.clone(),
            people: self.people.clone(),
            rounds: ran.chain(new).collect(),
        }
    }
}

/// The solved rounds with each day's absences repaired (fewest moves) and scored again.
fn with_absences(
    problem: &Problem,
    mut solved: groups::Solved,
    absent: &[Vec<String>],
) -> Result<groups::Solved, groups::GroupsError> {
    if absent.iter().all(Vec::is_empty) {
        return Ok(solved);
    }
    let rounds = plan::apply_absences(problem, &solved.plan.rounds, absent)?;
    solved.plan.score = groups::score(problem, &rounds);
    solved.plan.rounds = rounds;
    // The repaired days were not searched: no claim that nothing is better, and the search's
    // bound (for everyone present every day) may be above what fewer people make possible.
    solved.optimal = false;
    solved.fewest_repeats = 0;
    Ok(solved)
}

/// Write the plan atomically, readable by its owner only (it names people).
fn write_plan(path: &Path, course_plan: &CoursePlan) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut options = atomic_write_file::OpenOptions::new();
    options.mode(0o600);
    let mut file = options.open(path)?;
    file.write_all(course_plan.to_ron().as_bytes())?;
    file.commit()
}

fn build_problem(args: &GroupsArgs) -> Result<(Problem, Course), Refused> {
    let sizing = match (args.size, args.groups) {
        (Some(size), _) => Sizing::Size(size),
        (None, Some(groups)) => Sizing::Groups(groups),
        (None, None) => return Err(bad_input("give --size S or --groups K".into())),
    };
    let mut problem = Problem {
        people: Vec::new(),
        sizing,
        rounds: args.rounds,
        keep_apart: Vec::new(),
        keep_together: Vec::new(),
        history: Vec::new(),
        balance: args.balance.clone(),
        pins: Vec::new(),
    };
    let source;
    let mut cohort_name = None;
    if let Some(path) = &args.cohort {
        let cohort = load_cohort(path).map_err(|error| Refused {
            message: error.render_in(
                std::io::stderr().is_terminal(),
                args.lang.unwrap_or_else(Lang::from_env),
            ),
            code: error.exit_code(),
        })?;
        source = path.display().to_string();
        cohort_name = Some(cohort.name.clone());
        problem.people = cohort
            .participants
            .into_iter()
            .map(|p| Person {
                name: p.name.0,
                attributes: p.attributes,
            })
            .collect();
        let names = |pairs: Vec<(
            crate::script::ParticipantName,
            crate::script::ParticipantName,
        )>| { pairs.into_iter().map(|(a, b)| (a.0, b.0)).collect() };
        problem.keep_apart = names(cohort.keep_apart);
        problem.keep_together = names(cohort.keep_together);
        problem.pins = cohort
            .pins
            .into_iter()
            .map(|(name, group)| (name.0, usize::from(group)))
            .collect();
    } else {
        let count = args.count.unwrap_or(0);
        source = format!("--count {count}");
        problem.people = (1..=count)
            .map(|i| Person {
                name: format!("Deelnemer {i}"),
                attributes: BTreeMap::new(),
            })
            .collect();
    }
    let mut course = Course {
        cohort: cohort_name.clone().unwrap_or_default(),
        people: problem.people.iter().map(|p| p.name.clone()).collect(),
        fixed: Vec::new(),
        absent: Vec::new(),
        away: Vec::new(),
    };
    if let Some(dir) = &args.history {
        problem.history = history(dir, cohort_name.as_deref())?;
        if args.output.is_some() {
            course.fixed = days_run(dir, cohort_name.as_deref());
        }
    }
    if !course.fixed.is_empty() {
        let ran = course.fixed.len();
        if ran >= args.rounds {
            return Err(bad_input(format!(
                "--rounds {}: {ran} days of this cohort already ran (in --history); give the \
                 whole course's number of days, more than {ran}",
                args.rounds
            )));
        }
        super::print::stderr_line(&format!(
            "regie groups: days 1-{ran} already ran (from --history): kept as they ran"
        ));
        problem.rounds = args.rounds - ran;
    }
    course.absent = vec![Vec::new(); problem.rounds];
    for value in &args.absent {
        let (day, name) = match value.split_once(':') {
            Some((day, name)) if !day.is_empty() && day.chars().all(|c| c.is_ascii_digit()) => {
                (day.parse::<usize>().ok(), name.trim())
            }
            _ => (None, value.as_str()),
        };
        if !course.people.iter().any(|p| p == name) {
            let who = if day.is_some() {
                format!(" (\"{name}\" on that day)")
            } else {
                String::new()
            };
            return Err(bad_input(format!(
                "--absent \"{value}\": nobody of that name{who} in {source}; names: {}",
                course.people.join(", ")
            )));
        }
        match day {
            Some(day) => {
                let ran = course.fixed.len();
                if day == 0 || day > args.rounds {
                    return Err(bad_input(format!(
                        "--absent \"{value}\": there is no day {day}; the days are 1 to {} \
                         (--rounds)",
                        args.rounds
                    )));
                }
                if day <= ran {
                    return Err(bad_input(format!(
                        "--absent \"{value}\": day {day} already ran (in --history); give a \
                         day after {ran}"
                    )));
                }
                course.absent[day - 1 - ran].push(name.to_string());
            }
            None => {
                problem.people.retain(|p| p.name != name);
                course.away.push(name.to_string());
            }
        }
    }
    problem.forget_absent();
    Ok((problem, course))
}

/// The groups each day of `cohort` recorded in `dir` ended with (its last breakout), oldest
/// first; a day without a breakout has no groups.
fn days_run(dir: &Path, cohort: Option<&str>) -> Vec<Vec<Vec<String>>> {
    let folder = journal::scan(dir);
    journal::days::days(folder.sessions())
        .into_iter()
        .filter(|log| log.session.cohort.as_deref() == cohort)
        .map(|log| {
            journal::history::final_splits([log])
                .pop()
                .unwrap_or_default()
        })
        .collect()
}

/// Pairs who met in the breakouts recorded in `dir` (of `cohort` only, when given).
fn history(dir: &Path, cohort: Option<&str>) -> Result<Vec<groups::Meeting>, Refused> {
    if !dir.is_dir() {
        return Err(bad_input(format!(
            "--history {}: no such folder; name the folder with the session logs",
            dir.display()
        )));
    }
    let folder = journal::scan(dir);
    for error in &folder.errors {
        super::print::stderr_line(&format!(
            "regie groups: skipped a log that cannot be read: {error}"
        ));
    }
    let logs = folder
        .sessions()
        .filter(|log| cohort.is_none() || log.session.cohort.as_deref() == cohort);
    Ok(groups::meetings_from_splits(
        &journal::history::final_splits(logs),
    ))
}

/// A seed from the OS's per-process hash keys and the clock.
fn fresh_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    hasher.write_u128(nanos);
    hasher.finish()
}
