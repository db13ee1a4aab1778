//! Reading many session logs: sessions, programmes, and report export.
//! Knows nothing of the terminal; `tui` draws what it computes.
