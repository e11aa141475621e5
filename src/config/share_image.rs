//! `share_image`: the image a link to any page of the site is previewed
//! with (`og:image`) when the page has none of its own (every page but an
//! article with a cover).
//!
//! It is a file of the site's `static/` folder (or the theme's), published
//! at the same path, so it is checked where the writer can act: a file that
//! is not there, or not in a format link previews show (PNG, JPEG, GIF,
//! WebP: an SVG is not drawn by Teams or Outlook), is an error at the
//! value. Its `alt` is required by the file's shape (`yaml-missing-key`),
//! as an image's text is needed by whoever cannot see it; `alt: ""` says
//! the image is decorative.

use std::path::{Path, PathBuf};

use super::file::RawShareImage;
use super::places::Places;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::language::Language;
use crate::messages::t;

/// The site's share image.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareImage {
    /// Its path in the site, as published (`images/partage.png`).
    pub path: String,
    /// Its alternative text (empty: decorative).
    pub alt: String,
    /// The file it is published from.
    pub file: PathBuf,
}

/// The formats link previews draw.
const FORMATS: [&str; 5] = ["png", "jpg", "jpeg", "gif", "webp"];

/// The image, found in `static/` (the site's, else the theme's), or an
/// error at its `src`.
pub(super) fn resolve(
    places: Places,
    written: RawShareImage,
    root: &Path,
    theme: &str,
    lang: Language,
    errors: &mut Diagnostics,
) -> Option<ShareImage> {
    let src = written.src.0.trim();
    let path = src.trim_start_matches('/');
    let at = places.value(&["share_image", "src"]);
    let extension = Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase());
    if !extension.is_some_and(|e| FORMATS.contains(&e.as_str())) {
        errors.push(
            Diagnostic::error(
                Code::ConfigBadShareImage,
                t!(lang, "config-share-image-format", src = src),
            )
            .at(places.source, at)
            .with_help(t!(lang, "config-share-image-format-help")),
        );
        return None;
    }
    let inside = !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    let found = [
        root.join("static"),
        root.join("themes").join(theme).join("static"),
    ]
    .into_iter()
    .map(|folder| folder.join(path))
    .find(|file| inside && file.is_file());
    let Some(file) = found else {
        errors.push(
            Diagnostic::error(
                Code::ConfigBadShareImage,
                t!(lang, "config-share-image-not-found", src = src),
            )
            .at(places.source, at)
            .with_help(t!(lang, "config-share-image-not-found-help", path = path)),
        );
        return None;
    };
    Some(ShareImage {
        path: path.to_string(),
        alt: written.alt.0.trim().to_string(),
        file,
    })
}
