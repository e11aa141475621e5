//! Content-hashed names for the stylesheets and the script every page asks
//! for: `css/gazette.css` is published as `css/gazette.3f2a9c1e.css`.
//!
//! An intranet proxy or a browser may keep a stylesheet for days: with the
//! hash of its bytes in its name, a theme update is a new address, never a
//! stale copy. The names are made when the theme is loaded, from the bytes
//! as published (the main stylesheet with the code colours appended, which
//! is why that bundling is here), so the pages, the claims of output paths
//! and the copied files all see the same name; the unhashed path is not
//! published. The hash is SipHash-1-3 with fixed keys (`siphasher`, as
//! `check --format gitlab`'s fingerprints): stable across Rust versions and
//! machines (unlike `DefaultHasher`), enough to tell two versions of a file
//! apart; no cryptography is asked of it.
//! Only these files are renamed: other static files (fonts, images) keep
//! their names, so what a stylesheet references from `css/` keeps working.
//! The preview (`serve`) keeps the plain names ([`AssetNames::Plain`]): its
//! pages swap an edited stylesheet in place, which a new name would defeat.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The files pages reference by name (`assets.css`, `assets.print_css`,
/// `assets.js`), published under a hashed name.
pub const FINGERPRINTED: [&str; 3] = ["css/gazette.css", "css/print.css", "js/gazette.js"];

/// Whether the pages' files are published under hashed names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AssetNames {
    /// `css/gazette.3f2a9c1e.css`: what a build publishes.
    #[default]
    Hashed,
    /// `css/gazette.css`: the preview's, whose pages swap a stylesheet in
    /// place when it is edited (a new name would mean new pages) and which
    /// no proxy stands in front of.
    Plain,
}

/// A file published under its hashed name.
#[derive(Debug, Clone, PartialEq)]
pub struct Fingerprinted {
    /// The output path with the hash (`css/gazette.3f2a9c1e.css`).
    pub path: String,
    /// The bytes published there.
    pub bytes: Vec<u8>,
}

/// Renames each of [`FINGERPRINTED`] that `statics` (output path → source)
/// holds to its hashed name (with [`AssetNames::Hashed`]), and returns them
/// by their plain name, with the bytes to publish. A file that cannot be
/// read keeps its name: reading it is reported where static files are
/// probed.
pub fn fingerprint(
    root: &Path,
    statics: &mut BTreeMap<String, PathBuf>,
    names: AssetNames,
) -> BTreeMap<String, Fingerprinted> {
    let mut out = BTreeMap::new();
    for plain in FINGERPRINTED {
        let Some(src) = statics.get(plain) else {
            continue;
        };
        let Ok(mut bytes) = crate::sources::read(root, src) else {
            continue;
        };
        if plain == "css/gazette.css" {
            bundle_code_colours(root, statics, &mut bytes);
        }
        let path = match names {
            AssetNames::Hashed => hashed_name(plain, &bytes),
            AssetNames::Plain => plain.to_string(),
        };
        let src = statics.remove(plain).unwrap_or_default();
        statics.insert(path.clone(), src);
        out.insert(plain.to_string(), Fingerprinted { path, bytes });
    }
    out
}

/// The theme's code colours, `css/code-light.css` and `css/code-dark.css`
/// (the latter for `prefers-color-scheme: dark`), go at the end of its main
/// stylesheet as well: every page then asks for no more stylesheets than
/// before (a theme without them is left as it is).
fn bundle_code_colours(root: &Path, statics: &BTreeMap<String, PathBuf>, css: &mut Vec<u8>) {
    let read = |key: &str| crate::sources::read(root, statics.get(key)?).ok();
    let (Some(light), Some(dark)) = (read("css/code-light.css"), read("css/code-dark.css")) else {
        return;
    };
    css.extend_from_slice(b"\n");
    css.extend_from_slice(&light);
    css.extend_from_slice(b"\n@media (prefers-color-scheme: dark) {\n");
    css.extend_from_slice(&dark);
    css.extend_from_slice(b"}\n");
}

/// `css/gazette.css` → `css/gazette.<8 hex digits>.css`.
pub fn hashed_name(plain: &str, bytes: &[u8]) -> String {
    let hash = format!("{:016x}", sip(bytes));
    let short = &hash[..8];
    match plain.rsplit_once('.') {
        Some((stem, ext)) if !stem.ends_with('/') => format!("{stem}.{short}.{ext}"),
        _ => format!("{plain}.{short}"),
    }
}

/// The 64-bit SipHash-1-3 of `bytes`, with the zero keys.
fn sip(bytes: &[u8]) -> u64 {
    siphasher::sip::SipHasher13::new().hash(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_follows_the_bytes_and_nothing_else() {
        let a = hashed_name("css/gazette.css", b"body { color: black }");
        assert_eq!(a, hashed_name("css/gazette.css", b"body { color: black }"));
        assert_ne!(a, hashed_name("css/gazette.css", b"body { color: navy }"));
        assert!(a.starts_with("css/gazette.") && a.ends_with(".css"), "{a}");
        assert_eq!(a.len(), "css/gazette..css".len() + 8, "{a}");
        // A fixed value, so the names stay the same across machines and
        // compiler versions (SipHash-1-3 of nothing under the zero keys).
        assert_eq!(hashed_name("js/gazette.js", b""), "js/gazette.d1fba762.js");
    }
}
