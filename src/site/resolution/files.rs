//! The files an article's front matter names: its cover image, its
//! downloads, and the photos of its people that sit beside it.
//!
//! Each is a path relative to the article's folder, resolved like a link in
//! the body (so a missing file is the same error, at the value), then made
//! into what the templates show: the image with its typeset caption and
//! credit (and its size, when its header gives it: `image_size`), a download with its size on disk and its type label (`PDF`).

use super::Resolving;
use crate::content::ContentPath;
use crate::site::image_size;
use crate::site::{Download, Image};
use crate::typography::typeset;

/// The cover image, resolved.
pub(super) fn image(r: &mut Resolving) -> Option<Image> {
    let lang = r.config.language;
    let img = r.article.loaded.meta.image.as_ref()?;
    let src = r.file("image", img.src.as_str())?;
    let size = ContentPath::linked(&r.article.base_dir, img.src.as_str())
        .and_then(|p| image_size::of_file(&r.config.root.join("content").join(p.as_str())));
    Some(Image {
        src,
        size,
        // An attribute: kept as written, like a body image's alt text.
        alt: img
            .alt
            .as_ref()
            .map(|t| t.as_str().trim().to_string())
            .unwrap_or_default(),
        caption: img.caption.as_ref().map(|t| typeset(lang, t.as_str())),
        credit: img.credit.as_ref().map(|t| typeset(lang, t.as_str())),
    })
}

/// The photos of the article's people that sit beside it must exist.
pub(super) fn check_photos(r: &mut Resolving) {
    for person in r.article.loaded.meta.people.values() {
        if let Some(photo) = &person.photo
            && !photo.as_str().starts_with('/')
            && !photo.as_str().contains("://")
        {
            r.file("people", photo.as_str());
        }
    }
}

/// The attached documents, resolved, with their size and type.
pub(super) fn downloads(r: &mut Resolving) -> Vec<Download> {
    let lang = r.config.language;
    let a = r.article;
    let mut downloads = Vec::new();
    for d in &a.loaded.meta.downloads {
        let Some(url) = r.file("downloads", d.file.as_str()) else {
            continue;
        };
        let on_disk = ContentPath::linked(&a.base_dir, d.file.as_str())
            .map(|p| r.config.root.join("content").join(p.as_str()))
            .unwrap_or_default();
        let size = std::fs::metadata(&on_disk).map(|m| m.len()).unwrap_or(0);
        let kind = std::path::Path::new(d.file.as_str())
            .extension()
            .map(|e| e.to_string_lossy().to_uppercase())
            .unwrap_or_default();
        // Front matter without a title does not load (front-matter-download-title).
        let title = d.title.as_ref().map(|t| t.0.trim()).unwrap_or_default();
        downloads.push(Download {
            url,
            title: typeset(lang, title),
            description: d.description.as_ref().map(|t| typeset(lang, t.as_str())),
            size,
            kind,
        });
    }
    downloads
}
