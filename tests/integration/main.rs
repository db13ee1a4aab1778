//! Every integration test in one binary (one link instead of two dozen), as bottom does.
//! Each file is a module named after what it tests; `support`, `common` and `review_logs` are shared helpers.

mod common;
mod review_logs;
mod support;

mod bundled;
mod check_cli;
mod check_docs;
mod check_hostile;
mod check_paths;
mod check_props;
mod check_rules;
mod default_folders;
mod e2e_bundled;
mod e2e_crash;
mod e2e_faults;
mod e2e_follow;
mod e2e_run;
mod e2e_runs;
mod e2e_terminal;
mod facilitator_hands;
mod follow_screens;
mod groups_cli;
mod groups_course;
mod groups_fixture;
mod groups_history;
mod groups_props;
mod groups_repair;
mod inputs_props;
mod journal;
mod layers;
mod log_limits;
mod log_props;
mod report_exports;
mod report_tables;
mod resume_fit;
mod review_anonymise;
mod review_e2e;
mod review_export;
mod review_screens;
mod room_screens;
mod runs_days;
mod runs_identity;
mod runs_screens;
mod tui_app;
mod tui_screens;
