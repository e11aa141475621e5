//! Reading the site's sources: every file Gazette reads from the site
//! folder, and every folder it walks, goes through here, so one policy holds
//! everywhere.
//!
//! A source is read completely or the build fails: a folder or a file that
//! cannot be read is an error naming it, never a page quietly left out (and
//! its published copy deleted). Only regular files are read: a named pipe,
//! a socket or a device is refused from its type, checked before it is
//! opened (opening a pipe waits forever for a writer; opening some devices
//! acts on them), and checked again on the opened file, opened without
//! waiting, in case it was swapped in between. Symbolic links are followed
//! when they lead to a file or a folder inside the site's folder; a link
//! that leads out of it is refused without reading the target (its content
//! must never reach a page or a message), and so are broken links and
//! loops. A file name that is not UTF-8 is refused too: it would otherwise
//! be read lossily and published under another name.
//!
//! The links are checked where the folders are walked ([`walk`]): walkdir
//! reports which entries are links, so only those cost a path resolution.
//! Files read without a walk (`site.yaml`, the theme's UI strings) are
//! checked one by one ([`read_alone`]).

use crate::diagnostics::Code;
use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, SourceText};
use crate::language::Language;
use crate::messages::t;

/// Folder of a site's own templates.
pub const SITE_TEMPLATES: &str = "templates";
/// Folder of a site's static files.
pub const SITE_STATIC: &str = "static";

/// Whether a file name is an editor's temporary or a hidden file.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
}

/// A relative path with `/` separators.
pub fn to_slash(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Why a source was not read.
#[derive(Debug)]
pub enum Refusal {
    /// The system refused to open or read it.
    Unreadable(io::Error),
    /// A folder that cannot be listed.
    FolderUnreadable(io::Error),
    /// Not a regular file: a pipe, a socket, a device.
    NotRegular(Special),
    /// A symbolic link to this place outside the site's folder.
    Outside(PathBuf),
    /// A symbolic link that leads back to itself or to a folder above it.
    Loop,
    /// A symbolic link to nothing.
    Broken,
    /// A file name that is not UTF-8.
    NameNotUtf8,
}

/// The kinds of files that are not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    /// A named pipe.
    Fifo,
    /// A Unix socket.
    Socket,
    /// A block or character device.
    Device,
    /// Anything else that is not a regular file.
    Other,
}

impl Special {
    fn of(meta: &Metadata) -> Option<Special> {
        let kind = meta.file_type();
        if kind.is_file() {
            return None;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return Some(Special::Fifo);
            }
            if kind.is_socket() {
                return Some(Special::Socket);
            }
            if kind.is_block_device() || kind.is_char_device() {
                return Some(Special::Device);
            }
        }
        Some(Special::Other)
    }

    /// The catalog's keyword for this kind of file (`sources-not-regular`).
    fn keyword(self) -> &'static str {
        match self {
            Special::Fifo => "fifo",
            Special::Socket => "socket",
            Special::Device => "device",
            Special::Other => "other",
        }
    }
}

impl Refusal {
    /// The diagnostic naming `path` (relative to the site root); a file the
    /// system cannot read gets `unreadable_code`, the code its reader has
    /// always used (`file-unreadable`, `template-unreadable`…).
    pub fn diagnostic(&self, path: &Path, unreadable_code: Code, lang: Language) -> Diagnostic {
        let d = match self {
            Refusal::Unreadable(e) => unreadable(e, unreadable_code, lang),
            refusal => refusal.worded(lang),
        };
        d.in_file(path)
    }

