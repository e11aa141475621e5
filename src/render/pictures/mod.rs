//! A build's photos: every raster image the site shows (an article's
//! cover and body images, people's photos, organisation logos; a card
//! shows its cover's) published in variants (`crate::images`), and the
//! pages given `<picture>` for them. Which widths each place offers is
//! `places`.
//!
//! It runs between assembly and rendering, on the build only: each source
//! file once however many articles show it, on rayon's threads, through the
//! site's cache (`images::cache`), so a rebuild encodes only what changed.
//! The variants sit beside the source (`photo.jpg` → `photo.800w.avif`, `photo.800w.webp`,
//! `photo.800w.jpg`), and the source's own address serves its largest
//! fallback instead of the file as uploaded, so a card, a link or a feed
//! that names it gets the same upright, metadata-free pixels. The model is
//! then edited: a cover gets its [`Picture`] (the theme's template writes
//! the markup, see `docs/theming.md`), a body image's `<img>` becomes a
//! `<picture>` here, since Markdown has no template. It is a stage of the
//! shared pipeline (`Pipeline::photos`), so `build` and `build --watch`
//! publish the same files; `check` runs it with [`Encoding::Planned`]
//! (decoded, nothing encoded: the same errors and paths); `serve` runs it
//! with [`Encoding::Ready`]: the photos already in the cache get their
//! pictures, the others keep their uploads for now and are listed in
//! [`Published::pending`] for the preview's background worker
//! (`serve::photos`): encoding must not hold up a preview.
//!
//! A photo that cannot be published is an error at every place that names
//! it, worded by `images::ImageError`.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub mod places;
mod report;

use crate::diagnostics::Diagnostic;
use crate::images::cache::Cache;
use crate::images::{Format, ImageError, Kind, Settings, Variants};
use crate::output::{Content, Files};
use crate::progress::{Progress, Stage};
use crate::render::photo_fit;
use crate::site::{Picture, PictureSource, Site};

/// The `sizes` of a body image: the article's text column (`.wrap.narrow`
/// of the theme's stylesheet, at most 40rem wide), else the screen's width.
pub const BODY_SIZES: &str = "(min-width: 44rem) 40rem, 100vw";

/// How the photos' files are made.
#[derive(Debug, Clone, Copy)]
pub enum Encoding<'a> {
    /// Encoded, through the site's cache (`build`, `build --watch`).
    Cached(&'a Cache),
    /// Decoded only, their variants listed with no bytes (`check`: the
    /// same errors and output paths, nothing encoded, and the source's own
    /// address left to its copy).
    Planned,
    /// Taken from the site's cache when there, else left as uploaded and
    /// listed as pending, with nothing decoded or encoded (`serve`).
    Ready(&'a Cache),
}

/// An article's photo in variants: as its page shows it, and as a card
/// shows it (a cover's widths that fit a card, `places::card`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// On the article's page (cover, body): the site's widths.
    pub page: Picture,
    /// On a card.
    pub card: Picture,
}

/// Each article photo's pictures, by its source file (relative to the
/// site's root).
pub type Pictures = HashMap<PathBuf, Placed>;

/// What publishing the photos made.
#[derive(Debug, Default)]
pub struct Published {
    /// The pictures, for an article whose body is rendered again alone
    /// (`build --watch`'s fast path, [`place`]).
    pub pictures: Pictures,
    /// The variants, and each source's address with its largest fallback.
    pub files: Files,
    /// The photos that could not be published, at every place naming them.
    pub errors: Vec<Diagnostic>,
    /// `check`'s warnings on photos too large or too small for where they
    /// are shown ([`Encoding::Planned`] only, see `photo_fit`).
    pub warnings: Vec<Diagnostic>,
    /// How many photos were encoded rather than taken from the cache.
    pub encoded: usize,
    /// The photos not in the cache yet, shown as uploaded
    /// ([`Encoding::Ready`] only): each source file with the settings it is
    /// to be encoded with (the site's, with its places' widths).
    pub pending: Vec<(PathBuf, Settings)>,
}

