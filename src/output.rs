//! Writing the rendered site into the output folder, safely and minimally.
//!
//! A build with content errors never reaches this module. Rendered pages
//! are handed to a [`Staging`] as they come, from rayon's threads: a file
//! whose bytes the output already holds is left alone, any other goes to a
//! staging folder, and only when the whole site rendered are the staged
//! files renamed into place (a reader never sees half a page) and files no
//! longer produced removed. A build that fails while rendering removes the
//! staging folder, so the previous output stays byte-for-byte as it was, and
//! a rebuild of an unchanged site writes nothing, which matters on disks
//! that create files slowly. Into an empty (or new) output folder, where
//! there is nothing to keep, files are written in place at once, and a
//! failed build empties the folder again. Every path is checked to stay
//! inside the output folder, and an output folder that is or contains the
//! site's sources is refused.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

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
    /// HTML files the output now holds (pages).
    pub html: usize,
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

/// The staging folder's name, inside the output folder. A build that
/// stopped half-way (killed, power cut) leaves it behind; the next build
/// removes it first.
pub const STAGING_DIR: &str = ".gazette-staging";

/// Whether `target` (of `len` bytes) already holds `content`.
fn same_content(target: &Path, len: u64, content: &Content, root: &Path) -> bool {
    match content {
        Content::Bytes(bytes) => {
            len == bytes.len() as u64 && fs::read(target).map(|b| b == *bytes).unwrap_or(false)
        }
        Content::Copy(src) => {
            let src = root.join(src);
            match fs::metadata(&src) {
                Ok(sm) if sm.len() == len => {
                    matches!((fs::read(&src), fs::read(target)), (Ok(a), Ok(b)) if a == b)
                }
                _ => false,
            }
        }
    }
}

/// One file handed to a [`Staging`].
struct Staged {
    /// Path relative to the output folder.
    rel: String,
    /// Who wins when two files claim one path: the higher order.
    order: usize,
    /// The staged copy, or `None` when the output already holds these bytes
    /// (or, writing in place, holds them since this write).
    tmp: Option<PathBuf>,
    /// Written in place, not staged: the output folder was empty.
    in_place: bool,
}

/// What [`Staging::put`] hands over, behind one lock.
#[derive(Default)]
struct Handed {
    files: Vec<Staged>,
    /// Writing in place: the paths written so far (a second file for one
    /// path is staged, and the higher order wins at commit).
    paths: HashSet<String>,
    /// Writing in place: the folders created so far.
    dirs: HashSet<PathBuf>,
}

/// A write in progress. Files are handed over one by one, from any thread,
/// as they are rendered, so a build never holds the whole site in memory:
/// each new or changed file goes into a staging folder inside the output
/// folder, and only [`Staging::commit`] moves them into place (one rename
/// each) and removes stale files. Until then the output folder holds
/// exactly what it held, and [`Staging::abort`] (or dropping the staging)
/// removes the staged files again: a failed build leaves the previous output
/// untouched. When the output folder holds nothing, there is nothing to
/// keep untouched: files are written in place (a rename each saved), and
/// aborting empties the folder again.
pub struct Staging {
    output: PathBuf,
    root: PathBuf,
    dir: PathBuf,
    /// Whether `dir` was made: only when a file must be staged, so that a
    /// rebuild that changes nothing does not touch the output folder.
    dir_made: Mutex<bool>,
    /// The folders this write created, the output folder first, then those
    /// above it that did not exist either.
    created: Vec<PathBuf>,
    /// Files already in the output: relative path → length.
    existing: HashMap<PathBuf, u64>,
    /// Folders already in the output, deepest first.
    existing_dirs: Vec<PathBuf>,
    /// The output folder held nothing: files go in place.
    in_place: bool,
    handed: Mutex<Handed>,
    next: AtomicUsize,
    done: bool,
}

