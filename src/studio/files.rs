//! The studio's writes to the writer's files: saving an article, finding a
//! free path for a new one, and copying an image or a document into an article's bundle.
//!
//! The studio must never lose a writer's file, so every write here is
//! shaped by that:
//!
//! - a path comes from the browser, so it is checked before anything is
//!   read or written: relative to the site, `/`-separated, under
//!   `content/`, no `..`, and no symbolic link on the way that leaves the
//!   site (the policy of [`crate::sources`]);
//! - a file is replaced atomically: a temporary file in the same folder
//!   (hidden and ending in `.tmp`, so discovery ignores it), synced, then
//!   renamed over the old one, so a crash leaves the old text or the new
//!   one, never half of one;
//! - a file is replaced only when it is still what the browser opened:
//!   [`version`] is a hash of its bytes, handed out by [`open`] and sent
//!   back to [`save`]; anything else is a [`FileError::Conflict`] for the
//!   writer to settle. A new file never overwrites one (it is linked into
//!   place, which fails if the name was taken meanwhile);
//! - a save that changes nothing writes nothing (the file's modification
//!   time stays, and so does the preview's cache);
//! - an image turns a single-file article into a bundle by writing the new
//!   files first and removing the old one last; a failure before that puts
//!   back what was changed. The links are rewritten by `rewrite`, which
//!   changes only the destinations it must and keeps every other byte.
//!
//! Errors name the file and say what to do, in the writer's language
//! ([`message`]).

mod rewrite;
#[cfg(test)]
mod tests;

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use std::hash::Hasher;

use siphasher::sip128::{Hasher128, SipHasher13};

use crate::content::slug::slugify;
use crate::language::Language;
use crate::messages::t;
use crate::sources::{self, Refusal};

/// The folder of the writer's content, under the site root.
const CONTENT: &str = "content";

/// How many numbered names (`photo-2.jpg` … ) are tried before giving up.
const MAX_SUFFIX: usize = 1000;

/// The image types an article's bundle accepts: the photos Gazette
/// decodes (`crate::images::Kind::Raster`) and GIF, which it publishes as
/// it is. SVG is refused: discovery refuses it in `content/` (a browser
/// runs its scripts).
const IMAGE_TYPES: [&str; 5] = ["jpg", "jpeg", "png", "webp", "gif"];

/// The documents an article offers to download (`downloads:`): PDF, the
/// office formats, and plain text tables. Nothing a browser would run
/// (HTML, SVG, scripts: discovery refuses them in `content/`).
const DOCUMENT_TYPES: [&str; 12] = [
    "pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "doc", "xls", "ppt", "csv", "txt",
];

/// What a file copied into an article's folder may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accepted {
    /// A photo or an illustration ([`IMAGE_TYPES`]).
    Image,
    /// A document to download ([`DOCUMENT_TYPES`]).
    Document,
}

impl Accepted {
    /// Its file types (extensions).
    fn types(self) -> &'static [&'static str] {
        match self {
            Accepted::Image => &IMAGE_TYPES,
            Accepted::Document => &DOCUMENT_TYPES,
        }
    }
}

/// Why a read or a write of the studio did not happen. The file named is
/// relative to the site root.
#[derive(Debug)]
pub enum FileError {
    /// Not the path of an article under `content/` (`..`, an absolute path,
    /// not a `.md` file).
    BadPath {
        /// The path as sent.
        path: String,
    },
    /// A symbolic link on the way leads out of the site's folder.
    Outside {
        /// The path as sent.
        path: String,
    },
    /// The file is not there (or is not a regular file).
    Missing {
        /// The file.
        path: String,
    },
    /// The file is not UTF-8 text.
    NotText {
        /// The file.
        path: String,
    },
    /// The file changed on disk since the browser opened it, or a new file
    /// would overwrite one.
    Conflict {
        /// The file.
        path: String,
        /// Its version now; `None` when it was deleted.
        current: Option<String>,
    },
    /// The section of a new article is not a folder of `content/`.
    NoSection {
        /// The section as sent.
        section: String,
    },
    /// The title (or the slug) has no letter or digit to make a file name.
    EmptySlug,
    /// The folder an article would become a bundle in already exists.
    BundleExists {
        /// The folder.
        path: String,
    },
    /// An image of a type the site does not publish.
    ImageType {
        /// The file name as sent.
        name: String,
    },
    /// A document of a type the studio does not copy.
    DocumentType {
        /// The file name as sent.
        name: String,
    },
    /// The bytes are not an image of the type its name says.
    NotAnImage {
        /// The file name as sent.
        name: String,
    },
    /// The bytes are not a document of the type its name says.
    NotADocument {
        /// The file name as sent.
        name: String,
    },
    /// Every numbered name up to [`MAX_SUFFIX`] is taken.
    NoFreeName {
        /// The first name tried.
        path: String,
    },
    /// The system refused a read or a write.
    Io {
        /// The file or folder.
        path: String,
        /// Why.
        error: io::Error,
    },
}

