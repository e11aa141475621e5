//! Gazette's integration tests: whole sites built by the real binary (and
//! by the library where that is simpler), checked on what a reader gets: the
//! HTML, the files written, the messages and exit codes.
//!
//! One test binary (faster to link than one per file); fixtures are in
//! `tests/fixtures/{ok,errors}/<case>/`, snapshots of diagnostics in
//! `tests/integration/snapshots/`.

mod blocks;
mod build;
mod diagnostics;
mod mutations;
mod navigation;
mod output;
mod ownership;
mod paths;
mod safety;
mod sources;
mod support;
mod urls;
