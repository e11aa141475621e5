//! The tree a publication replaced, kept in the work folder to become the
//! next build's new tree.
//!
//! Why: a new tree made from nothing holds every folder of the site again
//! and a hard link for every unchanged file, and once it is in place the
//! old tree is removed, folder by folder: at 10,000 articles, 13,600
//! folders and 24,700 links made, then as many removed, a seventh of a
//! one-article rebuild's CPU, all of it kernel work. The tree just replaced
//! is the published one except where that build changed it. Kept as
//! `spare/` in the work folder, with a record of where it may differ from
//! the published tree, it becomes the next new tree after a handful of
//! updates: the files the next build writes, the paths the last build
//! changed, the files no longer published. The swap stays whole: the
//! published folder is still replaced in one rename.
//!
//! What is trusted, and why that is safe:
//!
//! - The record names the published folder it was made against (its device
//!   and inode, those of the tree the swap put in place) and the entries
//!   Gazette does not own there. A spare whose record is missing, damaged,
//!   of another format, made for a folder that was since replaced, or whose
//!   foreign entries are no longer the output's, is removed and the build
//!   starts from an empty tree, as without a spare.
//! - A file the spare shares with the published tree is one file under two
//!   names (a hard link): it is never written through. A build replaces a
//!   spare's entry by removing its name first and creating a new file.
//! - A file edited by hand in the published tree is edited in the spare
//!   too (the same file); a file replaced by hand is not. Either way the
//!   build compares what it renders with the published file, never with
//!   the spare's, and writes a new file when they differ; foreign files are
//!   compared by identity (device and inode) and linked again when they
//!   differ.
//!
//! Unix only: elsewhere the published folder has no inode to check, and
//! every build starts from an empty tree.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::io;
use std::path::Path;

use super::manifest::{self, Found, MANIFEST};

/// The spare tree's folder, in the work folder.
const SPARE: &str = "spare";
/// A spare being made (`make`), beside it.
const MAKING: &str = "spare.new";
/// Its record, beside it.
const RECORD: &str = "spare.record";
/// The record's first line: what it is, and its format's version.
const HEADER: &str = "# gazette spare 1: the tree the last build replaced, kept to be the next";

/// What a record says about a spare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The published folder it was made against (device, inode).
    pub published: (u64, u64),
    /// Paths where the spare's entry may differ from the published one.
    pub differs: BTreeSet<String>,
    /// The published folder's files and folders not Gazette's, then.
    pub foreign_files: BTreeSet<String>,
    /// See `foreign_files`.
    pub foreign_dirs: BTreeSet<String>,
}

impl Record {
    fn text(&self) -> String {
        let mut out = format!(
            "{HEADER}\npublished {} {}\n",
            self.published.0, self.published.1
        );
        for (mark, set) in [
            ('d', &self.differs),
            ('f', &self.foreign_files),
            ('g', &self.foreign_dirs),
        ] {
            for rel in set {
                out.push(mark);
                out.push(' ');
                out.push_str(rel);
                out.push('\n');
            }
        }
        out
    }

    fn parse(text: &str) -> Option<Record> {
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return None;
        }
        let mut stamp = lines.next()?.strip_prefix("published ")?.split(' ');
        let published = (stamp.next()?.parse().ok()?, stamp.next()?.parse().ok()?);
        let mut record = Record {
            published,
            differs: BTreeSet::new(),
            foreign_files: BTreeSet::new(),
            foreign_dirs: BTreeSet::new(),
        };
        for line in lines {
            let (mark, rel) = line.split_once(' ')?;
            if !super::is_safe_relative(rel) {
                return None;
            }
            let set = match mark {
                "d" => &mut record.differs,
                "f" => &mut record.foreign_files,
                "g" => &mut record.foreign_dirs,
                _ => return None,
            };
            set.insert(rel.to_string());
        }
        Some(record)
    }
}

/// A spare taken as a build's new tree: what it holds.
#[derive(Debug)]
pub struct Taken {
    /// The files Gazette published in it (its manifest).
    pub owned: HashSet<String>,
    /// Paths where its entry may differ from the published one.
    pub differs: HashSet<String>,
}

impl Taken {
    /// Whether the tree's entry at `rel`, a file Gazette owns in the
    /// published tree, may not be that file.
    pub fn may_differ(&self, rel: &str) -> bool {
        !self.owned.contains(rel) || self.differs.contains(rel)
    }
}