/// What the writer reads about `error`, in `lang`.
pub fn message(error: &FileError, lang: Language) -> String {
    match error {
        FileError::BadPath { path } => t!(lang, "studio-files-bad-path", path = path.as_str()),
        FileError::Outside { path } => t!(lang, "studio-files-outside", path = path.as_str()),
        FileError::Missing { path } => t!(lang, "studio-files-missing", path = path.as_str()),
        FileError::NotText { path } => t!(lang, "studio-files-not-text", path = path.as_str()),
        FileError::Conflict {
            path,
            current: Some(_),
        } => t!(lang, "studio-files-conflict", path = path.as_str()),
        FileError::Conflict {
            path,
            current: None,
        } => t!(lang, "studio-files-conflict-deleted", path = path.as_str()),
        FileError::NoSection { section } => {
            t!(lang, "studio-files-no-section", section = section.as_str())
        }
        FileError::EmptySlug => t!(lang, "studio-files-empty-slug"),
        FileError::BundleExists { path } => {
            t!(lang, "studio-files-bundle-exists", path = path.as_str())
        }
        FileError::ImageType { name } => t!(
            lang,
            "studio-files-image-type",
            name = name.as_str(),
            types = IMAGE_TYPES.join(", ")
        ),
        FileError::DocumentType { name } => t!(
            lang,
            "studio-files-document-type",
            name = name.as_str(),
            types = DOCUMENT_TYPES.join(", ")
        ),
        FileError::NotAnImage { name } => {
            t!(lang, "studio-files-not-an-image", name = name.as_str())
        }
        FileError::NotADocument { name } => {
            t!(lang, "studio-files-not-a-document", name = name.as_str())
        }
        FileError::NoFreeName { path } => {
            t!(lang, "studio-files-no-free-name", path = path.as_str())
        }
        FileError::Io { path, error } => t!(
            lang,
            "studio-files-io",
            path = path.as_str(),
            reason = crate::os_errors::reason(error, lang)
        ),
    }
}

/// An article read for the studio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// Its text.
    pub text: String,
    /// Its [`version`], to send back with [`save`].
    pub version: String,
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The file's version now.
    pub version: String,
    /// Whether the file was written (`false`: the text was unchanged).
    pub written: bool,
}

/// An image copied into an article's bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    /// The article's path now (`content/sec/x/index.md` once a bundle).
    pub article: String,
    /// The image's name to write in the Markdown, relative to the bundle.
    pub image: String,
    /// Every file written, moved or removed, relative to the site root,
    /// for « Publier ».
    pub changed: Vec<String>,
    /// The article's version now.
    pub version: String,
}

/// A hash of a file's bytes, given to the browser when it opens the file
/// and sent back when it saves (hex text).
pub fn version(bytes: &[u8]) -> String {
    let mut h = SipHasher13::new();
    h.write(bytes);
    format!("{:032x}", h.finish128().as_u128())
}

/// Reads an article for the studio: its text and version.
pub fn open(root: &Path, path: &str) -> Result<Opened, FileError> {
    let rel = article_path(path)?;
    let text = read_text(root, path, &rel)?;
    Ok(Opened {
        version: version(text.as_bytes()),
        text,
    })
}