/// Which published file a photo is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// A content file, in `site.assets`.
    Asset(usize),
    /// A static file of the site or the theme, in the `statics` given to
    /// [`publish`] (a person's photo or a logo named by a site path).
    Static(usize),
}

/// One source file and every place that shows it.
#[derive(Debug)]
struct Source<'a> {
    /// The address the first place names it by.
    url: String,
    /// Its file.
    origin: Origin,
    /// The file's output path.
    output: &'a str,
    /// Shown by an article (cover or body): the site's widths.
    page: bool,
    /// Shown as a person's photo: [`places::AVATAR_WIDTHS`].
    avatar: bool,
    /// Shown as a logo: these widths.
    logo: Option<Vec<u32>>,
}

impl Source<'_> {
    /// The site's `settings` with every width its places want: what it is
    /// encoded (and looked up in the cache) with.
    pub(crate) fn settings(&self, settings: &Settings) -> Settings {
        Settings {
            widths: self.widths(settings),
            ..settings.clone()
        }
    }

    /// Every width any of its places wants.
    fn widths(&self, settings: &Settings) -> Vec<u32> {
        let mut all = Vec::new();
        if self.page {
            all.extend(&settings.widths);
        }
        if self.avatar {
            all.extend(places::AVATAR_WIDTHS);
        }
        all.extend(self.logo.iter().flatten());
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// One source's pictures: for an article, as a portrait, as a logo.
#[derive(Debug, Default)]
struct Made {
    placed: Option<Placed>,
    portrait: Option<Picture>,
    logo: Option<Picture>,
}

/// One source's pictures and files, or why it has none.
type Outcome = Result<(Made, Files), ImageError>;

/// Publishes the photos of `site` (its files read from `root`) and puts
/// their pictures in its articles, its people's photos and its logos
/// (`site.portraits`, `site.logos`). Their variants' paths are listed in
/// `site.variants` and checked with every other output path (`statics`
/// are the theme's static files, as `site::paths` takes them): a variant
/// that would overwrite another file is an error, not a silent loss.
/// A person's photo or a logo is published so when it is a content file
/// or a static file in JPEG, PNG or WebP; another site's, an SVG or a GIF
/// is shown as it is.
pub fn publish(
    site: &mut Site,
    root: &Path,
    encoding: Encoding<'_>,
    settings: &Settings,
    statics: &[(String, PathBuf)],
    progress: &dyn Progress,
) -> Published {
    let sources = sources(site, root, statics);
    progress.stage(Stage::Photos, Some(sources.len() as u64));
    type Tried<'a> = (
        PathBuf,
        Origin,
        &'a str,
        Settings,
        Option<Outcome>,
        Vec<Diagnostic>,
    );
    let made: Vec<Tried<'_>> = sources
        .par_iter()
        .filter_map(|(source, s)| {
            let _step = Step(progress);
            // A file that cannot be read is reported by its copy.
            let bytes = crate::sources::read(root, source).ok()?;
            let wanted = s.settings(settings);
            let (made, warnings) = make(site, source, &bytes, s, encoding, (settings, &wanted));
            Some((source.clone(), s.origin, s.output, wanted, made, warnings))
        })
        .collect();
    let mut published = Published {
        encoded: match encoding {
            Encoding::Cached(cache) => cache.encoded(),
            Encoding::Planned | Encoding::Ready(_) => 0,
        },
        ..Published::default()
    };
    let mut pictures = HashMap::new();
    let (mut variants, mut static_variants) = (Vec::new(), Vec::new());
    let (mut portraits, mut logos) = (HashMap::new(), HashMap::new());
    for (source, origin, own, wanted, made, warnings) in made {
        published.warnings.extend(warnings);
        let Some(made) = made else {
            published.pending.push((source, wanted));
            continue;
        };
        match made {
            Ok((made, files)) => {
                let others = files.keys().filter(|p| *p != own).cloned();
                match origin {
                    Origin::Asset(i) => variants.extend(others.map(|p| (p, i))),
                    Origin::Static(i) => static_variants.extend(others.map(|p| (p, i))),
                }
                published.files.extend(files);
                let url = || site.config.url(own);
                if let Some(p) = made.portrait {
                    portraits.insert(url(), p);
                }
                if let Some(p) = made.logo {
                    logos.insert(url(), p);
                }
                if let Some(placed) = made.placed {
                    pictures.insert(source, placed);
                }
            }
            Err(e) => {
                published.errors.extend(errors(site, &source, e));
                // A person's photo or a logo is named by its address.
                let address = site.config.url(own);
                published
                    .errors
                    .extend(report::errors(site, root, &address, e));
            }
        }
    }
    site.variants = variants;
    site.static_variants = static_variants;
    site.portraits = portraits;
    site.logos = logos;
    published
        .errors
        .extend(crate::site::paths::check_variants(site, statics));
    for article in &mut site.articles {
        place(article, &pictures);
    }
    published.pictures = pictures;
    published
}

