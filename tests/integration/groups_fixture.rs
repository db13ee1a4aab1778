//! The 14-person course of issue 21, shared by the tests and `benches/groups.rs`: departments
//! 4/3/3/2/2, groups of 4, two keep-apart pairs, one keep-together pair, absences on days 3 and 5.
#![allow(dead_code)]

use regie::groups::{
    Budget, Person, Plan, Problem, Sizing, Solved, cells_off, meetings_from_splits,
    solve_with_budget,
};

/// (name, department).
pub const PEOPLE: [(&str, &str); 14] = [
    ("Anouk V.", "beleid"),
    ("Bram K.", "beleid"),
    ("Chloë de W.", "beleid"),
    ("Daan S.", "beleid"),
    ("Eline M.", "uitvoering"),
    ("Fleur B.", "uitvoering"),
    ("Gijs T.", "uitvoering"),
    ("Hanna O.", "dienstverlening"),
    ("Ilse P.", "dienstverlening"),
    ("Joris L.", "dienstverlening"),
    ("Karim E.", "financiën"),
    ("Lotte R.", "financiën"),
    ("Marieke D.", "juridisch"),
    ("Noë J.", "juridisch"),
];

pub const KEEP_APART: [(&str, &str); 2] = [("Anouk V.", "Eline M."), ("Bram K.", "Chloë de W.")];
pub const KEEP_TOGETHER: (&str, &str) = ("Hanna O.", "Karim E.");
pub const DAYS: usize = 6;

/// Who is away on day `day` (1-based).
pub fn absent(day: usize) -> &'static [&'static str] {
    match day {
        3 => &["Gijs T."],
        5 => &["Daan S.", "Lotte R."],
        _ => &[],
    }
}

/// Day `day`'s problem: one breakout of the people present, the earlier days as history.
pub fn day_problem(day: usize, earlier: &[Vec<Vec<String>>]) -> Problem {
    let mut problem = Problem {
        people: PEOPLE
            .iter()
            .filter(|(name, _)| !absent(day).contains(name))
            .map(|(name, dept)| Person {
                name: name.to_string(),
                attributes: [("afdeling".to_string(), dept.to_string())].into(),
            })
            .collect(),
        sizing: Sizing::Size(4),
        rounds: 1,
        keep_apart: KEEP_APART
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        keep_together: vec![(KEEP_TOGETHER.0.to_string(), KEEP_TOGETHER.1.to_string())],
        history: meetings_from_splits(earlier),
        balance: vec!["afdeling".into()],
        pins: Vec::new(),
    };
    problem.forget_absent();
    problem
}

/// The course planned day by day (as `regie groups --history` does), with each day's problem.
pub fn plan_course(seed: u64, budget: Budget) -> Vec<(Problem, Plan)> {
    plan_course_solved(seed, budget)
        .into_iter()
        .map(|(problem, solved)| (problem, solved.plan))
        .collect()
}

/// `plan_course` with what the solver knows about each day (proven optimal, evaluations).
pub fn plan_course_solved(seed: u64, budget: Budget) -> Vec<(Problem, Solved)> {
    let mut earlier: Vec<Vec<Vec<String>>> = Vec::new();
    let mut days = Vec::new();
    for day in 1..=DAYS {
        let problem = day_problem(day, &earlier);
        let solved = solve_with_budget(&problem, seed, budget).expect("the course is solvable");
        earlier.push(solved.plan.rounds[0].clone());
        days.push((problem, solved));
    }
    days
}

/// What the issue measures over the course: group-department counts off the fair share, and
/// repeated meetings of pairs other than the keep-together pair.
pub struct CourseFigures {
    pub cells_off: usize,
    pub repeats_outside_tie: usize,
}

pub fn figures(days: &[(Problem, Plan)]) -> CourseFigures {
    let mut met: std::collections::BTreeSet<(String, String)> = Default::default();
    let mut repeats = 0;
    let mut off = 0;
    let tie = (KEEP_TOGETHER.0.to_string(), KEEP_TOGETHER.1.to_string());
    for (problem, plan) in days {
        off += cells_off(problem, &plan.rounds);
        for group in plan.rounds.iter().flatten() {
            for a in group {
                for b in group {
                    if a < b {
                        let pair = (a.clone(), b.clone());
                        let tied = pair == tie || (pair.1.clone(), pair.0.clone()) == tie;
                        if !met.insert(pair) && !tied {
                            repeats += 1;
                        }
                    }
                }
            }
        }
    }
    CourseFigures {
        cells_off: off,
        repeats_outside_tie: repeats,
    }
}
