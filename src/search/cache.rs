//! The search index's build cache: each part of the index, and each page
//! as pagefind read it, as an earlier build made them, so a rebuild indexes
//! again only the parts whose pages changed, reading only those pages.
//!
//! Why it is shaped so:
//!
//! - **One entry per part, named by a hash of everything that decides its
//!   files**: each page's URL and the page as pagefind reads it (by its
//!   key, [`page_key`], a hash of it: a build that kept a page as published
//!   has its key from its record, not its text), the language, the gzip
//!   level, what pagefind leaves out, and [`VERSION`] (Gazette's and
//!   pagefind's versions). pagefind's output depends on nothing else, so an
//!   entry found by its name is the part a build would make, byte for
//!   byte; a page that changed changes its part's name, and only that part
//!   is indexed again. A build whose record shows a part's files published
//!   as they would be made keeps them without reading the entry
//!   ([`Cache::keep_part`]).
//! - **A file per entry that proves itself.** `parts/<key>` holds a header
//!   (the format, [`VERSION`], the key), the part's files, and an end line
//!   with a hash of every byte before it. An entry without its end line was
//!   cut short (a build stopped while writing, a full disk); one whose hash
//!   or key differs was changed by hand or copied from elsewhere. Either is
//!   ignored, with a warning (`search-cache-ignored`), and the part is made
//!   again: the cache is never trusted over the pages. Entries are written
//!   beside their place and renamed into it, so a reader never sees half of
//!   one.
//! - **Each page as pagefind read it, too** (`pages/<key>`, the same kind
//!   of entry holding one record, pagefind's `FossickedData::to_record`,
//!   vendor/pagefind/PATCHES.md change 9), named by a hash of the page,
//!   its URL, the language and what pagefind leaves out. A part made again
//!   reads only its changed pages; the others come back from their records,
//!   and the part's files are the same bytes (pagefind's own test
//!   `pages_kept_as_records_index_as_the_pages_read`).
//! - **A part made again compresses only what changed.** The entries this
//!   build does not use are the parts as they were before the change
//!   ([`Cache::others`]); their files, named by hashes of their
//!   uncompressed bytes, are given to pagefind, which takes a file of the
//!   same name instead of compressing it again (vendor/pagefind/PATCHES.md
//!   change 11): a page's fragment, and the word chunks the change left
//!   alone.
//! - **A version stamp for the folder.** `version` names the Gazette that
//!   wrote the entries; a folder of another version is ignored whole, with
//!   one warning, rather than entry by entry (their names would not match
//!   anyway: the version is in the key).
//! - **Pruned by the build that published.** Entries the build did not use
//!   are removed once its output is in place, so the folder holds one site's
//!   index; only files named as entries are ever removed. A build that made
//!   a part again also marks the pages of the parts it took whole, and
//!   prunes the page records: each edit would otherwise leave the record
//!   of the page as it was.
//! - **Never needed.** A cache that cannot be read or written costs only
//!   time: the index is made from the pages either way.

use std::collections::HashSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use pagefind::FossickedData;

use crate::diagnostics::{Code, Diagnostic};
use crate::language::Language;
use crate::messages::t;

use super::Bundle;

/// The cache's folder, relative to the site's root (beside the photos'
/// `.gazette-cache/images`; `gazette init` ignores `.gazette-cache/` in git).
pub const CACHE_DIR: &str = ".gazette-cache/search";

/// What else decides an entry's files: Gazette's version (its trimming of
/// pages, its options) and pagefind's with the patches of
/// `vendor/pagefind/PATCHES.md`. Bumped when either changes the index.
pub const VERSION: &str = concat!(
    "gazette ",
    env!("CARGO_PKG_VERSION"),
    " search-cache 3; pagefind 1.6.0 with gazette patches 1-11"
);

/// The first line of every entry.
const MAGIC: &[u8] = b"gazette search index part\n";

/// The folder of the parts' entries, inside [`CACHE_DIR`].
const PARTS: &str = "parts";

/// The folder of the pages' entries, inside [`CACHE_DIR`].
const PAGES: &str = "pages";

/// The one file of a page's entry: its record (`FossickedData::to_record`).
const RECORD: &str = "record";