/// The photos of article `index` alone, as [`publish`] makes them for
/// the whole site: their pictures put in that article, the errors and
/// warnings of its photos returned, nothing else of `site` changed (its
/// variants, portraits and logos stay as the last [`publish`] left them).
/// Only this article's photos are read and looked up: the studio's
/// preview of an article patched into the last site (`site::patch`).
pub fn publish_article(
    site: &mut Site,
    index: usize,
    root: &Path,
    encoding: Encoding<'_>,
    settings: &Settings,
    statics: &[(String, PathBuf)],
) -> Vec<Diagnostic> {
    let shown: Vec<PathBuf> = site.articles[index]
        .photos
        .iter()
        .map(|p| p.source.clone())
        .collect();
    let mut found = Vec::new();
    let mut pictures = HashMap::new();
    let all = sources(site, root, statics);
    for (source, s) in all.iter().filter(|(source, _)| shown.contains(source)) {
        // A file that cannot be read is reported by its copy.
        let Ok(bytes) = crate::sources::read(root, source) else {
            continue;
        };
        let wanted = s.settings(settings);
        let (made, warnings) = make(site, source, &bytes, s, encoding, (settings, &wanted));
        found.extend(warnings);
        match made {
            Some(Ok((made, _))) => {
                if let Some(placed) = made.placed {
                    pictures.insert(source.clone(), placed);
                }
            }
            Some(Err(e)) => {
                found.extend(errors(site, source, e));
                let address = site.config.url(s.output);
                found.extend(report::errors(site, root, &address, e));
            }
            // Not encoded yet: shown as uploaded.
            None => {}
        }
    }
    drop(all);
    place(&mut site.articles[index], &pictures);
    found
}

/// The pictures and files of the photo `source` (its `bytes`, shown in
/// the places of `s`) as `encoding` says, with the site's `settings` and
/// those of its places, `wanted`; `None` when left pending; with `check`'s
/// warnings on its size.
fn make(
    site: &Site,
    source: &Path,
    bytes: &[u8],
    s: &Source<'_>,
    encoding: Encoding<'_>,
    (settings, wanted): (&Settings, &Settings),
) -> (Option<Outcome>, Vec<Diagnostic>) {
    let mut warnings = Vec::new();
    let variants = match encoding {
        Encoding::Cached(cache) => cache.variants(bytes, wanted),
        Encoding::Planned => crate::images::plan(bytes, wanted).map(|p| {
            let weight = bytes.len() as u64;
            warnings = photo_fit::warnings(site, source, p.width, weight, settings);
            p.variants
        }),
        Encoding::Ready(cache) => match cache.cached(bytes, wanted) {
            Some(found) => Ok(found),
            None => return (None, warnings),
        },
    };
    let made = variants.map(|v| {
        let (_, mut files) = picture(&v, &s.url, s.output);
        if let Encoding::Planned = encoding {
            files.remove(s.output);
        }
        (pictures_of(&v, s, settings), files)
    });
    (Some(made), warnings)
}

/// One step of the progress, told when dropped (whichever way a source's
/// closure returns).
struct Step<'a>(&'a dyn Progress);

impl Drop for Step<'_> {
    fn drop(&mut self) {
        self.0.step();
    }
}