/// Writes `text` to `path` atomically (temp file in the same folder, fsync,
/// rename), only if the file's current version is `base` (None: the file
/// must not exist: a new article never overwrites). Unchanged text: no
/// write at all (mtime untouched). Returns the new version.
pub fn save(root: &Path, path: &str, text: &str, base: Option<&str>) -> Result<Saved, FileError> {
    let rel = article_path(path)?;
    check_inside(root, &rel, path)?;
    let current = read_current(root, &rel, path)?;
    let current_version = current.as_deref().map(version);
    if current_version.as_deref() != base {
        return Err(FileError::Conflict {
            path: path.to_string(),
            current: current_version,
        });
    }
    let new_version = version(text.as_bytes());
    if current_version.as_deref() == Some(new_version.as_str()) {
        return Ok(Saved {
            version: new_version,
            written: false,
        });
    }
    let full = written_path(&root.join(&rel));
    if let Some(parent) = full.parent() {
        fs::create_dir_all(parent).map_err(|e| io_error(&rel, e))?;
    }
    let replace = current.is_some();
    write_atomic(&full, text.as_bytes(), replace).map_err(|e| match e.kind() {
        io::ErrorKind::AlreadyExists => FileError::Conflict {
            path: path.to_string(),
            current: read_current(root, &rel, path)
                .ok()
                .flatten()
                .map(|b| version(&b)),
        },
        _ => io_error(&rel, e),
    })?;
    Ok(Saved {
        version: new_version,
        written: true,
    })
}

/// A free path for a new article in `section` (a folder under content/),
/// from the title's slug (`slug` overrides it), never an existing file or
/// bundle: `content/actualites/mon-titre.md`.
pub fn new_article_path(
    root: &Path,
    section: &str,
    title: &str,
    slug: Option<&str>,
) -> Result<String, FileError> {
    let dir = section_dir(section)?;
    check_inside(root, &dir, section)?;
    if !root.join(&dir).is_dir() || inside_bundle(root, &dir) {
        return Err(FileError::NoSection {
            section: section.to_string(),
        });
    }
    let stem = slugify(slug.filter(|s| !s.trim().is_empty()).unwrap_or(title));
    if stem.is_empty() {
        return Err(FileError::EmptySlug);
    }
    let dir_text = sources::to_slash(&dir);
    let free = (1..=MAX_SUFFIX)
        .map(|n| numbered(&stem, n))
        // `index` would turn the section's folder into a bundle.
        .filter(|name| name != "index")
        .find(|name| {
            !taken(&root.join(&dir).join(format!("{name}.md")))
                && !taken(&root.join(&dir).join(name))
        });
    match free {
        Some(name) => Ok(format!("{dir_text}/{name}.md")),
        None => Err(FileError::NoFreeName {
            path: format!("{dir_text}/{stem}.md"),
        }),
    }
}

/// Copies an image (bytes uploaded by the browser, with the writer's file
/// name) into the article's bundle folder. A single-file article
/// (`sec/x.md`) first becomes a bundle (`sec/x/index.md`): its relative
/// links are rewritten so they still point at the same files, and the
/// other articles' links to it (`x.md`, `../sec/x.md`, `x.md#anchor`) are
/// rewritten to the new path. Never overwrites an existing image: a free
/// name (`photo-2.jpg`). The image's name is made safe (slug of the stem,
/// lower-case extension; JPEG, PNG, WebP or GIF, its bytes checked).
/// `base` is the article's version the browser holds (`None`: not
/// checked); the article is never rewritten if it changed since.
pub fn add_image(
    root: &Path,
    article: &str,
    file_name: &str,
    bytes: &[u8],
    base: Option<&str>,
) -> Result<Added, FileError> {
    add_file(root, article, file_name, bytes, base, Accepted::Image)
}

