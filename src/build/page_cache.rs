//! The build cache's record of the pages a build published, so that the
//! next build renders only the pages whose inputs changed.
//!
//! Why it is shaped so:
//!
//! - **A key per page, not the page.** The published output already holds
//!   every page; what a rebuild lacks is the knowledge that a page would
//!   come out the same. `.gazette-cache/pages/index` lists, for each page a
//!   build published, its key (`render::keys`: a hash of everything the
//!   page is made from), and a page whose key is the same is taken as
//!   published (`output::Publication::keep`), not rendered.
//! - **The published file must be the one recorded**: its size and
//!   modification time are in the record, and a file edited, replaced or
//!   removed since (by hand, by another tool) is rendered again. A
//!   published file that stays is hard-linked into the new tree, so its
//!   time is kept.
//! - **The search index's key of each article page** is in the record too
//!   (`search::cache::page_key`, a hash of the page as pagefind reads it):
//!   a part of the index is named by its pages' keys, so a rebuild finds
//!   its parts without the pages' text, and reads a page kept from the last
//!   build again only when the search cache has lost its record.
//! - **The index's files too**, each under its part's key and folder
//!   ([`part_key`]): a part whose pages did not change is kept as
//!   published, file by file, without reading its entry in the search
//!   cache (about 9 MB a part at 10,000 articles).
//! - **One file that proves itself**, as the search cache's entries: a
//!   header naming the format, the Gazette that wrote it (`keys::BUILD`,
//!   which changes with its code) and the output folder it describes, then
//!   one line per page, then an end line with a hash of every byte before
//!   it. A file without its end line was cut short; one whose hash differs
//!   was edited; one of another Gazette is not ours to trust. Each is
//!   ignored with a warning (`page-cache-ignored`), and every page is
//!   rendered. A record of another output folder is simply not used.
//! - **Written after the new tree is in place**, beside its place and
//!   renamed into it: a failed build publishes nothing and leaves the
//!   record of what is still published.
//! - **Never needed.** A record that cannot be read or written costs only
//!   time: every page is rendered, as without a cache.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

use rayon::prelude::*;

use crate::diagnostics::{Code, Diagnostic};
use crate::language::Language;
use crate::messages::t;
use crate::render::keys::{BUILD, Key};

/// The record's folder, relative to the site's root (beside the search
/// index's and the photos' caches).
pub const CACHE_DIR: &str = ".gazette-cache/pages";

/// The record, in [`CACHE_DIR`].
const FILE: &str = "index";

/// The record's first line.
const FORMAT: &str = "gazette page cache 2";

/// A published page as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    key: Key,
    size: u64,
    /// Its modification time, in nanoseconds since 1970.
    modified: u128,
    /// For an article page of a site with search, its key in the search
    /// index's cache.
    search: Option<String>,
}

/// Why the record was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ignored {
    /// Written by another Gazette (the one it names).
    OtherVersion(String),
    /// It ends too soon.
    Truncated,
    /// It is not what Gazette wrote.
    Altered,
}

/// The record of the last build, as this build reads it.
pub struct PageCache {
    /// The record's file.
    file: PathBuf,
    /// The output folder, as the header names it.
    output: PathBuf,
    /// The pages, by path in the output.
    entries: HashMap<String, Entry>,
    ignored: Option<Ignored>,
    /// The pages this build kept as published ([`PageCache::kept`]): their
    /// files stay the recorded ones, so the new record need not read them.
    kept: Mutex<HashSet<String>>,
}

impl PageCache {
    /// Reads the record of the site at `root`, for a build into `output`
    /// (absolute). A record that is missing, of another output folder or
    /// not to be trusted gives an empty one.
    pub fn open(root: &Path, output: &Path) -> PageCache {
        let file = root.join(CACHE_DIR).join(FILE);
        let mut cache = PageCache {
            file,
            output: output.to_path_buf(),
            entries: HashMap::new(),
            ignored: None,
            kept: Mutex::new(HashSet::new()),
        };
        let Ok(text) = std::fs::read_to_string(&cache.file) else {
            return cache;
        };
        match parse(&text, &cache.output) {
            Ok(entries) => cache.entries = entries,
            Err(ignored) => cache.ignored = ignored,
        }
        cache
    }

    /// The record of the page at `path` (in the output), when its key is
    /// `key` and the published file is the one recorded.
    fn unchanged(&self, path: &str, key: Key) -> Option<&Entry> {
        let entry = self.entries.get(path).filter(|e| e.key == key)?;
        let found = stat(&self.output.join(path))?;
        (found == (entry.size, entry.modified)).then_some(entry)
    }

    /// The files recorded with `key` (a part of the search index,
    /// [`part_key`]), when there are some and each is published as
    /// recorded.
    pub fn unchanged_files(&self, key: Key) -> Option<Vec<String>> {
        let paths: Vec<String> = self
            .entries
            .iter()
            .filter(|(_, e)| e.key == key)
            .map(|(path, _)| path.clone())
            .collect();
        let unchanged = !paths.is_empty()
            && paths
                .par_iter()
                .all(|path| self.unchanged(path, key).is_some());
        unchanged.then_some(paths)
    }

    /// Whether the page at `path` with `key` is published as recorded
    /// (for an article page of a site with search, `searched`, with its
    /// search key); the search key when it has one.
    pub fn reusable(&self, path: &str, key: Key, searched: bool) -> Option<Option<&str>> {
        let entry = self.unchanged(path, key)?;
        match (&entry.search, searched) {
            (Some(search), true) => Some(Some(search.as_str())),
            (_, false) => Some(None),
            (None, true) => None,
        }
    }