    /// The diagnostic of the refusal, under the codes of `docs/diagnostics.md`'s
    /// Files section.
    fn worded(&self, lang: Language) -> Diagnostic {
        match self {
            Refusal::NotRegular(kind) => Diagnostic::error(
                Code::FileNotRegular,
                t!(lang, "sources-not-regular", kind = kind.keyword()),
            )
            .with_help(t!(lang, "sources-not-regular-help")),
            Refusal::Outside(target) => Diagnostic::error(
                Code::SymlinkOutsideSite,
                t!(
                    lang,
                    "sources-symlink-outside",
                    target = target.display().to_string()
                ),
            )
            .with_help(t!(lang, "sources-symlink-outside-help")),
            Refusal::Loop => Diagnostic::error(Code::SymlinkLoop, t!(lang, "sources-symlink-loop"))
                .with_help(t!(lang, "sources-symlink-loop-help")),
            Refusal::Broken => {
                Diagnostic::error(Code::SymlinkBroken, t!(lang, "sources-symlink-broken"))
                    .with_help(t!(lang, "sources-symlink-broken-help"))
            }
            Refusal::NameNotUtf8 => {
                Diagnostic::error(Code::FileNameNotUtf8, t!(lang, "sources-name-not-utf8"))
                    .with_help(t!(lang, "sources-name-not-utf8-help"))
            }
            Refusal::Unreadable(e) => unreadable(e, Code::FileUnreadable, lang),
            Refusal::FolderUnreadable(e) => Diagnostic::error(
                Code::FolderUnreadable,
                t!(
                    lang,
                    "sources-folder-unreadable",
                    reason = crate::os_errors::reason(e, lang)
                ),
            )
            .with_help(t!(lang, "sources-folder-unreadable-help")),
        }
    }
}

/// A file the system cannot read, under the code its reader uses.
fn unreadable(e: &io::Error, code: Code, lang: Language) -> Diagnostic {
    let d = Diagnostic::error(
        code,
        t!(
            lang,
            "sources-unreadable",
            reason = crate::os_errors::reason(e, lang)
        ),
    );
    match e.kind() {
        io::ErrorKind::PermissionDenied => {
            d.with_help(t!(lang, "sources-unreadable-permission-help"))
        }
        _ => d,
    }
}

/// Reads a file found by [`walk`] (whose links are already checked):
/// refused unless it is a regular file.
pub fn read(root: &Path, path: &Path) -> Result<Vec<u8>, Refusal> {
    let mut file = open(&root.join(path))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(Refusal::Unreadable)?;
    Ok(bytes)
}

/// Whether a file found by [`walk`] can be read, without reading it: for
/// the files copied as they are, which are read only when written.
pub fn probe(root: &Path, path: &Path) -> Result<(), Refusal> {
    open(&root.join(path)).map(drop)
}

/// Reads a file that no walk found, such as `site.yaml`: its links must
/// stay inside the site's folder too.
pub fn read_alone(root: &Path, path: &Path) -> Result<Vec<u8>, Refusal> {
    let full = root.join(path);
    let canonical_root = root.canonicalize().map_err(Refusal::Unreadable)?;
    match full.canonicalize() {
        Ok(target) if !target.starts_with(&canonical_root) => Err(Refusal::Outside(target)),
        Ok(_) => read(root, path),
        Err(e) => Err(classify_missing(&full, e)),
    }
}

/// A path that does not resolve: a loop, a broken link, or a missing or
/// unreadable file.
fn classify_missing(full: &Path, e: io::Error) -> Refusal {
    // ELOOP; `io::ErrorKind::FilesystemLoop` is not stable yet.
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return Refusal::Loop;
    }
    let is_link = full
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink());
    if is_link && e.kind() == io::ErrorKind::NotFound {
        return Refusal::Broken;
    }
    Refusal::Unreadable(e)
}

/// Opens a regular file for reading: its type is checked before it is
/// opened, and again once opened (without waiting, so a pipe swapped in
/// meanwhile cannot block).
fn open(full: &Path) -> Result<File, Refusal> {
    let meta = std::fs::metadata(full).map_err(|e| classify_missing(full, e))?;
    if let Some(kind) = Special::of(&meta) {
        return Err(Refusal::NotRegular(kind));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(full).map_err(Refusal::Unreadable)?;
    let meta = file.metadata().map_err(Refusal::Unreadable)?;
    match Special::of(&meta) {
        Some(kind) => Err(Refusal::NotRegular(kind)),
        None => Ok(file),
    }
}

/// An entry of a walked folder that may be read.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Relative to the site root.
    pub path: PathBuf,
    /// Relative to the walked folder, `/`-separated (empty for the folder).
    pub rel: String,
    /// The file name.
    pub name: String,
    /// A folder (else a regular file).
    pub is_dir: bool,
    /// Folders between this entry and the walked folder (0 for the folder).
    pub depth: usize,
}

