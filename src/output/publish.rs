//! One build's publication: the new tree prepared beside the output folder,
//! then swapped in whole.
//!
//! The new tree starts empty, or as the tree the last build replaced
//! (`spare`), which holds every file but those that build changed.
//! Files are handed over one by one, from rayon's threads, as they are
//! rendered, so a build never holds the whole site in memory. A file whose
//! bytes the published tree already holds is noted, not written; any other
//! is written into the new tree at once. At commit the unchanged files the
//! new tree does not hold yet are
//! hard-linked into it (no copy, same modification time), the
//! files Gazette does not own are carried over the same way, the manifest is
//! written, and the new tree replaces the old one in one rename (`swap`).
//! Until that rename the published folder is exactly as it was; after it,
//! it is exactly the new site. A rebuild that changes nothing swaps nothing
//! and leaves the output folder untouched.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use super::lock::{self, Lock};
use super::manifest::{self, Found, MANIFEST, Refusal};
use super::{Content, PublishError, spare, swap};

/// What a write did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WriteStats {
    /// Files created or changed.
    pub written: usize,
    /// Files already up to date.
    pub unchanged: usize,
    /// Files of the previous build no longer produced, removed.
    pub removed: usize,
    /// HTML files the output now holds (pages).
    pub html: usize,
    /// Files not Gazette's, carried over from the previous tree.
    pub kept: usize,
}

/// What a build may do to an output folder it did not make.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// `--take-over`: publish into a non-empty folder that has no manifest,
    /// keeping what it holds.
    pub take_over: bool,
    /// `--clean` (with `--take-over`): delete everything Gazette does not
    /// own in it.
    pub clean: bool,
}

/// A path a file was handed for: who claimed it last, and what was done.
struct Claim {
    order: usize,
    /// Written into the new tree, or already published with these bytes.
    written: bool,
}

/// A publication in progress; see the module's documentation.
pub struct Publication {
    /// The output folder, absolute and resolved.
    output: PathBuf,
    /// What copied files are relative to.
    root: PathBuf,
    /// The work folder: the lock, the new tree, the spare (`spare`).
    work: PathBuf,
    /// The new tree, in the work folder.
    stage: PathBuf,
    /// Where a tree is set aside when it cannot be exchanged.
    aside: PathBuf,
    found: Found,
    clean: bool,
    claims: Mutex<HashMap<String, Claim>>,
    /// Folders made in the new tree so far.
    dirs: Mutex<HashSet<String>>,
    /// Paths where a file not Gazette's stands in the way.
    foreign_hits: Mutex<BTreeSet<String>>,
    /// Folders this publication created above the work folder.
    created: Vec<PathBuf>,
    lock: Option<Lock>,
    /// The new tree is the tree the last build replaced (`spare`): what
    /// it holds.
    reuse: Option<spare::Taken>,
    /// Paths of that tree written over or emptied by this build.
    touched: Mutex<HashSet<String>>,
}

impl Publication {
    /// Opens `output` for a build: checks that it may be written under
    /// `policy`, takes its lock (calling `waiting` if another build holds
    /// it), and puts back what a killed build left.
    pub fn open(
        output: &Path,
        root: &Path,
        policy: Policy,
        waiting: &dyn Fn(),
    ) -> Result<Publication, PublishError> {
        let output = super::guard::absolute(output);
        let work = lock::work_dir(&output);
        let created: Vec<PathBuf> = work
            .ancestors()
            .skip(1)
            .take_while(|p| !p.as_os_str().is_empty() && fs::symlink_metadata(p).is_err())
            .map(Path::to_path_buf)
            .collect();
        let io = |e: io::Error, path: &Path| PublishError::Io {
            path: path.to_path_buf(),
            error: e,
        };
        let lock = Lock::acquire(&work, waiting).map_err(|e| io(e, &work))?;
        let mut publication = Publication {
            stage: work.join("stage"),
            aside: work.join("previous"),
            work,
            output,
            root: root.to_path_buf(),
            found: Found::default(),
            clean: policy.clean,
            claims: Mutex::new(HashMap::new()),
            dirs: Mutex::new(HashSet::new()),
            foreign_hits: Mutex::new(BTreeSet::new()),
            created,
            lock: Some(lock),
            reuse: None,
            touched: Mutex::new(HashSet::new()),
        };
        publication.prepare(policy)?;
        Ok(publication)
    }