/// Every raster content file the site shows as a photo, with its places:
/// the articles' (the first naming it gives its address), then the
/// people's photos and the logos, found by their published address among
/// the content files, then the static files (`statics`).
fn sources<'a>(
    site: &'a Site,
    root: &Path,
    statics: &'a [(String, PathBuf)],
) -> BTreeMap<PathBuf, Source<'a>> {
    let by_source: HashMap<&Path, (usize, &str)> = site
        .assets
        .iter()
        .enumerate()
        .map(|(i, (out, src))| (src.as_path(), (i, out.as_str())))
        .collect();
    // Content files first: a static file at the same path is an error
    // reported at assembly.
    let files = site
        .assets
        .iter()
        .enumerate()
        .map(|(i, f)| (Origin::Asset(i), f))
        .chain(
            statics
                .iter()
                .enumerate()
                .map(|(i, f)| (Origin::Static(i), f)),
        )
        .rev();
    let by_url: HashMap<String, (Origin, &'a str, &'a PathBuf)> = files
        .map(|(origin, (out, src))| (site.config.url(out), (origin, out.as_str(), src)))
        .collect();
    let mut sources: BTreeMap<PathBuf, Source<'a>> = BTreeMap::new();
    for photo in site.articles.iter().flat_map(|a| &a.photos) {
        if let Some(&(asset, output)) = by_source.get(photo.source.as_path()) {
            sources
                .entry(photo.source.clone())
                .or_insert_with(|| Source {
                    url: photo.url.clone(),
                    origin: Origin::Asset(asset),
                    output,
                    page: false,
                    avatar: false,
                    logo: None,
                })
                .page = true;
        }
    }
    let mut add = |address: &str, avatar: bool| {
        let url = address.split(['?', '#']).next().unwrap_or(address);
        let &(origin, output, file) = by_url.get(url)?;
        if Kind::of_path(output) != Kind::Raster {
            return None;
        }
        let s = sources.entry(file.clone()).or_insert_with(|| Source {
            url: url.to_string(),
            origin,
            output,
            page: false,
            avatar: false,
            logo: None,
        });
        if avatar {
            s.avatar = true;
        } else {
            let size = crate::site::image_size::of_file(&root.join(file));
            s.logo = size.map(places::logo_widths);
        }
        Some(())
    };
    for address in places::people_photos(site) {
        add(&address, true);
    }
    for address in places::logos(site) {
        add(&address, false);
    }
    sources
}

/// The pictures of source `s` made in `variants`, one per place it has.
fn pictures_of(variants: &Variants, s: &Source<'_>, settings: &Settings) -> Made {
    let of = |v: &Variants| picture(v, &s.url, s.output).0;
    let placed = s.page.then(|| {
        let page = places::subset(variants, &settings.widths);
        Placed {
            card: of(&places::card(&page)),
            page: of(&page),
        }
    });
    Made {
        placed,
        portrait: s
            .avatar
            .then(|| of(&places::subset(variants, places::AVATAR_WIDTHS))),
        logo: s.logo.as_ref().map(|w| of(&places::subset(variants, w))),
    }
}

