//! The variants of earlier builds, kept in the site so a rebuild encodes
//! only new or changed photos.
//!
//! An entry is a folder of [`CACHE_DIR`] named by a hash of everything
//! that decides its files: the source's bytes, the widths, the quality and
//! [`ENCODER_VERSION`] (a new encoder or filter makes every entry stale).
//! It holds one file per variant (`800.avif`, `800.webp`, `800.jpg`) and a `manifest`
//! listing each with its size, pixels and hash; the entry is written in a
//! folder of its own and renamed into place: an entry without a manifest
//! was interrupted, and a file
//! whose size or hash differs from the manifest (truncated, edited) makes
//! the entry damaged. Either way the photo is encoded again and the entry
//! rewritten; a cache is never trusted over the source.
//!
//! A [`Cache`] is one build's view: it counts what it encoded and
//! remembers which entries the build used, so [`Cache::prune`] removes the
//! others once the build has succeeded. It is shared by the build's
//! threads (`&Cache`); a cache folder that cannot be written only costs the
//! next build its encoding time.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use siphasher::sip128::{Hasher128, SipHasher13};

use super::{Format, ImageError, Settings, Variant, Variants, make};

/// The cache's folder, relative to the site's root (`gazette init` writes
/// `.gazette-cache/` into the starter's `.gitignore`).
pub const CACHE_DIR: &str = ".gazette-cache/images";

/// What else decides the bytes of a variant: bumped with the encoders, the
/// resize filter or the way files are made.
pub const ENCODER_VERSION: &str = "gazette-images 8 (AVIF); image 0.25; moxcms 0.8; libwebp 1.5 (webp 0.3); libavif 1.0 + libaom 3.11 speed 8 (libavif 0.14); fast_image_resize 5 lanczos3";

/// One build's use of the cache folder.
#[derive(Debug)]
pub struct Cache {
    /// The folder of entries.
    dir: PathBuf,
    /// The entries this build used, by name.
    used: Mutex<HashSet<String>>,
    /// How many photos this build encoded (not found, or damaged, in the
    /// cache).
    encoded: AtomicUsize,
}

impl Cache {
    /// The cache of the site at `root` (not created until written).
    pub fn open(root: &Path) -> Cache {
        Cache {
            dir: root.join(CACHE_DIR),
            used: Mutex::new(HashSet::new()),
            encoded: AtomicUsize::new(0),
        }
    }

    /// The variants of the photo `bytes`: from the cache when a sound entry
    /// is there, else encoded and stored.
    pub fn variants(&self, bytes: &[u8], settings: &Settings) -> Result<Variants, ImageError> {
        let key = key(bytes, settings);
        let entry = self.dir.join(&key);
        if let Ok(mut used) = self.used.lock() {
            used.insert(key);
        }
        if let Some(found) = read_entry(&entry) {
            return Ok(found);
        }
        let made = make(bytes, settings)?;
        self.encoded.fetch_add(1, Ordering::Relaxed);
        // A cache that cannot be written is only slower next time.
        let _ = write_entry(&entry, &made);
        Ok(made)
    }

    /// The variants of the photo `bytes` when a sound entry is already
    /// there, with nothing decoded or encoded: what the preview serves at
    /// once while the rest are made in the background.
    pub fn cached(&self, bytes: &[u8], settings: &Settings) -> Option<Variants> {
        let key = key(bytes, settings);
        let found = read_entry(&self.dir.join(&key))?;
        if let Ok(mut used) = self.used.lock() {
            used.insert(key);
        }
        Some(found)
    }

    /// How many photos were encoded rather than found.
    pub fn encoded(&self) -> usize {
        self.encoded.load(Ordering::Relaxed)
    }

    /// Removes every entry this build did not use; returns how many.
    pub fn prune(&self) -> usize {
        let Ok(used) = self.used.lock() else {
            return 0;
        };
        let Ok(dir) = std::fs::read_dir(&self.dir) else {
            return 0;
        };
        let mut removed = 0;
        for entry in dir.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !used.contains(&name) && std::fs::remove_dir_all(entry.path()).is_ok() {
                removed += 1;
            }
        }
        removed
    }
}

/// The entry's name: a hash of the source's bytes and what else decides
/// its variants.
pub fn key(bytes: &[u8], settings: &Settings) -> String {
    let mut widths = settings.widths.clone();
    widths.sort_unstable();
    widths.dedup();
    let mut h = SipHasher13::new();
    h.write(ENCODER_VERSION.as_bytes());
    for w in widths {
        h.write_u32(w);
    }
    h.write_u8(settings.quality);
    h.write_u8(u8::from(settings.keep_credit));
    h.write_usize(bytes.len());
    h.write(bytes);
    format!("{:032x}", h.finish128().as_u128())
}

/// A file's hash, as the manifest records it.
fn file_hash(bytes: &[u8]) -> String {
    let mut h = SipHasher13::new();
    h.write(bytes);
    format!("{:032x}", h.finish128().as_u128())
}

/// The sound entry at `entry`, if there is one.
fn read_entry(entry: &Path) -> Option<Variants> {
    let manifest = std::fs::read_to_string(entry.join("manifest")).ok()?;
    let mut lines = manifest.lines();
    let fallback = Format::of_extension(lines.next()?.strip_prefix("fallback ")?)?;
    let mut files = Vec::new();
    for line in lines {
        let mut parts = line.split(' ');
        let (Some(width), Some(height), Some(ext), Some(len), Some(hash), None) = (
            parts.next()?.parse().ok(),
            parts.next()?.parse().ok(),
            parts.next(),
            parts.next()?.parse::<usize>().ok(),
            parts.next(),
            parts.next(),
        ) else {
            return None;
        };
        let format = Format::of_extension(ext)?;
        let bytes = std::fs::read(entry.join(format!("{width}.{ext}"))).ok()?;
        if bytes.len() != len || file_hash(&bytes) != hash {
            return None;
        }
        files.push(Variant {
            width,
            height,
            format,
            bytes,
        });
    }
    Some(Variants { fallback, files })
}

/// Stores `made` at `entry`: written whole into a folder of its own, the
/// manifest last, then renamed into place, so that two threads encoding the
/// same bytes (one photo copied into two articles' folders) never write
/// into one folder, and a build stopped halfway leaves no entry that looks
/// whole.
fn write_entry(entry: &Path, made: &Variants) -> std::io::Result<()> {
    // One entry at a time per thread: the process and the thread name it.
    let thread: String = format!("{:?}", std::thread::current().id())
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let mut name = entry.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".partial-{}-{thread}", std::process::id()));
    let partial = entry.with_file_name(name);
    let written = write_files(&partial, made).and_then(|()| {
        if entry.exists() {
            std::fs::remove_dir_all(entry)?;
        }
        std::fs::rename(&partial, entry)
    });
    if written.is_err() {
        let _ = std::fs::remove_dir_all(&partial);
    }
    written
}

/// The files of `made` and their manifest, into the new folder `dir`.
fn write_files(dir: &Path, made: &Variants) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut manifest = format!("fallback {}\n", made.fallback.extension());
    for v in &made.files {
        let ext = v.format.extension();
        std::fs::write(dir.join(format!("{}.{ext}", v.width)), &v.bytes)?;
        let _ = writeln!(
            manifest,
            "{} {} {ext} {} {}",
            v.width,
            v.height,
            v.bytes.len(),
            file_hash(&v.bytes)
        );
    }
    std::fs::write(dir.join("manifest"), manifest)
}