/// [`add_image`] for a file that is `accepted`: an image, or a document
/// to download (PDF, office formats, text tables; its bytes checked as an
/// image's are).
pub fn add_file(
    root: &Path,
    article: &str,
    file_name: &str,
    bytes: &[u8],
    base: Option<&str>,
    accepted: Accepted,
) -> Result<Added, FileError> {
    let rel = article_path(article)?;
    if rel.file_name().is_some_and(|n| n == "_index.md") {
        return Err(FileError::BadPath {
            path: article.to_string(),
        });
    }
    let name = image_name(file_name, bytes, accepted)?;
    let text = read_text(root, article, &rel)?;
    let current = version(text.as_bytes());
    if base.is_some_and(|b| b != current) {
        return Err(FileError::Conflict {
            path: article.to_string(),
            current: Some(current),
        });
    }
    match bundle_of(&rel) {
        Some(bundle) => {
            let image = write_image(root, &bundle, &name, bytes)?;
            Ok(Added {
                article: article.to_string(),
                changed: vec![sources::to_slash(&bundle.join(&image))],
                image,
                version: current,
            })
        }
        None => make_bundle(root, &rel, &text, &name, bytes),
    }
}

/// `path` as a relative path under `content/` naming a `.md` file, or
/// [`FileError::BadPath`].
fn article_path(path: &str) -> Result<PathBuf, FileError> {
    let rel = content_path(path)?;
    let is_md = rel.extension().is_some_and(|e| e == "md") && rel.components().count() > 1;
    match is_md {
        true => Ok(rel),
        false => Err(FileError::BadPath {
            path: path.to_string(),
        }),
    }
}

/// `content/<section>` for a section sent as `actualites`,
/// `content/actualites` or empty (the home page's folder).
fn section_dir(section: &str) -> Result<PathBuf, FileError> {
    let trimmed = section.trim().trim_end_matches('/');
    if trimmed.starts_with('/') {
        return Err(FileError::BadPath {
            path: section.to_string(),
        });
    }
    let inner = trimmed
        .strip_prefix(CONTENT)
        .filter(|rest| rest.is_empty() || rest.starts_with('/'))
        .map_or(trimmed, |rest| rest.trim_start_matches('/'));
    match inner.is_empty() {
        true => Ok(PathBuf::from(CONTENT)),
        false => content_path(&format!("{CONTENT}/{inner}")).map_err(|_| FileError::BadPath {
            path: section.to_string(),
        }),
    }
}

/// `path` when it is a plain `/`-separated path under `content/`: no `..`,
/// no root, no `\`, no hidden or temporary name.
fn content_path(path: &str) -> Result<PathBuf, FileError> {
    let bad = || FileError::BadPath {
        path: path.to_string(),
    };
    if path.contains(['\\', '\0', '\n', '\r']) {
        return Err(bad());
    }
    let rel = PathBuf::from(path);
    let mut components = rel.components();
    if components.next() != Some(Component::Normal(CONTENT.as_ref())) {
        return Err(bad());
    }
    let plain = components.all(|c| match c {
        Component::Normal(name) => !sources::is_ignored(&name.to_string_lossy()),
        _ => false,
    });
    match plain {
        true => Ok(rel),
        false => Err(bad()),
    }
}

/// Refuses `rel` when a symbolic link among it and its folders (up to the
/// first that does not exist yet) leads out of the site's folder, or is
/// broken.
fn check_inside(root: &Path, rel: &Path, sent: &str) -> Result<(), FileError> {
    let canonical_root = root
        .canonicalize()
        .map_err(|e| io_error(Path::new(""), e))?;
    let outside = || FileError::Outside {
        path: sent.to_string(),
    };
    let mut at = root.to_path_buf();
    for component in rel.components() {
        at.push(component);
        let Ok(meta) = fs::symlink_metadata(&at) else {
            return Ok(());
        };
        if meta.file_type().is_symlink() {
            match at.canonicalize() {
                Ok(target) if target.starts_with(&canonical_root) => {}
                _ => return Err(outside()),
            }
        }
    }
    Ok(())
}