/// The identity of the folder at `path`, where the system has one.
pub fn identity(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::symlink_metadata(path)
            .ok()
            .filter(fs::Metadata::is_dir)
            .map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Moves the spare of the work folder `work` to `stage` when it can be
/// trusted as the tree of `output` (as `found` describes it), and says what
/// it holds; otherwise removes it (if any) and returns `None`. Called with
/// the work folder's lock held and no `stage`.
pub fn take(work: &Path, output: &Path, found: &Found, stage: &Path) -> Option<Taken> {
    let record = fs::read_to_string(work.join(RECORD))
        .ok()
        .and_then(|t| Record::parse(&t));
    // From here the spare is the build's, or gone: a build killed before
    // the rename leaves a spare with no record, which the next one removes.
    let _ = fs::remove_file(work.join(RECORD));
    let spare = work.join(SPARE);
    let usable = record.filter(|r| {
        identity(output) == Some(r.published)
            && found.manifest.is_some()
            && r.foreign_files == found.foreign_files
            && r.foreign_dirs == found.foreign_dirs
    });
    let owned = usable.as_ref().and_then(|_| {
        let text = fs::read_to_string(spare.join(MANIFEST)).ok()?;
        manifest::parse(&text)
    });
    match (usable, owned) {
        (Some(record), Some(owned)) if fs::rename(&spare, stage).is_ok() => Some(Taken {
            owned: owned.into_iter().collect(),
            differs: record.differs.into_iter().collect(),
        }),
        _ => {
            discard(work);
            None
        }
    }
}

/// Removes the work folder's spare and its record.
pub fn discard(work: &Path) {
    let _ = fs::remove_file(work.join(RECORD));
    for name in [SPARE, MAKING] {
        let tree = work.join(name);
        if fs::symlink_metadata(&tree).is_ok() {
            let _ = super::swap::remove_tree(&tree);
        }
    }
}

/// Keeps the tree at `tree` as the work folder's spare, described by
/// `record`. On any failure the tree is removed: the next build then
/// starts from an empty tree.
pub fn keep(work: &Path, tree: &Path, record: &Record) {
    if record_and_move(work, tree, record).is_err() {
        discard(work);
        let _ = super::swap::remove_tree(tree);
    }
}

fn record_and_move(work: &Path, tree: &Path, record: &Record) -> io::Result<()> {
    let _ = fs::remove_file(work.join(RECORD));
    let spare = work.join(SPARE);
    if fs::symlink_metadata(&spare).is_ok() {
        super::swap::remove_tree(&spare)?;
    }
    fs::rename(tree, work.join(SPARE))?;
    // The work folder may sit in a site's git repository, beside an
    // output folder of any name: it keeps itself out of git's view.
    fs::write(work.join(".gitignore"), "*\n")?;
    let temporary = work.join(format!("{RECORD}.new"));
    fs::write(&temporary, record.text())?;
    fs::rename(&temporary, work.join(RECORD))
}

/// Makes a spare that shares every file of the published tree `output`
/// (when a rebuild changed nothing and there was no spare yet): its
/// folders made, its files linked. `files` are the tree's
/// files (its manifest included), `dirs` its folders that hold none.
/// Without hard links there is no spare: copying the site would cost more
/// than the next build saves.
pub fn make(work: &Path, output: &Path, files: &[&str], dirs: &[&str], record: &Record) {
    use rayon::prelude::*;
    let tree = work.join(MAKING);
    let made = (|| -> io::Result<()> {
        if fs::symlink_metadata(&tree).is_ok() {
            super::swap::remove_tree(&tree)?;
        }
        fs::create_dir(&tree)?;
        let mut folders: BTreeSet<&str> = dirs.iter().copied().collect();
        for rel in files {
            let mut rest = *rel;
            while let Some((parent, _)) = rest.rsplit_once('/') {
                if !folders.insert(parent) {
                    break;
                }
                rest = parent;
            }
        }
        // Folder by depth, each depth side by side: parents first.
        let mut by_depth: Vec<Vec<&str>> = Vec::new();
        for dir in folders {
            let depth = dir.matches('/').count();
            if by_depth.len() <= depth {
                by_depth.resize_with(depth + 1, Vec::new);
            }
            by_depth[depth].push(dir);
        }
        for level in &by_depth {
            level
                .par_iter()
                .try_for_each(|dir| fs::create_dir(tree.join(dir)))?;
        }
        files
            .par_iter()
            .try_for_each(|rel| fs::hard_link(output.join(rel), tree.join(rel)))
    })();
    match made {
        Ok(()) => keep(work, &tree, record),
        Err(_) => {
            let _ = super::swap::remove_tree(&tree);
        }
    }
}

/// Clears the way for a new entry at `path` in a spare taken as the new
/// tree: removes what stands there (a file or link, or a folder of the
/// old tree), so that a new file is created, never one shared with the
/// published tree written through.
pub fn clear(path: &Path) -> io::Result<()> {
    retrying(path, || clear_once(path))
}

fn clear_once(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => super::swap::remove_tree(path),
        Ok(_) => match fs::remove_file(path) {
            Err(e) if gone(&e) => Ok(()),
            other => other,
        },
        Err(e) if gone(&e) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Whether `e` says there is nothing at a path: no entry, or a file where
/// a folder above it was.
fn gone(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
    )
}

/// Runs `op` on `path` of a spare taken as the new tree; if the system
/// refuses, lets the owner write into the nearest folder above `path` and
/// runs it again. (A folder someone made read-only in the published tree
/// is read-only in the spare it becomes; a tree made from nothing has none.)
pub fn retrying<T>(path: &Path, op: impl Fn() -> io::Result<T>) -> io::Result<T> {
    match op() {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            if let Some(dir) = path
                .ancestors()
                .skip(1)
                .find(|dir| fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()))
            {
                writable(dir);
            }
            op()
        }
        other => other,
    }
}

