//! `gazette check`: everything a build validates, plus the lints a build
//! does not need in order to write a site but a reader would suffer from.
//!
//! Why it is shaped so:
//!
//! - **One source of truth for errors.** `check` runs the very pipeline
//!   `build` runs (`build::render_in_memory`) and stops before the search
//!   index and the disk; so it can never accept a site the build refuses,
//!   nor the other way round, and it writes nothing.
//! - **Lints read what loading recorded.** The renderer already keeps, per
//!   Markdown fragment, its links with their text, images with their alt,
//!   headings with their levels and unknown code languages; the loader keeps
//!   which interview questions the body placed. Lints are plain functions of
//!   that model (`article`, `registry`), so adding one touches one file.
//! - **The hot path pays nothing.** What only lints need (raw HTML, GFM
//!   table headers, headings of the page as rendered) is read again here,
//!   in `markup` and `html`: `check` may be a little slower, `build` is not.
//! - **Pages are linted even when the content has errors.** The in-memory
//!   build keeps no pages then; `check` renders what assembled anyway (as
//!   `build` does to report template errors), so one run gives the errors,
//!   the template errors and the lints.
//! - **Warnings never fail a build.** Every lint is a warning; `check` exits
//!   1 on errors, or on warnings with `--deny-warnings`.
//! - **Printing is separate** (`format`): human, JSON Lines, or GitHub
//!   workflow commands, from the same sorted list.

pub mod article;
pub mod foreign;
pub mod format;
pub mod html;
pub mod markup;
pub mod quotes;
pub mod registry;

use rayon::prelude::*;

use crate::build::{self, BuildOptions};
use crate::diagnostics::Diagnostics;
use crate::language::Language;
use crate::outcome::Outcome;
use crate::progress::Progress;
use crate::render::{self, Content};

/// What a check found.
pub struct Report {
    /// Build errors and lint warnings, unsorted.
    pub diagnostics: Diagnostics,
    /// The site's language (French when the settings cannot be read).
    pub language: Language,
    /// The settings could not be used (exit status 2).
    pub usage_error: bool,
    /// Pages rendered (0 when the site has errors).
    pub pages: usize,
}

impl Report {
    /// How the check ended: unusable settings, errors (and warnings when
    /// they are denied), or success.
    pub fn outcome(&self, deny_warnings: bool) -> Outcome {
        if self.usage_error {
            Outcome::Usage
        } else if self.diagnostics.has_errors()
            || (deny_warnings && self.diagnostics.warning_count() > 0)
        {
            Outcome::SiteErrors
        } else {
            Outcome::Success
        }
    }
}

/// Loads and renders the site in memory and lints it; writes nothing.
pub fn check(opts: &BuildOptions, progress: &dyn Progress) -> Report {
    let result = build::render_in_memory(opts, progress);
    let language = result.config.language;
    if result.usage_error {
        return Report {
            diagnostics: result.diagnostics,
            language,
            usage_error: true,
            pages: 0,
        };
    }
    let mut diagnostics = result.diagnostics;
    let mut files = result.files;
    // The in-memory build keeps no pages once the content has errors; `check` renders
    // what assembled anyway, to report template errors and lint the pages
    // in the same run.
    if files.is_empty()
        && let (Some(site), Some(theme)) = (&result.site, &result.theme)
    {
        let (pages, errors) = render::render_with(site, theme, progress).into_parts();
        files = pages.unwrap_or_default();
        let errors = render::theme::not_yet_reported(errors, &diagnostics);
        diagnostics.extend(errors);
    }
    let pages = files.keys().filter(|p| p.ends_with(".html")).count();
    if let Some(site) = &result.site {
        let found: Vec<_> = site
            .articles
            .par_iter()
            .flat_map_iter(|a| {
                let page = match files.get(&a.rel_url.page_file()) {
                    Some(Content::Bytes(b)) => std::str::from_utf8(b).ok(),
                    _ => None,
                };
                let mut found = a.loaded.warnings.clone();
                found.extend(article::lint(site, a, page, &files));
                found
            })
            .collect();
        diagnostics.extend(found);
        diagnostics.extend(registry::unused(site, &opts.root));
    }
    Report {
        diagnostics,
        language,
        usage_error: false,
        pages,
    }
}
