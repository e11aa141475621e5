//! Gazette Studio: writing, previewing and publishing articles in the
//! browser (`gazette serve --edit`, `gazette edit`).
//!
//! The studio sits above the preview (`serve`), which knows nothing of it:
//! the preview's server hands the requests under `/__gazette/studio/` to
//! an extension it is given (`serve::server::Extension`), and the studio
//! answers them with the preview's own session (the site as last built,
//! its pipeline) so that what the writer sees is what `build` publishes.
//! Each part owns one step of a writer's work:
//!
//! - [`header`]: an article's front matter written from the form's values,
//!   in the canonical layout, changing only the keys that changed;
//! - [`preview`]: one article rendered in memory, with its diagnostics;
//! - [`files`]: saving atomically (with conflicts detected), new articles,
//!   images copied into an article's folder;
//! - [`publish`]: a commit (and a push) with the `git` program.

pub mod files;
pub mod header;
pub mod preview;
pub mod publish;