/// Walks `dir` (relative to the site root) in name order, parents before
/// their content, hidden and editors' temporary files left out: the
/// entries that may be read, and a diagnostic for each one that may not.
/// A missing `dir` is empty.
pub fn walk(root: &Path, dir: &Path, lang: Language) -> (Vec<Entry>, Vec<Diagnostic>) {
    let full = root.join(dir);
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    if std::fs::symlink_metadata(&full).is_err() {
        return (entries, errors);
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut refuse = |at: &Path, refusal: Refusal| {
        let rel = at.strip_prefix(root).unwrap_or(at);
        errors.push(refusal.diagnostic(rel, Code::FileUnreadable, lang));
    };
    let mut walker = WalkDir::new(&full)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(next) = walker.next() {
        let entry = match next {
            Ok(entry) => entry,
            Err(e) => {
                let at = e.path().unwrap_or(&full).to_path_buf();
                refuse(&at, walk_error(e));
                continue;
            }
        };
        let lossy = entry.file_name().to_string_lossy();
        if entry.depth() > 0 && is_ignored(&lossy) {
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        let refusal = if entry.depth() > 0 && entry.file_name().to_str().is_none() {
            Some(Refusal::NameNotUtf8)
        } else if entry.path_is_symlink() {
            match entry.path().canonicalize() {
                Ok(target) if !target.starts_with(&canonical_root) => {
                    Some(Refusal::Outside(target))
                }
                Ok(_) => None,
                Err(e) => Some(classify_missing(entry.path(), e)),
            }
        } else {
            None
        };
        let refusal = refusal.or_else(|| {
            let kind = entry.file_type();
            (!kind.is_dir() && !kind.is_file()).then(|| {
                let special = entry.metadata().ok().and_then(|m| Special::of(&m));
                Refusal::NotRegular(special.unwrap_or(Special::Other))
            })
        });
        if let Some(refusal) = refusal {
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            refuse(entry.path(), refusal);
            continue;
        }
        let rel = entry.path().strip_prefix(&full).unwrap_or(entry.path());
        entries.push(Entry {
            path: dir.join(rel),
            rel: to_slash(rel),
            name: lossy.into_owned(),
            is_dir: entry.file_type().is_dir(),
            depth: entry.depth(),
        });
    }
    (entries, errors)
}

/// What a walkdir error means for a writer.
fn walk_error(e: walkdir::Error) -> Refusal {
    if e.loop_ancestor().is_some() {
        return Refusal::Loop;
    }
    let path = e.path().map(Path::to_path_buf);
    let Some(io) = e.into_io_error() else {
        return Refusal::Loop;
    };
    let Some(path) = path else {
        return Refusal::FolderUnreadable(io);
    };
    match classify_missing(&path, io) {
        Refusal::Unreadable(io) if path.is_dir() => Refusal::FolderUnreadable(io),
        other => other,
    }
}

/// Reads a source file as UTF-8, or says why not (watch mode reads one file
/// at a time through it too). The file must be one discovery found (see
/// [`crate::sources`]).
pub fn text(root: &Path, path: &Path, lang: Language) -> Result<String, Vec<Diagnostic>> {
    let bytes = read(root, path)
        .map_err(|refusal| vec![refusal.diagnostic(path, Code::FileUnreadable, lang)])?;
    text_from(bytes, path, lang)
}

/// The bytes of the source file `path` as UTF-8 text, or where they are not.
pub fn text_from(bytes: Vec<u8>, path: &Path, lang: Language) -> Result<String, Vec<Diagnostic>> {
    // SIMD validation first (French text leaves std's ASCII fast path at
    // every accent: this was 3% of a rebuild); std's, which also says
    // where, for a file that fails.
    if let Ok(text) = simdutf8::basic::from_utf8(&bytes) {
        return Ok(text.to_owned());
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        vec![
            Diagnostic::error(Code::FileNotUtf8, t!(lang, "sources-not-utf8"))
                .at(&SourceText::new(path, text), at..at + 1)
                .with_help(t!(lang, "sources-not-utf8-help")),
        ]
    })
}