/// The picture of `variants` for the source at `url` (output path
/// `output`), and its files.
fn picture(variants: &Variants, url: &str, output: &str) -> (Picture, Files) {
    let mut files = Files::new();
    for v in &variants.files {
        files.insert(
            format!("{}.{}w.{}", stem(output), v.width, v.format.extension()),
            Content::Bytes(v.bytes.clone()),
        );
    }
    let fallback = variants.fallback;
    let mut widths: Vec<u32> = variants.files.iter().map(|v| v.width).collect();
    widths.dedup();
    // A format's `srcset` names, at each width, its own file or, where it
    // was heavier and dropped, the next format's: AVIF, then WebP, then
    // the fallback (a browser that took the AVIF `<source>` reads no other).
    let srcset = |preferred: &[Format]| {
        let mut out = String::new();
        for &width in &widths {
            let has = |f: &Format| {
                variants
                    .files
                    .iter()
                    .any(|v| v.width == width && v.format == *f)
            };
            if let Some(format) = preferred.iter().find(|f| has(f)) {
                if !out.is_empty() {
                    out.push_str(", ");
                }
                let _ = write!(
                    out,
                    "{}.{width}w.{} {width}w",
                    stem(url),
                    format.extension()
                );
            }
        }
        out
    };
    // No WebP `<source>` for a WebP source (its fallback is WebP), and no
    // `<source>` for a format none of whose files is offered.
    let mut sources = Vec::new();
    if variants.of(Format::Avif).next().is_some() {
        sources.push(PictureSource {
            media_type: Format::Avif.media_type(),
            srcset: srcset(&[Format::Avif, Format::WebP, fallback]),
        });
    }
    if fallback != Format::WebP && variants.of(Format::WebP).next().is_some() {
        sources.push(PictureSource {
            media_type: Format::WebP.media_type(),
            srcset: srcset(&[Format::WebP, fallback]),
        });
    }
    let largest = variants.largest();
    if let Some(largest) = largest {
        files.insert(output.to_string(), Content::Bytes(largest.bytes.clone()));
    }
    let picture = Picture {
        sources,
        src: url.to_string(),
        srcset: srcset(&[fallback]),
        media_type: fallback.media_type(),
        width: largest.map_or(0, |v| v.width),
        height: largest.map_or(0, |v| v.height),
    };
    (picture, files)
}

/// A path or address without its extension.
fn stem(path: &str) -> &str {
    let name_start = path.rfind('/').map_or(0, |i| i + 1);
    match path[name_start..].rfind('.') {
        Some(dot) if dot > 0 => &path[..name_start + dot],
        _ => path,
    }
}

/// The error `e` of the photo `source`, at every place naming it.
fn errors(site: &Site, source: &Path, e: ImageError) -> Vec<Diagnostic> {
    let lang = site.config.language;
    site.articles
        .iter()
        .flat_map(|a| &a.photos)
        .filter(|p| p.source == source)
        .map(|p| {
            let mut d = Diagnostic::error(e.code(), e.message(lang, &p.written))
                .in_file(&p.file)
                .with_help(e.help(lang));
            d.position = Some(p.position.clone());
            d
        })
        .collect()
}

/// Gives `article`'s cover its pictures (its page's and its card's) and
/// its body's images theirs, once (a body given its pictures already
/// would nest them).
pub fn place(article: &mut crate::site::Article, pictures: &Pictures) {
    for photo in &article.photos {
        let Some(placed) = pictures.get(&photo.source) else {
            continue;
        };
        if photo.cover {
            if let Some(image) = &mut article.image {
                image.picture = Some(placed.page.clone());
                image.card = Some(placed.card.clone());
            }
        } else {
            article
                .body_html
                .edit(|html| with_picture(html, &photo.url, &placed.page));
        }
    }
}