impl Staging {
    /// Starts a write into `output`; `root` is what copied files are
    /// relative to. Creates the output folder when it is missing.
    pub fn begin(output: &Path, root: &Path) -> io::Result<Staging> {
        let created: Vec<PathBuf> = output
            .ancestors()
            .take_while(|p| !p.as_os_str().is_empty() && !p.exists())
            .map(Path::to_path_buf)
            .collect();
        fs::create_dir_all(output)?;
        let dir = output.join(STAGING_DIR);
        if fs::symlink_metadata(&dir).is_ok() {
            remove_any(&dir)?;
        }
        let mut existing = HashMap::new();
        let mut existing_dirs = Vec::new();
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
                existing_dirs.push(entry.path().to_path_buf());
            } else {
                // A symbolic link is never "unchanged": it is replaced.
                let len = match entry.metadata() {
                    Ok(m) if m.is_file() => m.len(),
                    _ => u64::MAX,
                };
                existing.insert(rel.to_path_buf(), len);
            }
        }
        Ok(Staging {
            output: output.to_path_buf(),
            root: root.to_path_buf(),
            dir,
            dir_made: Mutex::new(false),
            created,
            in_place: existing.is_empty() && existing_dirs.is_empty(),
            existing,
            existing_dirs,
            handed: Mutex::new(Handed::default()),
            next: AtomicUsize::new(0),
            done: false,
        })
    }

    /// Hands over the file at `rel`. When two files claim one path, the one
    /// with the higher `order` is kept. Paths that would leave the output
    /// folder are ignored.
    pub fn put(&self, order: usize, rel: &str, content: &Content) -> io::Result<()> {
        if !is_safe_relative(rel) {
            return Ok(());
        }
        if self.in_place {
            return self.put_in_place(order, rel, content);
        }
        let unchanged = self
            .existing
            .get(Path::new(rel))
            .is_some_and(|&len| same_content(&self.output.join(rel), len, content, &self.root));
        let tmp = if unchanged {
            None
        } else {
            Some(self.stage(content)?)
        };
        self.hand(Staged {
            rel: rel.to_string(),
            order,
            tmp,
            in_place: false,
        });
        Ok(())
    }

    /// Writes `content` into a new file of the staging folder, made the
    /// first time.
    fn stage(&self, content: &Content) -> io::Result<PathBuf> {
        {
            let mut made = self
                .dir_made
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if !*made {
                fs::create_dir(&self.dir)?;
                *made = true;
            }
        }
        let tmp = self
            .dir
            .join(self.next.fetch_add(1, Ordering::Relaxed).to_string());
        write_content(&tmp, content, &self.root)?;
        Ok(tmp)
    }

    fn hand(&self, staged: Staged) {
        self.lock().files.push(staged);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Handed> {
        self.handed
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// [`Staging::put`] into an output folder that held nothing: the first
    /// file for a path is written in place, any later one is staged.
    fn put_in_place(&self, order: usize, rel: &str, content: &Content) -> io::Result<()> {
        let parent = Path::new(rel)
            .parent()
            .filter(|p| !p.as_os_str().is_empty());
        // The first file for a path is handed over at once (a failed write
        // fails the build, which then empties the folder).
        let (first, new_dir) = {
            let mut handed = self.lock();
            let first = handed.paths.insert(rel.to_string());
            if first {
                handed.files.push(Staged {
                    rel: rel.to_string(),
                    order,
                    tmp: None,
                    in_place: true,
                });
            }
            let new_dir = first && parent.is_some_and(|p| !handed.dirs.contains(p));
            (first, new_dir)
        };
        if !first {
            let tmp = self.stage(content)?;
            self.hand(Staged {
                rel: rel.to_string(),
                order,
                tmp: Some(tmp),
                in_place: false,
            });
            return Ok(());
        }
        if let Some(parent) = parent.filter(|_| new_dir) {
            fs::create_dir_all(self.output.join(parent))?;
            let mut handed = self.lock();
            let mut dir = Some(parent);
            while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
                if !handed.dirs.insert(d.to_path_buf()) {
                    break;
                }
                dir = d.parent();
            }
        }
        write_content(&self.output.join(rel), content, &self.root)
    }

    /// Moves the staged files into place and removes the files no longer
    /// produced: the output folder then holds exactly what was handed over.
    pub fn commit(mut self) -> io::Result<WriteStats> {
        self.done = true;
        let mut staged = std::mem::take(
            &mut self
                .handed
                .get_mut()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .files,
        );
        staged.sort_by(|a, b| a.rel.cmp(&b.rel).then(a.order.cmp(&b.order)));
        let mut kept: Vec<Staged> = Vec::with_capacity(staged.len());
        for s in staged {
            if let Some(last) = kept.last_mut()
                && last.rel == s.rel
            {
                if let Some(tmp) = last.tmp.take() {
                    fs::remove_file(tmp)?;
                }
                *last = s;
            } else {
                kept.push(s);
            }
        }
        let wanted: HashSet<&Path> = kept.iter().map(|s| Path::new(&s.rel)).collect();
        let mut stats = WriteStats {
            html: kept.iter().filter(|s| s.rel.ends_with(".html")).count(),
            ..WriteStats::default()
        };
        // Stale files first, so a file can become a folder and back.
        let mut stale: Vec<&PathBuf> = self
            .existing
            .keys()
            .filter(|rel| !wanted.contains(rel.as_path()))
            .collect();
        stale.sort();
        for rel in stale {
            fs::remove_file(self.output.join(rel))?;
            stats.removed += 1;
        }
        let parents: BTreeSet<&Path> = kept
            .iter()
            .filter(|s| s.tmp.is_some())
            .filter_map(|s| Path::new(&s.rel).parent())
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
        parents
            .par_iter()
            .try_for_each(|p| fs::create_dir_all(self.output.join(p)))?;
        // A folder where a file now goes (known from the walk: no stat per file).
        let folders: HashSet<&Path> = self.existing_dirs.iter().map(PathBuf::as_path).collect();
        let written: Vec<io::Result<bool>> = kept
            .par_iter()
            .map(|s| match &s.tmp {
                None => Ok(s.in_place),
                Some(tmp) => {
                    let target = self.output.join(&s.rel);
                    if folders.contains(target.as_path()) && target.is_dir() {
                        fs::remove_dir_all(&target)?;
                    }
                    fs::rename(tmp, &target).map(|_| true)
                }
            })
            .collect();
        for w in written {
            if w? {
                stats.written += 1;
            } else {
                stats.unchanged += 1;
            }
        }
        // Folders left empty by removals (deepest first, as walked).
        for dir in &self.existing_dirs {
            if fs::read_dir(dir)
                .map(|mut d| d.next().is_none())
                .unwrap_or(false)
            {
                let _ = fs::remove_dir(dir);
            }
        }
        if *self
            .dir_made
            .get_mut()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
        {
            fs::remove_dir_all(&self.dir)?;
        }
        Ok(stats)
    }

    /// Gives up: removes the staged files, and the output folder if this
    /// write created it.
    pub fn abort(mut self) {
        self.clean_up();
    }

    fn clean_up(&mut self) {
        if self.done {
            return;
        }
        self.done = true;
        let _ = fs::remove_dir_all(&self.dir);
        if self.in_place {
            // The folder held nothing: what is in it now is this write's.
            if let Ok(entries) = fs::read_dir(&self.output) {
                for entry in entries.flatten() {
                    let _ = remove_any(&entry.path());
                }
            }
        }
        // Deepest first; a folder something else filled meanwhile stays.
        for dir in &self.created {
            let _ = fs::remove_dir(dir);
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        self.clean_up();
    }
}

/// Writes `content` at `path`.
fn write_content(path: &Path, content: &Content, root: &Path) -> io::Result<()> {
    match content {
        Content::Bytes(bytes) => fs::write(path, bytes),
        Content::Copy(src) => fs::copy(root.join(src), path).map(|_| ()),
    }
}

fn remove_any(path: &Path) -> io::Result<()> {
    if fs::symlink_metadata(path)?.is_dir() {
        fs::remove_dir_all(path)
    } else {
        fs::remove_file(path)
    }
}

/// Makes `output` hold exactly `files`.
pub fn write(files: &Files, output: &Path, root: &Path) -> io::Result<WriteStats> {
    let staging = Staging::begin(output, root)?;
    // The keys of a map are unique: no order is needed.
    files
        .par_iter()
        .try_for_each(|(rel, content)| staging.put(0, rel, content))?;
    staging.commit()
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
