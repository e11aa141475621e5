//! The files an article's front matter names: its cover image, its
//! downloads, and the photos of its people that sit beside it.
//!
//! Each is a path relative to the article's folder, resolved like a link in
//! the body (so a missing file is the same error, at the value), then made
//! into what the templates show: the image with its typeset caption and
//! credit (and its size, when its header gives it: `image_size`), a download
//! with its size on disk and its type label (`PDF`).
//! The raster photos among them and the body's images are listed with
//! where they are named (`photos`), for the build that publishes their
//! variants.

use super::{Resolving, file_link};
use crate::content::ContentPath;
use crate::content::markdown::{LinkKind, LinkRef};
use crate::diagnostics::{Code, Diagnostic};
use crate::images::Kind;
use crate::messages::t;
use crate::site::focus::Focus;
use crate::site::image_size;
use crate::site::{Download, Image, PhotoUse};
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
        picture: None,
        card: None,
        focus: img.focus.as_ref().and_then(|f| focus(r, f.as_str())),
    })
}

/// The cover's `focus:`, or `None` with `image-bad-focus` kept, at the
/// value, when it is not two percentages (`site::focus`).
fn focus(r: &mut Resolving, written: &str) -> Option<Focus> {
    if let Some(focus) = Focus::parse(written) {
        return Some(focus);
    }
    let lang = r.config.language;
    let loaded = &r.article.loaded;
    let yaml = loaded.split.yaml.clone();
    let at = crate::yaml::locate_value(&loaded.source.text[yaml.clone()], &["image", "focus"])
        .map_or(yaml.start..yaml.start, |v| {
            yaml.start + v.start..yaml.start + v.end
        });
    r.errors.push(
        Diagnostic::error(
            Code::ImageBadFocus,
            t!(lang, "site-image-bad-focus", focus = written.trim()),
        )
        .at(&loaded.source, at)
        .with_help(t!(lang, "site-image-bad-focus-help")),
    );
    None
}

/// The raster photos the article shows, its cover first then its body's
/// images in order, each where it is named (for a build's variants and
/// their errors). Only those that resolve to a file of `content/`: the
/// others are reported already, or are another site's.
pub(super) fn photos(r: &Resolving) -> Vec<PhotoUse> {
    let loaded = &r.article.loaded;
    let cover = loaded
        .meta
        .image
        .as_ref()
        .map(|img| (file_link(loaded, "image", img.src.as_str()), true));
    let body = loaded
        .body
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::Image)
        .map(|l| (l.clone(), false));
    cover
        .into_iter()
        .chain(body)
        .filter(|(link, _)| Kind::of_path(path_part(&link.dest)) == Kind::Raster)
        .filter_map(|(link, cover)| photo(r, &link, cover))
        .collect()
}

/// The destination without its `?query` or `#fragment`.
fn path_part(dest: &str) -> &str {
    dest.split(['?', '#']).next().unwrap_or(dest)
}

/// One photo, if `link` leads to a file of `content/`.
fn photo(r: &Resolving, link: &LinkRef, cover: bool) -> Option<PhotoUse> {
    let a = r.article;
    let source = &a.loaded.source;
    let url = r
        .resolver
        .resolve(link, &a.base_dir, r.own, r.config, source)
        .ok()?;
    let content = ContentPath::linked(&a.base_dir, path_part(&link.dest))?;
    Some(PhotoUse {
        url,
        source: std::path::Path::new("content").join(content.as_str()),
        written: link.dest.clone(),
        cover,
        file: source.path.clone(),
        position: source.position(link.span.clone()),
    })
}

/// The photos of the article's people that sit beside it (under
/// `people:` or written inline after a `by:`) must exist.
pub(super) fn check_photos(r: &mut Resolving) {
    let loaded = std::sync::Arc::clone(&r.article.loaded);
    for (key, photo) in loaded.meta.photos_written() {
        if !photo.starts_with('/') && !photo.contains("://") {
            r.file(key, photo);
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