/// The stamp naming the version that wrote the folder.
const STAMP: &str = "version";

/// Why an entry, or the whole folder, was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ignored {
    /// The folder was written by another version (its stamp).
    OtherVersion(String),
    /// The entry at this path (relative to the site) ends too soon.
    Truncated(PathBuf),
    /// The entry at this path is not what Gazette wrote there.
    Altered(PathBuf),
}

impl Ignored {
    /// The warning a build reports, in the site's language.
    pub fn diagnostic(&self, lang: Language) -> Diagnostic {
        let (message, file) = match self {
            Ignored::OtherVersion(found) => (
                t!(lang, "search-cache-other-version", found = found.as_str()),
                Path::new(CACHE_DIR).join(STAMP),
            ),
            // A part is made again; a page's record is only read again.
            Ignored::Truncated(file) if is_page(file) => {
                (t!(lang, "search-cache-truncated-page"), file.clone())
            }
            Ignored::Altered(file) if is_page(file) => {
                (t!(lang, "search-cache-altered-page"), file.clone())
            }
            Ignored::Truncated(file) => (t!(lang, "search-cache-truncated"), file.clone()),
            Ignored::Altered(file) => (t!(lang, "search-cache-altered"), file.clone()),
        };
        Diagnostic::warning(Code::SearchCacheIgnored, message)
            .in_file(file)
            .with_help(t!(lang, "search-cache-help"))
    }
}

/// Whether `file` (relative to the site) is a page's entry.
fn is_page(file: &Path) -> bool {
    file.parent()
        .and_then(Path::file_name)
        .is_some_and(|name| name == PAGES)
}

/// One build's use of the cache folder.
#[derive(Debug)]
pub struct Cache {
    /// The folder, `<site>/.gazette-cache/search`.
    dir: PathBuf,
    /// Whether the folder's entries may be read (its stamp is ours, or it
    /// has none).
    trusted: bool,
    /// Whether the stamp must be written before the first entry.
    stamp_missing: Mutex<bool>,
    /// The entries this build used or wrote, by name.
    used: Mutex<HashSet<String>>,
    /// What was not used, and why.
    ignored: Mutex<Vec<Ignored>>,
    /// Parts found in the cache.
    reused: AtomicUsize,
    /// Parts indexed from their pages.
    made: AtomicUsize,
}

impl Cache {
    /// The cache of the site at `root` (not created until written).
    pub fn open(root: &Path) -> Cache {
        let dir = root.join(CACHE_DIR);
        let stamp = std::fs::read(dir.join(STAMP)).ok();
        let mut ignored = Vec::new();
        let trusted = match &stamp {
            None => true,
            Some(found) if found.as_slice() == VERSION.as_bytes() => true,
            Some(found) => {
                let found = String::from_utf8_lossy(found);
                let found: String = found.trim().chars().take(120).collect();
                ignored.push(Ignored::OtherVersion(found));
                false
            }
        };
        Cache {
            dir,
            trusted,
            stamp_missing: Mutex::new(!trusted || stamp.is_none()),
            used: Mutex::new(HashSet::new()),
            ignored: Mutex::new(ignored),
            reused: AtomicUsize::new(0),
            made: AtomicUsize::new(0),
        }
    }

    /// The part named `key`, when a sound entry holds it.
    pub fn part(&self, key: &str) -> Option<Bundle> {
        let found = self.read(PARTS, key)?;
        self.reused.fetch_add(1, Ordering::Relaxed);
        Some(found)
    }

    /// Marks the part named `key` as this build's, though it did not read
    /// it: the build kept the part's files as published (their record says
    /// they are this part's). Counted as taken from the cache.
    pub fn keep_part(&self, key: &str) {
        self.reused.fetch_add(1, Ordering::Relaxed);
        lock(&self.used).insert(key.to_string());
    }

    /// The sound part entries not named in `keys`, which this build does
    /// not use (the parts as an earlier build made them, before the pages
    /// changed): a part made again takes from them the files it has not
    /// changed. Read silently: a damaged one is left out, and pruned with
    /// the others once the build has published.
    pub fn others(&self, keys: &[String]) -> Vec<Bundle> {
        if !self.trusted {
            return Vec::new();
        }
        let Ok(dir) = std::fs::read_dir(self.dir.join(PARTS)) else {
            return Vec::new();
        };
        dir.flatten()
            .filter_map(|file| {
                let name = file.file_name().to_string_lossy().into_owned();
                if !is_key(&name) || keys.contains(&name) {
                    return None;
                }
                let bytes = std::fs::read(file.path()).ok()?;
                read_entry(&bytes, &name).ok()
            })
            .collect()
    }

