//! `gazette init DIR`: a new site that builds as it is.
//!
//! The default theme (`themes/gazette/`) and a starter site (`starter/`
//! beside this file: `site.yaml`, a home page, one section and one article
//! of each kind) are embedded in the binary with `include_dir`, so an
//! installed `gazette` works on a machine without Gazette's sources. The
//! starter's `__DATE__` becomes the day of the `init`, so the example
//! articles are published at once. The theme's archetypes are embedded too,
//! which lets `gazette new` fall back on them (see `archetype`).
//!
//! `init` writes only into an empty or missing folder: it never mixes its
//! files with someone's work, and never overwrites one.
//!
//! With `--ci gitlab|github`, it also writes the site's publishing pipeline
//! (`ci/` beside this file, one template per service). The templates are the
//! only copy of these pipelines: `docs/publishing.md` shows them as `init`
//! writes them (a test compares the two), and their `__VERSION__` becomes
//! the running Gazette's version, so the pipeline installs the Gazette the
//! site was made with, pinned, from the package index.

use crate::diagnostics::Code;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use jiff::civil::Date;

use crate::diagnostics::{Diagnostic, display_path};
use crate::language::Language;
use crate::messages::t;

/// The default theme, as in `themes/gazette/`.
pub static THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/gazette");

/// The starter site.
static STARTER: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/init/starter");

/// The CI services `init --ci` writes a pipeline for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Ci {
    /// GitLab CI with GitLab Pages: `.gitlab-ci.yml`.
    Gitlab,
    /// GitHub Actions with GitHub Pages: `.github/workflows/site.yml`.
    Github,
}

impl Ci {
    /// Where the pipeline goes in the site, and its text for this Gazette.
    pub fn pipeline(self) -> (PathBuf, String) {
        let (path, template) = match self {
            Ci::Gitlab => (".gitlab-ci.yml", include_str!("ci/gitlab-ci.yml")),
            Ci::Github => (
                ".github/workflows/site.yml",
                include_str!("ci/github-site.yml"),
            ),
        };
        let text = template.replace("__VERSION__", env!("CARGO_PKG_VERSION"));
        (PathBuf::from(path), text)
    }
}

/// Why `init` wrote nothing, or stopped.
#[derive(Debug)]
pub enum InitError {
    /// The folder exists and holds something.
    NotEmpty(PathBuf),
    /// The path exists and is not a folder.
    NotAFolder(PathBuf),
    /// Writing failed.
    Io(PathBuf, std::io::Error),
}

impl InitError {
    /// The error as `init` prints it, in French (there is no site yet to
    /// tell another language).
    pub fn diagnostic(&self) -> Diagnostic {
        let lang = Language::Fr;
        match self {
            InitError::NotEmpty(p) => Diagnostic::error(
                Code::InitNotEmpty,
                t!(lang, "init-not-empty", path = display_path(p)),
            )
            .with_help(t!(lang, "init-choose-another-name")),
            InitError::NotAFolder(p) => Diagnostic::error(
                Code::InitNotAFolder,
                t!(lang, "init-not-a-folder", path = display_path(p)),
            )
            .with_help(t!(lang, "init-choose-another-name")),
            InitError::Io(p, e) => Diagnostic::error(
                Code::InitWrite,
                t!(
                    lang,
                    "init-write",
                    path = display_path(p),
                    reason = crate::os_errors::reason(e, lang)
                ),
            )
            .with_help(t!(lang, "init-write-help")),
        }
    }
}

/// The embedded theme's archetype for a kind (`article.md`…), if any.
pub fn archetype(file: &str) -> Option<&'static str> {
    THEME
        .get_file(Path::new("archetypes").join(file))
        .and_then(|f| f.contents_utf8())
}

/// Creates the site in `dir`, with the pipeline of `ci` if any; returns
/// the files written, relative to it.
pub fn init(dir: &Path, today: Date, ci: Option<Ci>) -> Result<Vec<PathBuf>, InitError> {
    if dir.exists() {
        if !dir.is_dir() {
            return Err(InitError::NotAFolder(dir.to_path_buf()));
        }
        let mut entries =
            std::fs::read_dir(dir).map_err(|e| InitError::Io(dir.to_path_buf(), e))?;
        if entries.next().is_some() {
            return Err(InitError::NotEmpty(dir.to_path_buf()));
        }
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let date = today.to_string();
    collect(&STARTER, &mut |path, bytes| {
        let path = if path == Path::new("gitignore") {
            PathBuf::from(".gitignore")
        } else {
            path.to_path_buf()
        };
        let bytes = match std::str::from_utf8(bytes) {
            Ok(text) if path.extension().is_some_and(|e| e == "md") => {
                text.replace("__DATE__", &date).into_bytes()
            }
            _ => bytes.to_vec(),
        };
        files.push((path, bytes));
    });
    collect(&THEME, &mut |path, bytes| {
        files.push((Path::new("themes/gazette").join(path), bytes.to_vec()));
    });
    if let Some(ci) = ci {
        let (path, text) = ci.pipeline();
        files.push((path, text.into_bytes()));
    }
    files.sort();
    for (path, bytes) in &files {
        let full = dir.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).map_err(|e| InitError::Io(parent.to_path_buf(), e))?;
        }
        std::fs::write(&full, bytes).map_err(|e| InitError::Io(full.clone(), e))?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

/// Calls `f` with every file of an embedded folder, path relative to it.
fn collect(dir: &Dir<'static>, f: &mut dyn FnMut(&Path, &[u8])) {
    for file in dir.files() {
        f(file.path(), file.contents());
    }
    for sub in dir.dirs() {
        collect(sub, f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embeds_theme_and_starter() {
        assert!(THEME.get_file("templates/article.html").is_some());
        assert!(archetype("interview.md").is_some_and(|t| t.contains("__TITLE__")));
        assert!(STARTER.get_file("site.yaml").is_some());
        assert!(STARTER.get_file("gitignore").is_some());
    }

    #[test]
    fn pipelines_pin_this_version() {
        for ci in [Ci::Gitlab, Ci::Github] {
            let (_, text) = ci.pipeline();
            let pinned = format!("gazette-newsroom=={}", env!("CARGO_PKG_VERSION"));
            assert!(text.contains(&pinned), "{ci:?}");
            assert!(!text.contains("__VERSION__"), "{ci:?}");
        }
    }
}
