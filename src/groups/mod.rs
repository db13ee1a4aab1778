//! The group-split solver: balanced breakout groups with few repeated pairs.
//! Pure and seeded: the same problem and seed give the same plan on every machine.

pub mod problem;

pub use problem::{Meeting, Person, Plan, Problem, Score, Sizing};