/// The text of an existing article, read as [`crate::sources`] reads it.
fn read_text(root: &Path, sent: &str, rel: &Path) -> Result<String, FileError> {
    let bytes = sources::read_alone(root, rel).map_err(|r| refused(sent, rel, r))?;
    String::from_utf8(bytes).map_err(|_| FileError::NotText {
        path: sent.to_string(),
    })
}

/// The bytes of `rel` now, `None` when there is no file.
fn read_current(root: &Path, rel: &Path, sent: &str) -> Result<Option<Vec<u8>>, FileError> {
    if fs::symlink_metadata(root.join(rel)).is_err() {
        return Ok(None);
    }
    sources::read_alone(root, rel)
        .map(Some)
        .map_err(|r| refused(sent, rel, r))
}

/// A refusal of [`crate::sources`] as the studio reports it.
fn refused(sent: &str, rel: &Path, refusal: Refusal) -> FileError {
    match refusal {
        Refusal::Outside(_) | Refusal::Loop => FileError::Outside {
            path: sent.to_string(),
        },
        Refusal::Unreadable(e) | Refusal::FolderUnreadable(e)
            if e.kind() == io::ErrorKind::NotFound =>
        {
            FileError::Missing {
                path: sent.to_string(),
            }
        }
        Refusal::Broken | Refusal::NotRegular(_) => FileError::Missing {
            path: sent.to_string(),
        },
        Refusal::NameNotUtf8 => FileError::BadPath {
            path: sent.to_string(),
        },
        Refusal::Unreadable(e) | Refusal::FolderUnreadable(e) => io_error(rel, e),
    }
}

/// A failed read or write of `rel`.
fn io_error(rel: &Path, error: io::Error) -> FileError {
    FileError::Io {
        path: sources::to_slash(rel),
        error,
    }
}

/// Where a save of `full` writes: the file a symbolic link (inside the
/// site, as [`check_inside`] made sure) leads to, so the link stays a
/// link; `full` itself otherwise.
fn written_path(full: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(full).is_ok_and(|m| m.file_type().is_symlink());
    match is_link {
        true => full.canonicalize().unwrap_or_else(|_| full.to_path_buf()),
        false => full.to_path_buf(),
    }
}

/// Whether the folder `dir` (under `content/`) is an article's bundle or
/// lies in one: a new article there would be one of its files.
fn inside_bundle(root: &Path, dir: &Path) -> bool {
    dir.ancestors()
        .take_while(|a| *a != Path::new(CONTENT) && !a.as_os_str().is_empty())
        .any(|a| root.join(a).join("index.md").is_file())
}

/// Whether anything (a file, a folder, a link, even a broken one) stands
/// at `full`.
fn taken(full: &Path) -> bool {
    fs::symlink_metadata(full).is_ok()
}

/// `stem` for `n` = 1, else `stem-n`.
fn numbered(stem: &str, n: usize) -> String {
    match n {
        1 => stem.to_string(),
        n => format!("{stem}-{n}"),
    }
}