/// `html` with each `<img src="url" …>` the Markdown wrote made a
/// `<picture>` of `picture`, its alt text and title kept.
fn with_picture(html: &str, url: &str, picture: &Picture) -> String {
    let opening = format!("<img src=\"{url}\"");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(&opening) {
        let after = &rest[at + opening.len()..];
        let Some(end) = after.find('>') else {
            break;
        };
        out.push_str(&rest[..at]);
        let attrs = after[..end].replace(" loading=\"lazy\"", "");
        out.push_str(&markup(picture, attrs.trim_end()));
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// A body image's `<picture>`, with the `<img>`'s own attributes `attrs`
/// (` alt="…" title="…"`).
fn markup(p: &Picture, attrs: &str) -> String {
    let mut out = String::from("<picture>");
    for s in &p.sources {
        let _ = write!(
            out,
            "<source type=\"{}\" srcset=\"{}\" sizes=\"{BODY_SIZES}\">",
            s.media_type, s.srcset
        );
    }
    let _ = write!(
        out,
        "<img src=\"{}\" srcset=\"{}\" sizes=\"{BODY_SIZES}\" width=\"{}\" height=\"{}\"{attrs} loading=\"lazy\" decoding=\"async\"></picture>",
        p.src, p.srcset, p.width, p.height
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stem_loses_the_extension_of_the_name_only() {
        assert_eq!(stem("/a.b/photo.jpg"), "/a.b/photo");
        assert_eq!(stem("a.b/photo"), "a.b/photo");
        assert_eq!(stem("/x/.hidden"), "/x/.hidden");
    }

    #[test]
    fn a_body_image_becomes_a_picture_with_its_alt_and_title() {
        let p = Picture {
            sources: vec![PictureSource {
                media_type: "image/webp",
                srcset: "/a/p.480w.webp 480w".into(),
            }],
            src: "/a/p.jpg".into(),
            srcset: "/a/p.480w.jpg 480w".into(),
            media_type: "image/jpeg",
            width: 480,
            height: 320,
        };
        let html =
            "<p>x <img src=\"/a/p.jpg\" alt=\"Une photo\" title=\"t\" loading=\"lazy\"> y</p>";
        assert_eq!(
            with_picture(html, "/a/p.jpg", &p),
            "<p>x <picture><source type=\"image/webp\" srcset=\"/a/p.480w.webp 480w\" sizes=\"(min-width: 44rem) 40rem, 100vw\"><img src=\"/a/p.jpg\" srcset=\"/a/p.480w.jpg 480w\" sizes=\"(min-width: 44rem) 40rem, 100vw\" width=\"480\" height=\"320\" alt=\"Une photo\" title=\"t\" loading=\"lazy\" decoding=\"async\"></picture> y</p>"
        );
    }

    #[test]
    fn no_webp_variants_no_source() {
        let png = |width| crate::images::Variant {
            width,
            height: width / 2,
            format: Format::Png,
            bytes: vec![1],
        };
        let variants = Variants {
            fallback: Format::Png,
            files: vec![png(60), png(120)],
        };
        let (p, files) = picture(&variants, "/a/p.png", "a/p.png");
        assert!(p.sources.is_empty(), "{:?}", p.sources);
        assert_eq!(p.srcset, "/a/p.60w.png 60w, /a/p.120w.png 120w");
        let names: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(names, ["a/p.120w.png", "a/p.60w.png", "a/p.png"]);
    }

    #[test]
    fn a_width_whose_webp_was_dropped_names_the_fallback_in_the_webp_srcset() {
        let file = |width, format| crate::images::Variant {
            width,
            height: width / 2,
            format,
            bytes: vec![1],
        };
        let variants = Variants {
            fallback: Format::Png,
            files: vec![
                file(480, Format::WebP),
                file(480, Format::Png),
                file(1200, Format::Png),
            ],
        };
        let (p, files) = picture(&variants, "/a/p.png", "a/p.png");
        assert_eq!(p.sources.len(), 1);
        assert_eq!(
            p.sources[0].srcset,
            "/a/p.480w.webp 480w, /a/p.1200w.png 1200w"
        );
        assert_eq!(p.srcset, "/a/p.480w.png 480w, /a/p.1200w.png 1200w");
        assert!(!files.contains_key("a/p.1200w.webp"));
    }

    #[test]
    fn avif_comes_first_and_names_the_next_format_where_it_was_dropped() {
        let file = |width, format| crate::images::Variant {
            width,
            height: width / 2,
            format,
            bytes: vec![1],
        };
        let variants = Variants {
            fallback: Format::Jpeg,
            files: vec![
                file(480, Format::Avif),
                file(480, Format::WebP),
                file(480, Format::Jpeg),
                file(800, Format::WebP),
                file(800, Format::Jpeg),
                file(1200, Format::Jpeg),
            ],
        };
        let (p, files) = picture(&variants, "/a/p.jpg", "a/p.jpg");
        let types: Vec<&str> = p.sources.iter().map(|s| s.media_type).collect();
        assert_eq!(types, ["image/avif", "image/webp"]);
        assert_eq!(
            p.sources[0].srcset,
            "/a/p.480w.avif 480w, /a/p.800w.webp 800w, /a/p.1200w.jpg 1200w"
        );
        assert_eq!(
            p.sources[1].srcset,
            "/a/p.480w.webp 480w, /a/p.800w.webp 800w, /a/p.1200w.jpg 1200w"
        );
        assert!(files.contains_key("a/p.480w.avif"));
        assert!(!files.contains_key("a/p.800w.avif"));
    }
}
