//! The group-split solver: balanced breakout groups with few repeated pairs.
//! Pure and seeded: the same problem and seed give the same plan on every machine.

mod bounds;
mod construction;
mod cyclic;
mod designs;
mod dice;
pub mod error;
mod exact;
mod greedy;
mod model;
pub mod output;
pub mod plan;
#[cfg(test)]
mod plan_checks;
pub mod problem;
mod relabel;
pub mod repair;
pub mod roles;
pub mod score;
pub mod sizing;
pub mod solve;
mod state;
pub mod summary;
mod tabu;
mod triples;

pub use bounds::BoundSource;
pub(crate) use dice::Dice;
pub use error::GroupsError;
pub use plan::{CoursePlan, Misfit, PlanRound};
pub use problem::{Meeting, Person, Plan, Problem, Score, Sizing, meetings_from_splits};
pub use repair::{Repaired, SwapRefused, check_swap, place_late_arrival, remove_absent};
pub use score::{cells_off, repeated, score};
pub use sizing::group_sizes;
pub use solve::{Solved, fewest_repeats, solve, solve_watched, solve_with_budget};
pub use tabu::{Budget, Progress, WATCH_EVERY};
