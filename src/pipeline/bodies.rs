//! The build cache's rendered article bodies (`.gazette-cache/bodies/`):
//! the Markdown of each article's body as rendered by the last build, so
//! that a rebuild renders only the bodies that changed.
//!
//! Why it is shaped so:
//!
//! - **Rendering a body is most of loading an article** (Markdown, French
//!   typography, syntax highlighting): at 10,000 articles, reading them all
//!   again for a one-article rebuild took about 0.8 s of a 2 s rebuild.
//!   A body's entry is its own, not the article's: a body keeps positions
//!   in its file that the front matter decides, and the blocks, cheap,
//!   are rendered each time.
//! - **An entry per body, named by a hash of what it is rendered from**
//!   (`content::markdown::render_key`: the text, where it is in its file,
//!   the options) and of the Gazette that rendered it ([`BUILD`]): an
//!   entry found by its name is the body this build would render.
//! - **Each entry proves itself**: a first line naming the format, the
//!   body in postcard's binary form, and a hash of every byte before it. An
//!   entry cut short, edited by hand or copied from elsewhere is ignored
//!   with a warning (`body-cache-ignored`), and the body rendered again:
//!   the cache is never trusted over the sources. A folder stamped by
//!   another Gazette is ignored whole, with one warning.
//! - **Written by the build that published, once it has**: a build that
//!   fails leaves nothing beside the sources but what was there. Each
//!   entry is written beside its place and renamed into it, so a reader
//!   never sees half of one; the entries the build did not use are pruned,
//!   so the folder holds one site's bodies.
//! - **The headers too, in one file**: each article's front matter read
//!   without a mistake, as JSON, under a hash of its YAML text, all in
//!   `front-matter` (one file read instead of 10,000 small ones; JSON that
//!   reads back exactly as the YAML did, or nothing, see
//!   `content::front_matter::parse_article_cached`). Reading YAML was a
//!   tenth of a one-article rebuild's CPU at 10,000 articles. The file
//!   proves itself as an entry does, and holds only the headers of the
//!   last build that published.
//! - **Never needed**: a cache that cannot be read or written costs only
//!   time.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use crate::content::front_matter::FrontMatterCache;
use crate::content::markdown::{RenderCache, Rendered};
use crate::diagnostics::{Code, Diagnostic};
use crate::language::Language;
use crate::messages::t;
use crate::render::keys::BUILD;

/// The cache's folder, relative to the site's root.
pub const CACHE_DIR: &str = ".gazette-cache/bodies";

/// The stamp naming the Gazette that wrote the folder.
const STAMP: &str = "version";

/// The first line of every entry.
const FORMAT: &[u8] = b"gazette body 2\n";

/// The file of the headers read, in the folder.
const FRONT_MATTER: &str = "front-matter";

/// Its first line.
const FRONT_MATTER_FORMAT: &[u8] = b"gazette front matter 1\n";

/// One build's use of the folder.
pub struct Bodies {
    dir: PathBuf,
    /// Whether the entries may be read (the stamp is this Gazette's, or
    /// there is none).
    trusted: bool,
    /// The stamp another Gazette left, when it did.
    other_version: Option<String>,
    /// Whether the stamp is to be written before the first entry.
    stamp_missing: Mutex<bool>,
    /// The entries this build read or wrote.
    used: Mutex<HashSet<u128>>,
    /// Entries found damaged.
    damaged: AtomicUsize,
    /// The entries rendered by this build, to be written ([`Bodies::save`]).
    pending: Mutex<Vec<(u128, Vec<u8>)>>,
    /// The headers of the last build, read at their first use.
    fronts: OnceLock<HashMap<u128, String>>,
    /// The headers this build read or added.
    fronts_used: Mutex<HashSet<u128>>,
    /// The headers this build read from their YAML, to be written.
    fronts_new: Mutex<Vec<(u128, String)>>,
    /// Whether the headers file was found damaged.
    fronts_damaged: std::sync::atomic::AtomicBool,
}