    /// Stores the part `bundle` under `key`. A cache that cannot be
    /// written is only slower next time.
    pub fn store(&self, key: &str, bundle: &Bundle) {
        self.made.fetch_add(1, Ordering::Relaxed);
        lock(&self.used).insert(key.to_string());
        let _ = self.write(PARTS, key, bundle);
    }

    /// The page named `key` as pagefind read it, when a sound entry holds
    /// a record pagefind reads back.
    pub fn page(&self, key: &str) -> Option<FossickedData> {
        let found = self.read(PAGES, key)?;
        let record = match found.as_slice() {
            [(name, record)] if name == RECORD => FossickedData::from_record(record),
            _ => None,
        };
        if record.is_none() {
            self.ignore(Damage::Altered, PAGES, key);
        }
        record
    }

    /// Stores the page `read` under `key`.
    pub fn store_page(&self, key: &str, read: &FossickedData) {
        lock(&self.used).insert(key.to_string());
        let _ = self.write(PAGES, key, &vec![(RECORD.to_string(), read.to_record())]);
    }

    /// The sound entry `key` of the folder `kind`, which this build uses.
    fn read(&self, kind: &str, key: &str) -> Option<Bundle> {
        lock(&self.used).insert(key.to_string());
        if !self.trusted {
            return None;
        }
        let bytes = std::fs::read(self.dir.join(kind).join(key)).ok()?;
        match read_entry(&bytes, key) {
            Ok(bundle) => Some(bundle),
            Err(damage) => {
                self.ignore(damage, kind, key);
                None
            }
        }
    }

    /// Notes that the entry `key` of `kind` was not used, and why.
    fn ignore(&self, damage: Damage, kind: &str, key: &str) {
        let file = Path::new(CACHE_DIR).join(kind).join(key);
        lock(&self.ignored).push(match damage {
            Damage::Truncated => Ignored::Truncated(file),
            Damage::Altered => Ignored::Altered(file),
        });
    }

    fn write(&self, kind: &str, key: &str, bundle: &Bundle) -> std::io::Result<()> {
        let folder = self.dir.join(kind);
        {
            let mut missing = lock(&self.stamp_missing);
            if *missing {
                std::fs::create_dir_all(&self.dir)?;
                write_atomically(&self.dir.join(STAMP), VERSION.as_bytes())?;
                *missing = false;
            }
        }
        std::fs::create_dir_all(&folder)?;
        write_atomically(&folder.join(key), &entry(key, bundle))
    }

    /// Parts found in the cache, and parts indexed from their pages.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.reused.load(Ordering::Relaxed),
            self.made.load(Ordering::Relaxed),
        )
    }

    /// What was found in the cache and not used, as warnings.
    pub fn warnings(&self, lang: Language) -> Vec<Diagnostic> {
        lock(&self.ignored)
            .iter()
            .map(|i| i.diagnostic(lang))
            .collect()
    }

    /// Marks the pages named by `keys` as this build's, though it did not
    /// read them (they are in parts it took whole): their records stay.
    pub fn keep_pages(&self, keys: impl IntoIterator<Item = String>) {
        lock(&self.used).extend(keys);
    }

    /// Removes every entry this build neither used nor wrote; returns how
    /// many. Only names an entry can have are touched. Page records go
    /// only when a part was made again (then every page of the site was
    /// either read, taken from its record or kept, [`Cache::keep_pages`]):
    /// a record left is a page as it was before an edit.
    pub fn prune(&self) -> usize {
        let used = lock(&self.used);
        let mut folders = vec![PARTS];
        if self.made.load(Ordering::Relaxed) > 0 {
            folders.push(PAGES);
        }
        let mut removed = 0;
        for folder in folders {
            let Ok(dir) = std::fs::read_dir(self.dir.join(folder)) else {
                continue;
            };
            for file in dir.flatten() {
                let name = file.file_name().to_string_lossy().into_owned();
                if is_key(&name)
                    && !used.contains(&name)
                    && std::fs::remove_file(file.path()).is_ok()
                {
                    removed += 1;
                }
            }
        }
        removed
    }
}

