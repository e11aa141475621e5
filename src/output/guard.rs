//! Which folders a build may publish into at all, decided before anything
//! is read from or written to them.
//!
//! The checks are on paths, resolved the way the system will resolve them
//! (symbolic links followed for the part that exists, `..` folded for the
//! rest), so `-o ~/../$USER` or a link to the home folder is recognised.
//! They refuse what no flag may ever allow: the system's root, the home
//! folder, the site folder and every folder above it, and any folder that
//! holds or lies inside the sources. Whether a folder that passes may be
//! written without `--take-over` is ownership's business (`manifest`).

use crate::diagnostics::Code;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::language::Language;
use crate::messages::t;

/// Why an output folder is refused, whatever the flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnsafeOutput {
    /// It is one of the site's source folders, or lies inside one.
    Overlaps(PathBuf),
    /// It is the site's folder or a folder above it.
    HoldsTheSite(PathBuf),
    /// It is the system's root folder.
    SystemRoot,
    /// It is the user's home folder.
    Home(PathBuf),
}

/// `path` made absolute: what exists is resolved (links followed), the rest
/// is normalised lexically.
pub fn absolute(path: &Path) -> PathBuf {
    let base = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut existing = base.clone();
    let mut rest = Vec::new();
    while std::fs::symlink_metadata(&existing).is_err() {
        match (existing.components().next_back(), existing.parent()) {
            (Some(last), Some(parent)) => {
                rest.push(last.as_os_str().to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut out = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        if name == ".." {
            out.pop();
        } else if name != "." {
            out.push(name);
        }
    }
    out
}

/// Refuses an output folder that no flag may allow (see [`UnsafeOutput`]).
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), UnsafeOutput> {
    let out = absolute(output);
    let root = absolute(root);
    if out.parent().is_none() {
        return Err(UnsafeOutput::SystemRoot);
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        let home = absolute(Path::new(&home));
        if out == home {
            return Err(UnsafeOutput::Home(home));
        }
    }
    if root.starts_with(&out) {
        return Err(UnsafeOutput::HoldsTheSite(root));
    }
    for source in ["content", "themes", "static", "templates"] {
        let p = root.join(source);
        if out.starts_with(&p) {
            return Err(UnsafeOutput::Overlaps(p));
        }
    }
    Ok(())
}

impl UnsafeOutput {
    /// What a writer sees when `output_dir` is refused.
    pub fn diagnostic(&self, output_dir: &Path, lang: Language) -> Diagnostic {
        let shown = output_dir.display().to_string();
        let message = match self {
            UnsafeOutput::Overlaps(p) => t!(
                lang,
                "output-unsafe-in-sources",
                output = &shown,
                source = p.display().to_string()
            ),
            UnsafeOutput::HoldsTheSite(p) => t!(
                lang,
                "output-unsafe-holds-the-site",
                output = &shown,
                site = p.display().to_string()
            ),
            UnsafeOutput::SystemRoot => t!(lang, "output-unsafe-system-root", output = &shown),
            UnsafeOutput::Home(p) => t!(
                lang,
                "output-unsafe-home",
                output = &shown,
                home = p.display().to_string()
            ),
        };
        Diagnostic::error(Code::OutputUnsafe, message).with_help(t!(lang, "output-unsafe-help"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_that_hold_the_site_or_the_system_are_refused() {
        let root = Path::new("/srv/sites/rh");
        assert_eq!(
            check_output_dir(root, Path::new("/")),
            Err(UnsafeOutput::SystemRoot)
        );
        assert!(matches!(
            check_output_dir(root, Path::new("/srv")),
            Err(UnsafeOutput::HoldsTheSite(_))
        ));
        assert!(matches!(
            check_output_dir(root, Path::new("/srv/sites/rh/content/x")),
            Err(UnsafeOutput::Overlaps(_))
        ));
        assert!(matches!(
            check_output_dir(root, Path::new("/srv/sites/rh/x/../static")),
            Err(UnsafeOutput::Overlaps(_))
        ));
        assert_eq!(
            check_output_dir(root, Path::new("/srv/sites/rh/output")),
            Ok(())
        );
        assert_eq!(check_output_dir(root, Path::new("/srv/www")), Ok(()));
    }
}