impl Bodies {
    /// The cache of the site at `root` (made when first written).
    pub fn open(root: &Path) -> Bodies {
        let dir = root.join(CACHE_DIR);
        let stamp = std::fs::read_to_string(dir.join(STAMP)).ok();
        let other_version = stamp.as_ref().filter(|s| s.as_str() != BUILD).cloned();
        Bodies {
            trusted: other_version.is_none(),
            stamp_missing: Mutex::new(stamp.as_deref() != Some(BUILD)),
            other_version,
            dir,
            used: Mutex::new(HashSet::new()),
            damaged: AtomicUsize::new(0),
            pending: Mutex::new(Vec::new()),
            fronts: OnceLock::new(),
            fronts_used: Mutex::new(HashSet::new()),
            fronts_new: Mutex::new(Vec::new()),
            fronts_damaged: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// The headers the last build kept (none when the folder is not
    /// trusted; none, and a warning, when the file is not whole).
    fn fronts(&self) -> &HashMap<u128, String> {
        self.fronts.get_or_init(|| {
            if !self.trusted {
                return HashMap::new();
            }
            let Ok(bytes) = std::fs::read(self.dir.join(FRONT_MATTER)) else {
                return HashMap::new();
            };
            match read_fronts(&bytes) {
                Some(list) => list.into_iter().collect(),
                None => {
                    self.fronts_damaged.store(true, Ordering::Relaxed);
                    HashMap::new()
                }
            }
        })
    }

    /// Writes the headers file again if this build did not use exactly
    /// the headers it holds.
    fn save_fronts(&self) {
        let new = std::mem::take(&mut *lock(&self.fronts_new));
        let used = lock(&self.fronts_used);
        let Some(kept) = self.fronts.get() else {
            return;
        };
        if new.is_empty() && kept.len() == used.len() {
            return;
        }
        let mut list: Vec<(u128, &str)> = kept
            .iter()
            .filter(|(key, _)| used.contains(*key))
            .map(|(key, json)| (*key, json.as_str()))
            .chain(new.iter().map(|(key, json)| (*key, json.as_str())))
            .collect();
        list.sort_unstable_by_key(|(key, _)| *key);
        list.dedup_by_key(|(key, _)| *key);
        let Some(bytes) = fronts_file(&list) else {
            return;
        };
        let fresh = self.dir.join(format!("{FRONT_MATTER}.new"));
        let written = std::fs::write(&fresh, bytes)
            .and_then(|()| std::fs::rename(&fresh, self.dir.join(FRONT_MATTER)));
        if written.is_err() {
            let _ = std::fs::remove_file(&fresh);
        }
    }

    fn path(&self, key: u128) -> PathBuf {
        self.dir.join(format!("{key:032x}"))
    }

    /// Writes the bodies this build rendered, then removes every entry it
    /// did not use: after a build that published, which loaded every
    /// article.
    pub fn save(&self) {
        use rayon::prelude::*;
        let pending = std::mem::take(&mut *lock(&self.pending));
        let fronts_new = !lock(&self.fronts_new).is_empty();
        if (!pending.is_empty() || fronts_new) && self.stamp().is_err() {
            return;
        }
        self.save_fronts();
        pending.par_iter().for_each(|(key, bytes)| {
            let fresh = self.dir.join(format!("{key:032x}.new"));
            let written = std::fs::write(&fresh, bytes)
                .and_then(|()| std::fs::rename(&fresh, self.path(*key)));
            if written.is_err() {
                let _ = std::fs::remove_file(&fresh);
            }
        });
        self.prune();
    }

    /// Removes every entry this build did not use (only names an entry
    /// can have).
    fn prune(&self) {
        let used = lock(&self.used);
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                continue;
            };
            let stale = name.len() == 32
                && u128::from_str_radix(name, 16).is_ok_and(|key| !used.contains(&key));
            if stale {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// What was found and not used, as warnings in the site's language.
    pub fn warnings(&self, lang: Language) -> Vec<Diagnostic> {
        let mut found = Vec::new();
        if let Some(other) = &self.other_version {
            found.push(
                Diagnostic::warning(
                    Code::BodyCacheIgnored,
                    t!(lang, "body-cache-other-version", found = other.trim()),
                )
                .in_file(Path::new(CACHE_DIR).join(STAMP))
                .with_help(t!(lang, "body-cache-help")),
            );
        }
        let damaged = self.damaged.load(Ordering::Relaxed);
        if damaged > 0 {
            found.push(
                Diagnostic::warning(
                    Code::BodyCacheIgnored,
                    t!(lang, "body-cache-damaged", count = damaged),
                )
                .in_file(Path::new(CACHE_DIR))
                .with_help(t!(lang, "body-cache-help")),
            );
        }
        if self.fronts_damaged.load(Ordering::Relaxed) {
            found.push(
                Diagnostic::warning(
                    Code::BodyCacheIgnored,
                    t!(lang, "body-cache-front-matter-damaged"),
                )
                .in_file(Path::new(CACHE_DIR).join(FRONT_MATTER))
                .with_help(t!(lang, "body-cache-help")),
            );
        }
        found
    }

    /// Writes the folder's stamp once, before the first entry.
    fn stamp(&self) -> std::io::Result<()> {
        let mut missing = lock(&self.stamp_missing);
        if *missing {
            std::fs::create_dir_all(&self.dir)?;
            std::fs::write(self.dir.join(STAMP), BUILD)?;
            *missing = false;
        }
        Ok(())
    }
}

/// An entry's bytes: the format's line, `rendered` in postcard's form, and
/// a hash of both.
fn entry(rendered: &Rendered) -> Option<Vec<u8>> {
    let mut bytes = postcard::to_extend(rendered, FORMAT.to_vec()).ok()?;
    let sum = checksum(&bytes);
    bytes.extend_from_slice(&sum.to_le_bytes());
    Some(bytes)
}

impl RenderCache for Bodies {
    fn get(&self, key: u128) -> Option<Rendered> {
        if !self.trusted {
            return None;
        }
        let bytes = std::fs::read(self.path(key)).ok()?;
        match read_entry(&bytes) {
            Some(rendered) => {
                lock(&self.used).insert(key);
                Some(rendered)
            }
            None => {
                self.damaged.fetch_add(1, Ordering::Relaxed);
                None
            }
        }
    }

    fn put(&self, key: u128, rendered: &Rendered) {
        if lock(&self.used).insert(key)
            && let Some(bytes) = entry(rendered)
        {
            lock(&self.pending).push((key, bytes));
        }
    }
}

impl FrontMatterCache for Bodies {
    fn get(&self, key: u128) -> Option<&str> {
        let json = self.fronts().get(&key)?;
        lock(&self.fronts_used).insert(key);
        Some(json)
    }

    fn put(&self, key: u128, json: String) {
        // Read once, so that the file is rewritten only when it changed.
        self.fronts();
        if lock(&self.fronts_used).insert(key) {
            lock(&self.fronts_new).push((key, json));
        }
    }
}

/// The headers file's bytes: its format's line, `list` in postcard's form,
/// and a hash of both.
fn fronts_file(list: &[(u128, &str)]) -> Option<Vec<u8>> {
    let mut bytes = postcard::to_extend(list, FRONT_MATTER_FORMAT.to_vec()).ok()?;
    let sum = checksum(&bytes);
    bytes.extend_from_slice(&sum.to_le_bytes());
    Some(bytes)
}

/// The headers a headers file holds, if it is whole and unchanged.
fn read_fronts(bytes: &[u8]) -> Option<Vec<(u128, String)>> {
    let body_end = bytes.len().checked_sub(16)?;
    let (body, sum) = bytes.split_at(body_end);
    if !body.starts_with(FRONT_MATTER_FORMAT) || checksum(body).to_le_bytes() != sum {
        return None;
    }
    postcard::from_bytes(&body[FRONT_MATTER_FORMAT.len()..]).ok()
}

/// The body an entry holds, if it is whole and unchanged.
fn read_entry(bytes: &[u8]) -> Option<Rendered> {
    let body_end = bytes.len().checked_sub(16)?;
    let (body, sum) = bytes.split_at(body_end);
    if !body.starts_with(FORMAT) || checksum(body).to_le_bytes() != sum {
        return None;
    }
    postcard::from_bytes(&body[FORMAT.len()..]).ok()
}

/// A hash of `bytes`, as an entry ends with it.
fn checksum(bytes: &[u8]) -> u128 {
    crate::digest::of(bytes)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_reads_back_only_whole_and_unchanged() {
        let rendered = crate::content::markdown::Rendered {
            first_paragraph_text: Some("Un texte".to_string()),
            words: 2,
            ..Default::default()
        };
        let bytes = entry(&rendered).unwrap();
        assert_eq!(read_entry(&bytes), Some(rendered));
        for cut in 0..bytes.len() {
            assert_eq!(read_entry(&bytes[..cut]), None, "cut at {cut}");
        }
        for at in 0..bytes.len() {
            let mut changed = bytes.clone();
            changed[at] ^= 0x20;
            assert_eq!(read_entry(&changed), None, "byte {at} changed");
        }
    }
}