    /// Recovery, ownership and a fresh new tree (see [`Publication::open`]).
    fn prepare(&mut self, policy: Policy) -> Result<(), PublishError> {
        let io = |e: io::Error, path: &Path| PublishError::Io {
            path: path.to_path_buf(),
            error: e,
        };
        swap::recover(&self.output, &self.aside).map_err(|e| io(e, &self.aside))?;
        if fs::symlink_metadata(&self.stage).is_ok() {
            swap::remove_tree(&self.stage).map_err(|e| io(e, &self.stage))?;
        }
        self.found = match manifest::inspect(&self.output) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotADirectory => {
                return Err(PublishError::Refused(Refusal::NotAFolder));
            }
            Err(e) => return Err(io(e, &self.output)),
        };
        if self.found.exists && manifest::is_mount_point(&self.output) {
            return Err(PublishError::Refused(Refusal::MountPoint));
        }
        if self.found.manifest.is_none() && !self.found.is_empty() && !policy.take_over {
            return Err(PublishError::Refused(Refusal::NotOwned {
                sample: manifest::sample(&self.found),
            }));
        }
        self.reuse = if policy.clean {
            spare::discard(&self.work);
            None
        } else {
            spare::take(&self.work, &self.output, &self.found, &self.stage)
        };
        if self.reuse.is_some() {
            // Folders made read-only in the published tree (the spare's root,
            // foreign folders) are filled, then given their permissions back
            // at commit, as in a tree made from nothing.
            spare::writable(&self.stage);
            for dir in &self.found.foreign_dirs {
                spare::writable(&self.stage.join(dir));
            }
        } else {
            fs::create_dir(&self.stage).map_err(|e| io(e, &self.stage))?;
        }
        Ok(())
    }

    /// Hands over the file at `rel`. When two files claim one path, the one
    /// with the higher `order` is kept. Paths that would leave the output
    /// folder are ignored.
    pub fn put(&self, order: usize, rel: &str, content: &Content) -> Result<(), PublishError> {
        self.put_io(order, rel, content)
            .map_err(|error| PublishError::Io {
                path: self.stage.join(rel),
                error,
            })
    }

    fn put_io(&self, order: usize, rel: &str, content: &Content) -> io::Result<()> {
        if !super::is_safe_relative(rel) {
            return Ok(());
        }
        if self.blocked_by_foreign(rel) {
            self.foreign_hits
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(rel.to_string());
            return Ok(());
        }
        let unchanged = self.found.owned.contains(rel)
            && same_content(&self.output.join(rel), content, &self.root);
        let earlier_written = {
            let mut claims = self.claims.lock().unwrap_or_else(|p| p.into_inner());
            match claims.get(rel) {
                Some(c) if c.order > order => return Ok(()),
                _ => {}
            }
            claims
                .insert(
                    rel.to_string(),
                    Claim {
                        order,
                        written: !unchanged,
                    },
                )
                .is_some_and(|c| c.written)
        };
        let target = self.stage.join(rel);
        if self.reuse.is_some() && (earlier_written || !unchanged) {
            self.touched
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(rel.to_string());
            // A new file, never one shared with the published tree.
            spare::clear(&target)?;
        }
        if unchanged {
            if earlier_written && self.reuse.is_none() {
                fs::remove_file(&target)?;
            }
            return Ok(());
        }
        self.make_parent(rel)?;
        if self.reuse.is_some() {
            spare::retrying(&target, || write_content(&target, content, &self.root))
        } else {
            write_content(&target, content, &self.root)
        }
    }

    /// The output folder, absolute and resolved.
    pub fn output(&self) -> &Path {
        &self.output
    }

    /// Claims the published file at `rel` as this build's, unchanged,
    /// without being handed its bytes: a page the build cache knows this
    /// build would render the same. `false` when the file cannot be kept so
    /// (not Gazette's, in a foreign file's way, or already claimed): the
    /// page must then be rendered and handed over with [`Publication::put`].
    pub fn keep(&self, order: usize, rel: &str) -> bool {
        if !super::is_safe_relative(rel)
            || !self.found.owned.contains(rel)
            || self.blocked_by_foreign(rel)
        {
            return false;
        }
        let mut claims = self.claims.lock().unwrap_or_else(|p| p.into_inner());
        if claims.contains_key(rel) {
            return false;
        }
        claims.insert(
            rel.to_string(),
            Claim {
                order,
                written: false,
            },
        );
        true
    }

    /// Whether a file not Gazette's stands at `rel` or at a folder above it,
    /// or a folder not Gazette's stands at `rel`.
    fn blocked_by_foreign(&self, rel: &str) -> bool {
        if self.clean || !self.found.has_foreign() {
            return false;
        }
        let f = &self.found;
        f.foreign_files.contains(rel)
            || f.foreign_dirs.contains(rel)
            || Path::new(rel)
                .ancestors()
                .skip(1)
                .filter(|p| !p.as_os_str().is_empty())
                .any(|p| f.foreign_files.contains(&crate::sources::to_slash(p)))
    }

    /// Makes the folder of `rel` in the new tree, once. (A path handed
    /// over is relative and `/`-separated: its folder is the text before
    /// its last `/`, looked up without making a path.)
    fn make_parent(&self, rel: &str) -> io::Result<()> {
        let Some((parent, _)) = rel.rsplit_once('/').filter(|(p, _)| !p.is_empty()) else {
            return Ok(());
        };
        if self
            .dirs
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(parent)
        {
            return Ok(());
        }
        if let Err(e) = fs::create_dir_all(self.stage.join(parent)) {
            if self.reuse.is_none() {
                return Err(e);
            }
            // The tree the last build replaced may hold a file where this
            // build needs a folder: a page it no longer publishes.
            let mut at = String::new();
            for part in parent.split('/') {
                if !at.is_empty() {
                    at.push('/');
                }
                at.push_str(part);
                let path = self.stage.join(&at);
                if fs::symlink_metadata(&path).is_ok_and(|m| !m.is_dir()) {
                    spare::clear(&path)?;
                }
            }
            let dir = self.stage.join(parent);
            spare::retrying(&dir, || fs::create_dir_all(&dir))?;
        }
        self.dirs
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(parent.to_string());
        Ok(())
    }

    /// Completes the new tree and puts it in place of the published one.
    pub fn commit(mut self) -> Result<WriteStats, PublishError> {
        let hits = std::mem::take(
            self.foreign_hits
                .get_mut()
                .unwrap_or_else(|p| p.into_inner()),
        );
        if !hits.is_empty() {
            return Err(PublishError::Foreign(hits.into_iter().collect()));
        }
        let claims = std::mem::take(self.claims.get_mut().unwrap_or_else(|p| p.into_inner()));
        let mut stats = WriteStats {
            html: claims.keys().filter(|r| r.ends_with(".html")).count(),
            ..WriteStats::default()
        };
        for claim in claims.values() {
            if claim.written {
                stats.written += 1;
            } else {
                stats.unchanged += 1;
            }
        }
        stats.removed = self
            .found
            .owned
            .iter()
            .filter(|r| !claims.contains_key(*r))
            .count();
        let dropped_foreign = self.clean && self.found.has_foreign();
        let same_manifest = self
            .found
            .manifest
            .as_ref()
            .is_some_and(|m| m.len() == claims.len() && claims.keys().all(|k| m.contains(k)));
        let touched = std::mem::take(self.touched.get_mut().unwrap_or_else(|p| p.into_inner()));
        if stats.written == 0 && stats.removed == 0 && !dropped_foreign && same_manifest {
            // Nothing changed: the published tree stays as it is, untouched.
            stats.kept = self.found.foreign_files.len();
            self.set_spare_aside(&claims, touched);
            self.finish();
            return Ok(stats);
        }
        let io = |e: io::Error, path: &Path| PublishError::Io {
            path: path.to_path_buf(),
            error: e,
        };
        self.complete(&claims, &touched)?;
        if !self.clean {
            stats.kept = self.carry_foreign()?;
        }
        let target = self.stage.join(MANIFEST);
        if self.reuse.is_some() {
            spare::clear(&target).map_err(|e| io(e, &target))?;
        }
        if same_manifest {
            // The same list: the same file, as for any unchanged file.
            link_or_copy(&self.output.join(MANIFEST), &target)
        } else {
            fs::write(&target, manifest::text(claims.keys().map(String::as_str)))
        }
        .map_err(|e| io(e, &target))?;
        if self.found.exists
            && let Ok(meta) = fs::metadata(&self.output)
        {
            let _ = fs::set_permissions(&self.stage, meta.permissions());
        }
        let old = swap::replace(&self.stage, &self.output, &self.aside)
            .map_err(|e| io(e, &self.output))?
            .to_path_buf();
        self.reuse = None;
        self.keep_spare(&old, &claims);
        self.created.clear();
        self.finish();
        Ok(stats)
    }

    /// Makes the new tree hold every unchanged file: links to the
    /// published ones where it does not hold them yet; from a kept tree,
    /// first removes what this build no longer publishes.
    fn complete(
        &mut self,
        claims: &HashMap<String, Claim>,
        touched: &HashSet<String>,
    ) -> Result<(), PublishError> {
        let io = |e: io::Error, path: &Path| PublishError::Io {
            path: path.to_path_buf(),
            error: e,
        };
        if let Some(taken) = &self.reuse {
            // What the kept tree holds that this build does not publish.
            taken
                .owned
                .par_iter()
                .filter(|rel| !claims.contains_key(*rel))
                .try_for_each(|rel| spare::remove(&self.stage, rel))
                .map_err(|e| io(e, &self.stage))?;
            // Folders it emptied are gone: each is made again when needed.
            self.dirs
                .get_mut()
                .unwrap_or_else(|p| p.into_inner())
                .clear();
        }
        // One link per unchanged file the new tree does not hold yet: a
        // system call each, on every core.
        claims
            .par_iter()
            .filter(|(rel, claim)| {
                !claim.written
                    && self
                        .reuse
                        .as_ref()
                        .is_none_or(|t| t.may_differ(rel) || touched.contains(*rel))
            })
            .try_for_each(|(rel, _)| {
                let target = self.stage.join(rel);
                if self.reuse.is_some() {
                    spare::clear(&target).map_err(|e| io(e, &target))?;
                }
                self.make_parent(rel).map_err(|e| io(e, &self.stage))?;
                let from = self.output.join(rel);
                spare::retrying(&target, || link_or_copy(&from, &target)).map_err(|e| io(e, &from))
            })?;
        Ok(())
    }

    /// After the swap: keeps the tree replaced, `old`, as the next build's
    /// new tree (`spare`), with where it differs from the new published
    /// one. A replaced tree Gazette did not make (a folder taken over) is
    /// removed. The first build into a folder replaces none and keeps
    /// none: a build in CI, into a new folder each time, would only pay
    /// for it.
    fn keep_spare(&self, old: &Path, claims: &HashMap<String, Claim>) {
        let replaced = fs::symlink_metadata(old).is_ok();
        let Some(mut record) = self.record().filter(|_| replaced) else {
            if replaced {
                let _ = swap::remove_tree(old);
            }
            return;
        };
        // A tree whose foreign files this build dropped (`--clean`) holds
        // what the new one does not: it is not kept.
        let dropped = self.clean && self.found.has_foreign();
        if replaced && self.found.manifest.is_some() && !dropped {
            // The old tree differs from the new one where this build wrote
            // a file, and where it removed one.
            record.differs = claims
                .iter()
                .filter(|(_, c)| c.written)
                .map(|(rel, _)| rel.clone())
                .chain(
                    self.found
                        .owned
                        .iter()
                        .filter(|rel| !claims.contains_key(*rel))
                        .cloned(),
                )
                .collect();
            spare::keep(&self.work, old, &record);
        } else if replaced {
            let _ = swap::remove_tree(old);
        }
    }

    /// When nothing changed: the new tree, if it is the spare taken, is
    /// the spare again; else a spare is made (once, on the first rebuild
    /// that changes nothing) by linking the published tree.
    fn set_spare_aside(&mut self, claims: &HashMap<String, Claim>, touched: HashSet<String>) {
        let Some(mut record) = self.record() else {
            return;
        };
        match self.reuse.take() {
            Some(taken) => {
                record.differs = taken.differs.into_iter().chain(touched).collect();
                spare::keep(&self.work, &self.stage, &record);
            }
            None if self.found.manifest.is_some() => self.make_spare(claims, &record),
            None => {}
        }
    }

    /// The spare's record for the published tree as this build leaves it,
    /// with no difference yet; `None` where the system cannot identify it.
    fn record(&self) -> Option<spare::Record> {
        let keep_foreign = !self.clean;
        Some(spare::Record {
            published: spare::identity(&self.output)?,
            differs: BTreeSet::new(),
            foreign_files: if keep_foreign {
                self.found.foreign_files.clone()
            } else {
                BTreeSet::new()
            },
            foreign_dirs: if keep_foreign {
                self.found.foreign_dirs.clone()
            } else {
                BTreeSet::new()
            },
        })
    }

    /// A spare that shares every file of the published tree.
    fn make_spare(&self, claims: &HashMap<String, Claim>, record: &spare::Record) {
        let files: Vec<&str> = claims
            .keys()
            .map(String::as_str)
            .chain(std::iter::once(MANIFEST))
            .chain(record.foreign_files.iter().map(String::as_str))
            .collect();
        let dirs: Vec<&str> = record.foreign_dirs.iter().map(String::as_str).collect();
        spare::make(&self.work, &self.output, &files, &dirs, record);
    }

    /// Hard-links the entries Gazette does not own into the new tree;
    /// returns how many files were carried.
    fn carry_foreign(&self) -> Result<usize, PublishError> {
        let f = &self.found;
        for dir in &f.foreign_dirs {
            let target = self.stage.join(dir);
            fs::create_dir_all(&target).map_err(|e| PublishError::Io {
                path: target.clone(),
                error: e,
            })?;
        }
        for rel in &f.foreign_files {
            let from = self.output.join(rel);
            let target = self.stage.join(rel);
            if self.reuse.is_some() {
                // The kept tree holds it already, unless it was replaced
                // in the published tree since.
                if spare::same_file(&from, &target) {
                    continue;
                }
                spare::clear(&target).map_err(|e| PublishError::Io {
                    path: target.clone(),
                    error: e,
                })?;
            }
            self.make_parent(rel).map_err(|e| PublishError::Io {
                path: self.stage.clone(),
                error: e,
            })?;
            carry(&from, &target).map_err(|e| PublishError::Io {
                path: from,
                error: e,
            })?;
        }
        // Their permissions last: a read-only folder is filled first.
        for dir in &f.foreign_dirs {
            if let Ok(meta) = fs::metadata(self.output.join(dir)) {
                let _ = fs::set_permissions(self.stage.join(dir), meta.permissions());
            }
        }
        Ok(f.foreign_files.len())
    }

    /// Removes the new tree (if still there) and the work folder, and lets
    /// the next build in.
    fn finish(&mut self) {
        let _ = swap::remove_tree(&self.stage);
        if let Some(lock) = self.lock.take() {
            lock.release();
        }
        // Deepest first; a folder something else filled meanwhile stays.
        for dir in &self.created {
            let _ = fs::remove_dir(dir);
        }
    }

    /// Gives up: the published tree stays exactly as it was.
    pub fn abort(mut self) {
        self.finish();
    }
}