/// A mutex's value, even if a thread panicked holding it (the values kept
/// here stay whole).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The name of the entry for the page `html` at `url`, as pagefind reads
/// it in `lang`, leaving out `not_text` (the gzip level is not the page's).
pub fn page_key(url: &str, html: &str, lang: Language, not_text: &[&str]) -> String {
    let mut h = crate::digest::Digest::new();
    h.write(VERSION.as_bytes());
    h.write(b"page");
    h.write(lang.code().as_bytes());
    h.write_usize(not_text.len());
    for s in not_text {
        h.write_usize(s.len());
        h.write(s.as_bytes());
    }
    h.write_usize(url.len());
    h.write(url.as_bytes());
    h.write_usize(html.len());
    h.write(html.as_bytes());
    crate::digest::hex(h.finish())
}

/// The name of the entry for a part of `pages` (each by its URL and the
/// key of the page as pagefind reads it, [`page_key`]) indexed in `lang`
/// at gzip `level`, leaving out `not_text`. The pages' keys stand for
/// their text: a build that took a page as published has its key, not its
/// text.
pub fn key(pages: &[&super::Page], lang: Language, level: u32, not_text: &[&str]) -> String {
    let mut h = crate::digest::Digest::new();
    h.write(VERSION.as_bytes());
    h.write(lang.code().as_bytes());
    h.write_usize(level as usize);
    h.write_usize(not_text.len());
    for s in not_text {
        h.write_usize(s.len());
        h.write(s.as_bytes());
    }
    h.write_usize(pages.len());
    for page in pages {
        h.write_usize(page.url.len());
        h.write(page.url.as_bytes());
        h.write(page.key.as_bytes());
    }
    crate::digest::hex(h.finish())
}

/// Whether `name` is one an entry can have (32 hexadecimal digits).
fn is_key(name: &str) -> bool {
    name.len() == 32 && name.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The hash an entry's end line holds, of every byte before it.
fn checksum(bytes: &[u8]) -> String {
    let mut h = crate::digest::Digest::new();
    h.write(bytes);
    crate::digest::hex(h.finish())
}

/// The bytes of the entry for `bundle` under `key`: the header, then each
/// file as its name, its length and its bytes, then the end line.
fn entry(key: &str, bundle: &Bundle) -> Vec<u8> {
    let size: usize = bundle.iter().map(|(n, b)| n.len() + b.len() + 32).sum();
    let mut out = Vec::with_capacity(size + 256);
    out.extend_from_slice(MAGIC);
    let _ = writeln!(out, "{VERSION}");
    let _ = writeln!(out, "{key}");
    let _ = writeln!(out, "{}", bundle.len());
    for (name, bytes) in bundle {
        let _ = writeln!(out, "{name}");
        let _ = writeln!(out, "{}", bytes.len());
        out.extend_from_slice(bytes);
    }
    let sum = checksum(&out);
    let _ = writeln!(out, "end {sum}");
    out
}

/// What is wrong with an entry.
#[derive(Debug, PartialEq, Eq)]
enum Damage {
    /// It ends before its end line.
    Truncated,
    /// Its bytes are not what Gazette wrote under that name.
    Altered,
}

/// The part an entry holds, once its end line proves it whole and
/// unchanged and its header names this version and `key`.
fn read_entry(bytes: &[u8], key: &str) -> Result<Bundle, Damage> {
    // The end line is the last 37 bytes: "end " and 32 digits and "\n".
    const END: usize = 4 + 32 + 1;
    let Some(body_len) = bytes.len().checked_sub(END) else {
        return Err(Damage::Truncated);
    };
    let (body, end) = bytes.split_at(body_len);
    let Some(sum) = end
        .strip_prefix(b"end ")
        .and_then(|rest| rest.strip_suffix(b"\n"))
    else {
        return Err(Damage::Truncated);
    };
    if sum != checksum(body).as_bytes() {
        return Err(Damage::Altered);
    }
    let mut reader = Reader { rest: body };
    let header_ok = reader.bytes(MAGIC.len()) == Some(MAGIC)
        && reader.line() == Some(VERSION.as_bytes())
        && reader.line() == Some(key.as_bytes());
    if !header_ok {
        return Err(Damage::Altered);
    }
    let count = reader.number().ok_or(Damage::Altered)?;
    let mut bundle = Vec::with_capacity(count.min(1 << 16));
    for _ in 0..count {
        let name = reader.line().ok_or(Damage::Altered)?;
        let name = String::from_utf8(name.to_vec()).map_err(|_| Damage::Altered)?;
        let len = reader.number().ok_or(Damage::Altered)?;
        let data = reader.bytes(len).ok_or(Damage::Altered)?;
        bundle.push((name, data.to_vec()));
    }
    if !reader.rest.is_empty() {
        return Err(Damage::Altered);
    }
    Ok(bundle)
}

/// Reads an entry's body front to back.
struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    /// The next `n` bytes.
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.rest.len() < n {
            return None;
        }
        let (taken, rest) = self.rest.split_at(n);
        self.rest = rest;
        Some(taken)
    }

    /// The next line, without its `\n`.
    fn line(&mut self) -> Option<&'a [u8]> {
        let at = memchr::memchr(b'\n', self.rest)?;
        let line = &self.rest[..at];
        self.rest = &self.rest[at + 1..];
        Some(line)
    }

    /// The next line, as a number.
    fn number(&mut self) -> Option<usize> {
        std::str::from_utf8(self.line()?).ok()?.parse().ok()
    }
}

