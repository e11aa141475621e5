//! Publishing the rendered site into the output folder: only into a folder
//! Gazette may own, one build at a time, and all at once.
//!
//! A build with content errors never reaches this module. The rest is split
//! by what each part owns:
//!
//! - `guard`: folders no flag may ever allow (the system's root, the home
//!   folder, the site and the folders above it, the sources);
//! - `manifest`: what Gazette owns in a folder (the manifest it writes
//!   there), what else is there, and when a folder is refused;
//! - `lock`: one build at a time per output folder, and the work folder
//!   beside it where the new tree is prepared;
//! - `publish`: the new tree, filled as pages are rendered, completed with
//!   the unchanged and the foreign files, then swapped in;
//! - `swap`: the one-step replacement of the published tree.
//!
//! The result: a build deletes only files it wrote itself; a failed, killed
//! or concurrent build leaves the previous tree or the new one, never a mix;
//! and a rebuild that changes nothing leaves the folder untouched.

mod guard;
mod lock;
mod manifest;
mod publish;
mod swap;

use std::io;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::language::Language;
pub use crate::render::{Content, Files};

pub use guard::{UnsafeOutput, check_output_dir};
pub use manifest::{MANIFEST, Refusal};
pub use publish::{Policy, Publication, WriteStats};

/// Why a publication failed. The published tree is unchanged in every case.
#[derive(Debug)]
pub enum PublishError {
    /// The folder may not be written as things are (exit status 2).
    Refused(Refusal),
    /// Files Gazette does not own stand where the site puts files.
    Foreign(Vec<String>),
    /// The system refused a read or a write.
    Io {
        /// What was being read or written.
        path: PathBuf,
        /// Why it failed.
        error: io::Error,
    },
}

impl PublishError {
    /// Whether this is a usage problem (exit status 2) rather than a failed
    /// build (1).
    pub fn is_usage(&self) -> bool {
        matches!(self, PublishError::Refused(_))
    }

    /// What a writer sees.
    pub fn diagnostic(&self, output_dir: &Path, lang: Language) -> Diagnostic {
        match self {
            PublishError::Refused(r) => r.diagnostic(output_dir, lang),
            PublishError::Foreign(paths) => {
                let shown: Vec<&str> = paths.iter().take(5).map(String::as_str).collect();
                let more = if paths.len() > 5 { ", …" } else { "" };
                Diagnostic::error(
                    "output-foreign-file",
                    lang.pick(
                        format!(
                            "des fichiers que Gazette n’a pas écrits occupent la place de fichiers du site dans {} : {}{more}",
                            output_dir.display(),
                            shown.join(", ")
                        ),
                        format!(
                            "files Gazette did not write stand where the site puts files in {}: {}{more}",
                            output_dir.display(),
                            shown.join(", ")
                        ),
                    ),
                )
                .with_help(lang.pick(
                    "Gazette ne supprime jamais ce qu’il n’a pas écrit : déplacez ou supprimez ces fichiers vous-même, ou publiez avec --take-over --clean pour vider le dossier d’abord",
                    "Gazette never deletes what it did not write: move or delete these files yourself, or publish with --take-over --clean to empty the folder first",
                ))
            }
            PublishError::Io { path, error } => Diagnostic::error(
                "output-write",
                lang.pick(
                    format!(
                        "publication impossible dans {} : {} ({})",
                        output_dir.display(),
                        crate::os_errors::reason(error, lang),
                        path.display()
                    ),
                    format!(
                        "cannot publish into {}: {error} ({})",
                        output_dir.display(),
                        path.display()
                    ),
                ),
            )
            .with_help(lang.pick(
                "vérifiez les droits et la place sur le disque, y compris dans le dossier qui contient le dossier de sortie (Gazette y prépare le nouveau site)",
                "check permissions and free disk space, including in the folder that holds the output folder (Gazette prepares the new site there)",
            )),
        }
    }
}

/// Whether an output path is a plain relative path (no `..`, no root, no
/// line break).
pub fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.contains(['\n', '\r', '\0'])
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// A relative path with `/` separators.
fn to_slash(path: &Path) -> String {
    crate::content::discover::to_slash(path)
}

/// Makes `output` hold exactly `files` (and what Gazette does not own in
/// it), in one publication.
pub fn write(
    files: &Files,
    output: &Path,
    root: &Path,
    policy: Policy,
    waiting: &dyn Fn(),
) -> Result<WriteStats, PublishError> {
    let publication = Publication::open(output, root, policy, waiting)?;
    // The keys of a map are unique: no order is needed.
    files
        .par_iter()
        .try_for_each(|(rel, content)| publication.put(0, rel, content))?;
    publication.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_stay_inside() {
        assert!(is_safe_relative("actualites/x/index.html"));
        assert!(!is_safe_relative("../x.html"));
        assert!(!is_safe_relative("/etc/passwd"));
        assert!(!is_safe_relative("a/../../b"));
        assert!(!is_safe_relative(""));
        assert!(!is_safe_relative("a\nb"));
    }
}
