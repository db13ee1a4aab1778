//! Helpers shared by the screen and end-to-end tests: fixture sessions and logs, and a
//! pseudo-terminal driver for the real binary.
#![allow(dead_code)]

pub mod e2e;
pub mod fixtures;
pub mod props;
pub mod pty;
pub mod sizes;
