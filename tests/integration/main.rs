//! Gazette's integration tests, one suite: whole sites built by the real
//! binary (and by the library where that is simpler), checked on what a
//! reader gets: the HTML, the files written, the messages and exit codes;
//! `check`, `init`, the search index, watch mode and the preview server
//! (two of them, and the look of listings, testimonies and print, in
//! headless Chromium, through `tests/*.mjs`).
//!
//! One test binary, not one per file: the crate and the helpers are
//! compiled and linked once, and `support` is the one place a helper is
//! written. Fixtures are in `tests/fixtures/{ok,errors,check}/<case>/`;
//! the `errors` and `check` cases are found by walking their folders
//! (`cases`), and every snapshot is in `tests/integration/snapshots/`,
//! named `integration__<module>__<name>.snap` by insta.
//!
//! Run one module with `cargo test --test integration <module>::`.

// A test is a scenario a user goes through (build, edit, rebuild, look):
// it reads best whole, top to bottom, even past the 80 lines the library's
// functions keep to.
#![allow(clippy::too_many_lines)]

mod blocks;
mod build;
mod cases;
mod check;
mod cli;
mod diagnostics;
mod fingerprint;
mod incremental;
mod layout;
mod meta;
mod mutations;
mod navigation;
mod output;
mod ownership;
mod page_cache;
mod paths;
mod people;
mod photos;
mod pipelines;
mod reading;
mod readme;
mod relative;
mod safety;
mod search;
mod search_cache;
mod serve;
mod sources;
mod spare;
mod statement;
mod studio;
mod support;
mod urls;
