//! Gazette: a static site generator for internal newsrooms.
//!
//! The pipeline runs one way: `content` (discover and load the writer's files)
//! → `site` (assemble the read-only model) → `render` (pages through the theme)
//! → `output` (the disk). `pipeline` holds the stages up to assembly;
//! `build`, `check` and `serve` drive it; `cli` is the edge.

// Diagnostics travel in `Result::Err` on cold paths only; boxing them would
// buy nothing measurable and cost readability everywhere they are built.
#![allow(clippy::result_large_err)]

pub mod archetype;
pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod dates;
pub mod diagnostics;
pub mod digest;
pub mod images;
pub mod init;
pub mod language;
pub mod layers;
pub mod messages;
pub mod os_errors;
pub mod outcome;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod sources;
pub mod studio;
pub mod typography;
pub mod url_schemes;
pub mod yaml;