/// Writes `bytes` to `full` through a temporary file beside it, synced
/// before it takes the name: renamed over the old file when `replace`,
/// else linked into place, which fails (`AlreadyExists`) rather than
/// overwrite a file that appeared meanwhile. The old file keeps its
/// permissions. On failure the temporary file is removed and `full` is
/// as it was.
fn write_atomic(full: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    let dir = full.parent().unwrap_or(Path::new("."));
    let (temp, mut file) = temp_file(dir, full)?;
    let result = (|| {
        file.write_all(bytes)?;
        if replace && let Ok(meta) = fs::metadata(full) {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        match replace {
            true => fs::rename(&temp, full),
            false => fs::hard_link(&temp, full).and_then(|()| fs::remove_file(&temp)),
        }
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
        return result;
    }
    sync_dir(dir);
    Ok(())
}

/// A new temporary file in `dir` for `full`: hidden and ending in `.tmp`,
/// so discovery and watch mode ignore it.
fn temp_file(dir: &Path, full: &Path) -> io::Result<(PathBuf, File)> {
    let name = full
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for n in 0..MAX_SUFFIX {
        let temp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::from(io::ErrorKind::AlreadyExists))
}

/// Syncs a folder so a rename in it survives a crash. Best effort: some
/// file systems cannot sync a folder, and the file itself is written.
fn sync_dir(dir: &Path) {
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
}

/// The bundle folder of an article already in one (`sec/x/index.md` →
/// `sec/x`); `None` for a single-file article.
fn bundle_of(rel: &Path) -> Option<PathBuf> {
    let parent = rel.parent()?;
    let is_bundle =
        rel.file_name().is_some_and(|n| n == "index.md") && parent != Path::new(CONTENT);
    is_bundle.then(|| parent.to_path_buf())
}

/// The safe name of an uploaded image: the slug of its stem (`image` when
/// nothing is left) and its lower-case extension, one of
/// [`IMAGE_TYPES`], its bytes checked against it.
fn image_name(file_name: &str, bytes: &[u8], accepted: Accepted) -> Result<String, FileError> {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let (stem, ext) = base.rsplit_once('.').unwrap_or((base, ""));
    let ext = ext.to_ascii_lowercase();
    if !accepted.types().contains(&ext.as_str()) {
        let name = file_name.to_string();
        return Err(match accepted {
            Accepted::Image => FileError::ImageType { name },
            Accepted::Document => FileError::DocumentType { name },
        });
    }
    if !magic_matches(&ext, bytes) {
        let name = file_name.to_string();
        return Err(match accepted {
            Accepted::Image => FileError::NotAnImage { name },
            Accepted::Document => FileError::NotADocument { name },
        });
    }
    let stem = match slugify(stem) {
        s if s.is_empty() => "image".to_string(),
        s => s,
    };
    Ok(format!("{stem}.{ext}"))
}

/// Whether `bytes` start as a file of type `ext` does.
fn magic_matches(ext: &str, bytes: &[u8]) -> bool {
    match ext {
        "jpg" | "jpeg" => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
        "png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "gif" => bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a"),
        "webp" => bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP",
        "pdf" => bytes.starts_with(b"%PDF-"),
        // Zip containers: OpenDocument and Office Open XML.
        "odt" | "ods" | "odp" | "docx" | "xlsx" | "pptx" => bytes.starts_with(b"PK\x03\x04"),
        // The compound file of older Office documents.
        "doc" | "xls" | "ppt" => {
            bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        }
        "csv" | "txt" => std::str::from_utf8(bytes).is_ok_and(|t| !t.contains('\0')),
        _ => false,
    }
}

/// Writes an image into `bundle` under the first free name made from
/// `name` (`photo.jpg`, `photo-2.jpg`…), never over a file; returns the
/// name used.
fn write_image(root: &Path, bundle: &Path, name: &str, bytes: &[u8]) -> Result<String, FileError> {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    for n in 1..=MAX_SUFFIX {
        let candidate = format!("{}.{ext}", numbered(stem, n));
        let full = root.join(bundle).join(&candidate);
        if taken(&full) {
            continue;
        }
        match write_atomic(&full, bytes, false) {
            Ok(()) => return Ok(candidate),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io_error(&bundle.join(&candidate), e)),
        }
    }
    Err(FileError::NoFreeName {
        path: sources::to_slash(&bundle.join(name)),
    })
}