    /// Notes that the build kept the file at `path` as published, after
    /// [`PageCache::reusable`] or [`PageCache::unchanged_files`] found it
    /// so: the new tree has it under a second name (a hard link), with the
    /// same size and time. (Where the file system copies instead, the time
    /// differs, and the next build renders the page again: a lost reuse,
    /// never a wrong page.)
    pub fn kept(&self, path: &str) {
        self.kept
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(path.to_string());
    }

    /// Replaces the record with `pages` (path in the output, key), as now
    /// published, with the article pages' keys in the search index's cache
    /// (`search`, by path): each file's size and time are read from the
    /// output. A page whose file cannot be read is left out. Written beside
    /// its place, then renamed into it; a failure leaves no record (the
    /// next build renders every page).
    pub fn save(&self, pages: &[(String, Key)], search: &HashMap<String, String>) {
        let kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        let stats: Vec<Option<(u64, u128)>> = pages
            .par_iter()
            .map(|(path, key)| match self.entries.get(path) {
                Some(e) if e.key == *key && kept.contains(path) => Some((e.size, e.modified)),
                _ => stat(&self.output.join(path)),
            })
            .collect();
        let mut text = String::with_capacity(pages.len() * 120);
        let _ = writeln!(text, "{FORMAT}");
        let _ = writeln!(text, "build {BUILD}");
        let _ = writeln!(text, "output {}", self.output.display());
        for ((path, key), stat) in pages.iter().zip(stats) {
            let Some((size, modified)) = stat else {
                continue;
            };
            if path.contains('\n') {
                continue;
            }
            let search = search.get(path).map_or("-", String::as_str);
            let _ = writeln!(text, "{key:032x} {size} {modified} {search} {path}");
        }
        let _ = writeln!(text, "end {}", checksum(text.as_bytes()));
        let Some(dir) = self.file.parent() else {
            return;
        };
        let fresh = dir.join(format!("{FILE}.new"));
        let written = std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(&fresh, text))
            .and_then(|()| std::fs::rename(&fresh, &self.file));
        if written.is_err() {
            let _ = std::fs::remove_file(&fresh);
            let _ = std::fs::remove_file(&self.file);
        }
    }

    /// Why the record was ignored, as a warning, in the site's language.
    pub fn warnings(&self, lang: Language) -> Vec<Diagnostic> {
        let Some(ignored) = &self.ignored else {
            return Vec::new();
        };
        let message = match ignored {
            Ignored::OtherVersion(found) => {
                t!(lang, "page-cache-other-version", found = found.as_str())
            }
            Ignored::Truncated => t!(lang, "page-cache-truncated"),
            Ignored::Altered => t!(lang, "page-cache-altered"),
        };
        vec![
            Diagnostic::warning(Code::PageCacheIgnored, message)
                .in_file(Path::new(CACHE_DIR).join(FILE))
                .with_help(t!(lang, "page-cache-help")),
        ]
    }
}

/// The entries of a record's `text`, when it is whole, unchanged, of this
/// Gazette and of `output`; else why not (`None`: of another output).
fn parse(text: &str, output: &Path) -> Result<HashMap<String, Entry>, Option<Ignored>> {
    let body_end = match text.strip_suffix('\n').and_then(|t| t.rfind('\n')) {
        Some(at) if text[at + 1..].starts_with("end ") => at + 1,
        _ => return Err(Some(Ignored::Truncated)),
    };
    let (body, end) = text.split_at(body_end);
    let mut lines = body.lines();
    if lines.next() != Some(FORMAT) {
        return Err(Some(Ignored::Altered));
    }
    // Another Gazette's record is not read further, whole or not.
    let build = lines
        .next()
        .and_then(|l| l.strip_prefix("build "))
        .ok_or(Some(Ignored::Altered))?;
    if build != BUILD {
        return Err(Some(Ignored::OtherVersion(build.to_string())));
    }
    if end.trim_end() != format!("end {}", checksum(body.as_bytes())) {
        return Err(Some(Ignored::Altered));
    }
    let recorded = lines
        .next()
        .and_then(|l| l.strip_prefix("output "))
        .ok_or(Some(Ignored::Altered))?;
    if Path::new(recorded) != output {
        return Err(None);
    }
    let mut entries = HashMap::new();
    for line in lines {
        let mut fields = line.splitn(5, ' ');
        let mut next = || fields.next().ok_or(Some(Ignored::Altered));
        let key = Key::from_str_radix(next()?, 16).map_err(|_| Some(Ignored::Altered))?;
        let size = next()?.parse().map_err(|_| Some(Ignored::Altered))?;
        let modified = next()?.parse().map_err(|_| Some(Ignored::Altered))?;
        let search = match next()? {
            "-" => None,
            s => Some(s.to_string()),
        };
        let path = next()?.to_string();
        entries.insert(
            path,
            Entry {
                key,
                size,
                modified,
                search,
            },
        );
    }
    Ok(entries)
}

/// The key the files of a part of the search index are recorded with:
/// its key in the search cache (a hash of its pages) and its folder.
pub fn part_key(key: &str, folder: &str) -> Key {
    let mut h = crate::digest::Digest::new();
    h.write(b"search part");
    h.write_usize(key.len());
    h.write(key.as_bytes());
    h.write(folder.as_bytes());
    h.finish()
}

/// A regular file's size and modification time (nanoseconds since 1970),
/// if it is one and both can be read.
fn stat(path: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((meta.len(), modified.as_nanos()))
}

/// A hash of `bytes`, as the end line holds it.
fn checksum(bytes: &[u8]) -> String {
    let mut h = crate::digest::Digest::new();
    h.write(bytes);
    crate::digest::hex(h.finish())
}