impl Drop for Publication {
    fn drop(&mut self) {
        self.finish();
    }
}

/// Whether the file at `target` already holds `content`.
fn same_content(target: &Path, content: &Content, root: &Path) -> bool {
    let Ok(meta) = fs::symlink_metadata(target) else {
        return false;
    };
    if !meta.is_file() {
        return false;
    }
    let len = meta.len();
    match content {
        Content::Bytes(bytes) => {
            len == bytes.len() as u64 && fs::read(target).is_ok_and(|b| b == *bytes)
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

/// Writes `content` at `path`.
fn write_content(path: &Path, content: &Content, root: &Path) -> io::Result<()> {
    match content {
        Content::Bytes(bytes) => fs::write(path, bytes),
        Content::Copy(src) => fs::copy(root.join(src), path).map(|_| ()),
    }
}

/// A second name for the file `from` at `to`, or a copy where the file
/// system has no hard links.
fn link_or_copy(from: &Path, to: &Path) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => Ok(()),
        Err(_) => fs::copy(from, to).map(|_| ()),
    }
}

/// Carries a foreign entry into the new tree: a file by a hard link (a
/// copy where there are none), a symbolic link as a link to the same
/// target. Anything else (a pipe, a socket, a device) cannot be carried.
fn carry(from: &Path, to: &Path) -> io::Result<()> {
    let meta = fs::symlink_metadata(from)?;
    if meta.file_type().is_symlink() {
        let target = fs::read_link(from)?;
        #[cfg(unix)]
        return std::os::unix::fs::symlink(target, to);
        #[cfg(not(unix))]
        return fs::copy(from, to).map(|_| ()).map(|()| drop(target));
    }
    if meta.is_file() {
        return link_or_copy(from, to);
    }
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "neither a file nor a link",
    ))
}