/// Turns the single-file article `rel` (whose text is `text`) into a
/// bundle holding the image: the bundle's `index.md` and the image first,
/// then the other articles' links, then the old file removed. A failure
/// before the removal puts everything back.
fn make_bundle(
    root: &Path,
    rel: &Path,
    text: &str,
    name: &str,
    bytes: &[u8],
) -> Result<Added, FileError> {
    let bundle = rel.with_extension("");
    let index = bundle.join("index.md");
    let old_id = content_id(rel);
    let new_id = content_id(&index);
    let moved = rewrite::Move {
        from: &old_id,
        to: &new_id,
    };
    let new_text = rewrite::rewrite(text, parent_id(&old_id), parent_id(&new_id), &moved);
    if let Err(e) = fs::create_dir(root.join(&bundle)) {
        return Err(match e.kind() {
            io::ErrorKind::AlreadyExists => FileError::BundleExists {
                path: sources::to_slash(&bundle),
            },
            _ => io_error(&bundle, e),
        });
    }
    let mut undo = Undo::new(root, &bundle);
    let result = (|| {
        write_atomic(&root.join(&index), new_text.as_bytes(), false)
            .map_err(|e| io_error(&index, e))?;
        let image = write_image(root, &bundle, name, bytes)?;
        let others = rewrite_others(root, rel, &moved, &mut undo)?;
        // Edited elsewhere meanwhile: removing it would lose that edit.
        let now = read_current(root, rel, &sources::to_slash(rel))?;
        if now.as_deref().map(version) != Some(version(text.as_bytes())) {
            return Err(FileError::Conflict {
                path: sources::to_slash(rel),
                current: now.as_deref().map(version),
            });
        }
        Ok((image, others))
    })();
    let (image, others) = match result {
        Ok(done) => done,
        Err(e) => {
            undo.run();
            return Err(e);
        }
    };
    if let Err(e) = fs::remove_file(root.join(rel)) {
        undo.run();
        return Err(io_error(rel, e));
    }
    sync_dir(&root.join(rel).with_file_name(""));
    let mut changed = vec![
        sources::to_slash(&index),
        sources::to_slash(&bundle.join(&image)),
        sources::to_slash(rel),
    ];
    changed.extend(others);
    Ok(Added {
        article: sources::to_slash(&index),
        image,
        changed,
        version: version(new_text.as_bytes()),
    })
}

/// Rewrites the links of every other Markdown file of `content/` that
/// names the moved article; returns their paths. Each is saved only if it
/// did not change since it was read; its old text goes to `undo`.
fn rewrite_others(
    root: &Path,
    moved_rel: &Path,
    moved: &rewrite::Move,
    undo: &mut Undo,
) -> Result<Vec<String>, FileError> {
    let (entries, _unreadable) = sources::walk(root, Path::new(CONTENT), Language::En);
    let mut changed = Vec::new();
    for entry in entries {
        if entry.is_dir || !entry.name.ends_with(".md") || entry.path == moved_rel {
            continue;
        }
        // A file that cannot be read is already an error of the build,
        // which names it; its links are not ours to guess.
        let Ok(bytes) = sources::read(root, &entry.path) else {
            continue;
        };
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let id = content_id(&entry.path);
        let dir = parent_id(&id);
        let new_text = rewrite::rewrite(&text, dir, dir, moved);
        if new_text == text {
            continue;
        }
        let path = sources::to_slash(&entry.path);
        save(root, &path, &new_text, Some(&version(text.as_bytes())))?;
        undo.restore(entry.path.clone(), text);
        changed.push(path);
    }
    Ok(changed)
}

/// A path relative to `content/`, `/`-separated (`sec/x.md`).
fn content_id(rel: &Path) -> String {
    let text = sources::to_slash(rel);
    text.strip_prefix("content/").unwrap_or(&text).to_string()
}

/// The folder of a content path (`sec/x.md` → `sec`, `x.md` → ``).
fn parent_id(id: &str) -> &str {
    id.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// What a failed move to a bundle puts back: the bundle folder it made
/// (removed with what it holds) and the other articles it rewrote (their
/// old text saved again).
struct Undo<'a> {
    root: &'a Path,
    bundle: PathBuf,
    restores: Vec<(PathBuf, String)>,
}

impl<'a> Undo<'a> {
    /// Nothing to put back yet but the new bundle folder.
    fn new(root: &'a Path, bundle: &Path) -> Self {
        Undo {
            root,
            bundle: bundle.to_path_buf(),
            restores: Vec::new(),
        }
    }

    /// `rel` had `text` before the move.
    fn restore(&mut self, rel: PathBuf, text: String) {
        self.restores.push((rel, text));
    }

    /// Puts everything back, as far as the system lets it.
    fn run(self) {
        for (rel, text) in self.restores {
            let _ = write_atomic(&self.root.join(rel), text.as_bytes(), true);
        }
        let _ = fs::remove_dir_all(self.root.join(&self.bundle));
    }
}