/// Writes `bytes` at `path` through a file beside it renamed into place.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let thread: String = format!("{:?}", std::thread::current().id())
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".partial-{}-{thread}", std::process::id()));
    let partial = path.with_file_name(name);
    let written = std::fs::write(&partial, bytes).and_then(|()| std::fs::rename(&partial, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle() -> Bundle {
        vec![
            ("pagefind-entry.json".to_string(), b"{\"v\":1}".to_vec()),
            ("index/ab.pf_index".to_string(), vec![0, 10, 255, b'\n', 3]),
            ("empty".to_string(), Vec::new()),
        ]
    }

    #[test]
    fn an_entry_reads_back_as_written() {
        let key = "0123456789abcdef0123456789abcdef";
        assert_eq!(read_entry(&entry(key, &bundle()), key), Ok(bundle()));
    }

    #[test]
    fn every_cut_or_changed_byte_is_noticed() {
        let key = "0123456789abcdef0123456789abcdef";
        let whole = entry(key, &bundle());
        for len in 0..whole.len() {
            assert!(read_entry(&whole[..len], key).is_err(), "cut at {len}");
        }
        for at in 0..whole.len() {
            let mut changed = whole.clone();
            changed[at] ^= 0x20;
            assert!(read_entry(&changed, key).is_err(), "byte {at} changed");
        }
        // Whole and unchanged, but under another name: not this part.
        assert_eq!(
            read_entry(&whole, "ffffffffffffffffffffffffffffffff"),
            Err(Damage::Altered)
        );
    }

    #[test]
    fn the_key_depends_on_every_input() {
        let page = |url: &str, html: &str| super::super::Page {
            url: url.to_string(),
            key: page_key(url, html, Language::Fr, &[".x"]),
            html: None,
        };
        let (a, two, b) = (
            page("/a/", "<p>un</p>"),
            page("/a/", "<p>deux</p>"),
            page("/b/", "<p>un</p>"),
        );
        let pages = [&a];
        let base = key(&pages, Language::Fr, 3, &[".x"]);
        assert!(is_key(&base));
        assert_eq!(base, key(&pages, Language::Fr, 3, &[".x"]));
        for other in [
            key(&[&two], Language::Fr, 3, &[".x"]),
            key(&[&b], Language::Fr, 3, &[".x"]),
            key(&pages, Language::En, 3, &[".x"]),
            key(&pages, Language::Fr, 9, &[".x"]),
            key(&pages, Language::Fr, 3, &[".y"]),
            key(&[], Language::Fr, 3, &[".x"]),
        ] {
            assert_ne!(base, other);
        }
    }
}
