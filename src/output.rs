//! Writing the rendered site into the output folder, safely and minimally.
//!
//! The whole site is rendered and validated in memory first ("built
//! aside"), so a build with errors never reaches this module and the
//! previous output stays byte-for-byte as it was. Then only files whose
//! bytes differ are written (each through a temporary file and a rename, so
//! a reader never sees half a page), and files no longer produced are
//! removed: a rebuild of an unchanged site writes nothing, which matters on
//! disks that create files slowly. Every path is checked to stay inside the
//! output folder, and an output folder that is or contains the site's
//! sources is refused.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;
use crate::language::Language;
use crate::render::{Content, Files};

/// What a write did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WriteStats {
    /// Files created or changed.
    pub written: usize,
    /// Files already up to date.
    pub unchanged: usize,
    /// Stale files removed.
    pub removed: usize,
}

/// Why an output folder is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnsafeOutput {
    /// It is the site root or one of its source folders, or contains them.
    Overlaps(PathBuf),
}

fn absolute(path: &Path) -> PathBuf {
    let base = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    // Resolve what exists, keep the rest lexically normalised.
    let mut existing = base.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
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

impl UnsafeOutput {
    /// What a writer sees when `output_dir` is refused.
    pub fn diagnostic(&self, output_dir: &Path, lang: Language) -> Diagnostic {
        let UnsafeOutput::Overlaps(p) = self;
        Diagnostic::error(
            "output-unsafe",
            lang.pick(
                format!(
                    "le dossier de sortie {} contient ou recouvre les sources ({})",
                    output_dir.display(),
                    p.display()
                ),
                format!(
                    "the output folder {} contains or overlaps the sources ({})",
                    output_dir.display(),
                    p.display()
                ),
            ),
        )
        .with_help(lang.pick(
            "choisissez un dossier à part, par exemple --output output",
            "pick a separate folder, for example --output output",
        ))
    }
}

/// Refuses an output folder that is, or contains, the site root, `content/`,
/// `themes/`, `static/` or `templates/`.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<(), UnsafeOutput> {
    let out = absolute(output);
    let root = absolute(root);
    let protected = [
        root.clone(),
        root.join("content"),
        root.join("themes"),
        root.join("static"),
        root.join("templates"),
    ];
    for p in protected {
        if p.starts_with(&out) || out.starts_with(&p) && p != root {
            return Err(UnsafeOutput::Overlaps(p));
        }
    }
    Ok(())
}

/// Whether an output path is a plain relative path (no `..`, no root).
pub fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

fn same_content(target: &Path, content: &Content, root: &Path) -> bool {
    let Ok(meta) = fs::symlink_metadata(target) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    match content {
        Content::Bytes(bytes) => {
            meta.len() == bytes.len() as u64
                && fs::read(target).map(|b| b == *bytes).unwrap_or(false)
        }
        Content::Copy(src) => {
            let src = root.join(src);
            match fs::metadata(&src) {
                Ok(sm) if sm.len() == meta.len() => {
                    matches!((fs::read(&src), fs::read(target)), (Ok(a), Ok(b)) if a == b)
                }
                _ => false,
            }
        }
    }
}

fn write_one(target: &Path, content: &Content, root: &Path) -> io::Result<()> {
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent)?;
    }
    if let Ok(meta) = fs::symlink_metadata(target)
        && meta.is_dir()
    {
        fs::remove_dir_all(target)?;
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = target.with_file_name(format!(".{name}.gazette-tmp"));
    match content {
        Content::Bytes(bytes) => fs::write(&tmp, bytes)?,
        Content::Copy(src) => {
            fs::copy(root.join(src), &tmp)?;
        }
    }
    fs::rename(&tmp, target)
}

/// Makes `output` hold exactly `files`.
pub fn write(files: &Files, output: &Path, root: &Path) -> io::Result<WriteStats> {
    fs::create_dir_all(output)?;
    let wanted: HashSet<PathBuf> = files
        .keys()
        .filter(|p| is_safe_relative(p))
        .map(PathBuf::from)
        .collect();
    // Stale files first, so a file can become a folder and back.
    let mut stale = Vec::new();
    let mut dirs = Vec::new();
    for entry in WalkDir::new(output)
        .min_depth(1)
        .follow_links(false)
        .contents_first(true)
    {
        let entry = entry.map_err(io::Error::other)?;
        let Ok(rel) = entry.path().strip_prefix(output) else {
            continue;
        };
        if entry.file_type().is_dir() {
            dirs.push(entry.path().to_path_buf());
        } else if !wanted.contains(rel) {
            stale.push(entry.path().to_path_buf());
        }
    }
    let mut stats = WriteStats::default();
    for path in &stale {
        fs::remove_file(path)?;
        stats.removed += 1;
    }
    let results: Vec<io::Result<bool>> = files
        .par_iter()
        .filter(|(p, _)| is_safe_relative(p))
        .map(|(rel, content)| {
            let target = output.join(rel);
            if same_content(&target, content, root) {
                Ok(false)
            } else {
                write_one(&target, content, root).map(|_| true)
            }
        })
        .collect();
    for r in results {
        if r? {
            stats.written += 1;
        } else {
            stats.unchanged += 1;
        }
    }
    // Folders left empty by removals (deepest first, as walked).
    for dir in dirs {
        if fs::read_dir(&dir)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false)
        {
            let _ = fs::remove_dir(&dir);
        }
    }
    Ok(stats)
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
    }
}