/// Removes the file at `rel` of a spare taken as the new tree at `stage`,
/// then the folders above it that this left empty.
pub fn remove(stage: &Path, rel: &str) -> io::Result<()> {
    clear(&stage.join(rel))?;
    let mut rest = rel;
    while let Some((parent, _)) = rest.rsplit_once('/') {
        let dir = stage.join(parent);
        if retrying(&dir, || fs::remove_dir(&dir)).is_err() {
            break;
        }
        rest = parent;
    }
    Ok(())
}

/// Lets the owner write into the folder at `path` (a folder of a kept tree
/// that was read-only in the published one); its permissions are set again
/// from the published folder at commit.
pub fn writable(path: &Path) {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return;
    };
    let mut permissions = meta.permissions();
    #[cfg(unix)]
    let writable = {
        use std::os::unix::fs::PermissionsExt;
        permissions.mode() & 0o700 == 0o700
    };
    #[cfg(not(unix))]
    let writable = !permissions.readonly();
    if meta.is_dir() && !writable {
        super::swap::owner_may_write(&mut permissions);
        let _ = fs::set_permissions(path, permissions);
    }
}

/// Whether `a` and `b` are the same file (device and inode); `false` when
/// either is missing or the system cannot say.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_record_reads_back_as_written() {
        let record = Record {
            published: (2049, 77),
            differs: set(&["index.html", "a b/index.html"]),
            foreign_files: set(&["CNAME"]),
            foreign_dirs: set(&["docs vides"]),
        };
        assert_eq!(Record::parse(&record.text()), Some(record));
    }

    #[test]
    fn a_damaged_record_is_not_read() {
        let record = Record {
            published: (1, 2),
            differs: set(&["index.html"]),
            foreign_files: BTreeSet::new(),
            foreign_dirs: BTreeSet::new(),
        };
        let text = record.text();
        assert_eq!(
            Record::parse(&text.replace("gazette spare 1", "gazette spare 0")),
            None
        );
        assert_eq!(
            Record::parse(&text.replace("published 1 2", "published 1")),
            None
        );
        assert_eq!(Record::parse(&text.replace("d index", "x index")), None);
        assert_eq!(
            Record::parse(&text.replace("d index.html", "d ../index.html")),
            None
        );
        assert_eq!(Record::parse(&text[..HEADER.len()]), None);
    }

    #[test]
    fn a_spare_made_for_another_folder_is_removed() {
        let tmp = tempfile::tempdir().expect("temp");
        let (work, out, stage) = (
            tmp.path().join(".out.gazette"),
            tmp.path().join("out"),
            tmp.path().join(".out.gazette/stage"),
        );
        fs::create_dir_all(work.join(SPARE)).expect("mkdir");
        fs::create_dir_all(&out).expect("mkdir");
        fs::write(out.join(MANIFEST), manifest::text(std::iter::empty())).expect("write");
        fs::write(
            work.join(SPARE).join(MANIFEST),
            manifest::text(std::iter::empty()),
        )
        .expect("write");
        let found = manifest::inspect(&out).expect("inspect");
        let mut record = Record {
            published: identity(&out).expect("a unix folder"),
            differs: BTreeSet::new(),
            foreign_files: BTreeSet::new(),
            foreign_dirs: BTreeSet::new(),
        };
        record.published.1 += 1;
        fs::write(work.join(RECORD), record.text()).expect("write");
        assert!(take(&work, &out, &found, &stage).is_none());
        assert!(!work.join(SPARE).exists() && !work.join(RECORD).exists());
        assert!(!stage.exists());

        // The same spare, recorded for this folder, is taken.
        fs::create_dir_all(work.join(SPARE)).expect("mkdir");
        fs::write(
            work.join(SPARE).join(MANIFEST),
            manifest::text(["a.html"].into_iter()),
        )
        .expect("write");
        record.published.1 -= 1;
        fs::write(work.join(RECORD), record.text()).expect("write");
        let taken = take(&work, &out, &found, &stage).expect("taken");
        assert!(stage.join(MANIFEST).is_file());
        assert!(!taken.may_differ("a.html") && taken.may_differ("b.html"));
    }
}
