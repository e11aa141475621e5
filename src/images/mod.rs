//! A site's raster photos as readers get them: several widths, AVIF and
//! WebP beside the source's own format, upright, and with no metadata.
//!
//! One source image is decoded once (`decode`: its format from its bytes,
//! a pixel limit checked on the header before any pixel is allocated, the
//! EXIF orientation applied to the pixels, a colour profile converted to
//! sRGB by `colour`, 8-bit RGB or RGBA), resized to
//! each width of [`widths_for`] (`resize`, never upscaled) and encoded
//! up to three times per width (`encode`: lossy AVIF for opaque pixels
//! whose credit is not kept, lossy WebP, and a fallback in the source's
//! format). Encoders are handed bare pixels, so no EXIF, XMP, GPS or colour
//! profile of the source can reach a variant: privacy holds by
//! construction, and the tests scan the bytes to keep it so. A site that
//! keeps credits (`Settings::keep_credit`) gets a new EXIF block of the
//! author and copyright fields alone (`credit`). SVG and GIF
//! are not for this module ([`Kind::of_path`] says which files are).
//!
//! Never heavier than the upload: at the source's own width, its own bytes
//! without metadata (`strip`, lossless) replace the encoded fallback when
//! they are lighter (a palette PNG stays a palette PNG), and an AVIF or
//! WebP file heavier than the fallback a screen of its width would get
//! (that width's, or the next wider one's) is dropped (the page's AVIF or
//! WebP `srcset` then names the next format's file at that width, see
//! `render::pictures`). A width whose fallback is heavier than a wider
//! one's is not published at all.
//!
//! This module knows nothing of articles or positions: it returns an
//! [`ImageError`] whose texts the caller places at the Markdown image or the
//! front-matter `image:` that names the file. The cache of variants between
//! builds is `cache`.

use image::DynamicImage;

pub mod cache;
mod colour;
mod credit;
mod decode;
mod encode;
mod error;
mod resize;
mod strip;

pub use decode::MAX_PIXELS;
pub use error::ImageError;

/// The widths, in pixels, a site publishes when `site.yaml` sets none.
pub const DEFAULT_WIDTHS: &[u32] = &[480, 800, 1200, 1600];

/// The quality of lossy encodings (WebP and JPEG), 1 to 100, when
/// `site.yaml` sets none.
pub const DEFAULT_QUALITY: u8 = 80;

/// What a build asks of every photo: the widths to publish and the quality
/// of lossy encodings.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Settings {
    /// Widths in pixels, any order (sorted and deduplicated when used).
    pub widths: Vec<u32>,
    /// Lossy quality, 1 to 100.
    pub quality: u8,
    /// Whether the variants keep the source's author and copyright fields
    /// (`credit`); by default they keep no metadata at all.
    pub keep_credit: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            widths: DEFAULT_WIDTHS.to_vec(),
            quality: DEFAULT_QUALITY,
            keep_credit: false,
        }
    }
}

/// How a file named as an image is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A photo or drawing in pixels: published in variants.
    Raster,
    /// SVG or GIF (vector, or animated): copied as it is.
    PassThrough,
}

impl Kind {
    /// By the file's extension: JPEG, PNG and WebP are raster, anything
    /// else (SVG, GIF, a format browsers read that Gazette does not
    /// decode) passes through unchanged.
    pub fn of_path(path: &str) -> Kind {
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("jpg" | "jpeg" | "png" | "webp") => Kind::Raster,
            _ => Kind::PassThrough,
        }
    }
}

/// The format of a published file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Lossy AVIF, offered before WebP to the browsers that read it (an
    /// opaque photo only, see `encode::avif`).
    Avif,
    /// Lossy WebP, every variant's modern format.
    WebP,
    /// JPEG, the fallback of a JPEG source.
    Jpeg,
    /// PNG, the fallback of a PNG source (lossless, keeps transparency).
    Png,
}

impl Format {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Avif => "avif",
            Format::WebP => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }

    /// The media type, for `<source type>`.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Avif => "image/avif",
            Format::WebP => "image/webp",
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
        }
    }

    /// Where the format comes among one width's files and a picture's
    /// `<source>`s: AVIF, then WebP, then the fallback.
    fn rank(self) -> u8 {
        match self {
            Format::Avif => 0,
            Format::WebP => 1,
            Format::Jpeg | Format::Png => 2,
        }
    }

    /// The format of a file named `name.<ext>`, if it is one of ours.
    pub fn of_extension(ext: &str) -> Option<Format> {
        match ext {
            "avif" => Some(Format::Avif),
            "webp" => Some(Format::WebP),
            "jpg" => Some(Format::Jpeg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }
}

/// One encoded file of a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// Its format.
    pub format: Format,
    /// The encoded file.
    pub bytes: Vec<u8>,
}

/// Every variant of one photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variants {
    /// The fallback's format (the source's: JPEG, PNG, or WebP for a WebP
    /// source, which then has one set of files only).
    pub fallback: Format,
    /// The files, by width then format, smallest first.
    pub files: Vec<Variant>,
}

impl Variants {
    /// The variants of one format, smallest first.
    pub fn of(&self, format: Format) -> impl Iterator<Item = &Variant> {
        self.files.iter().filter(move |v| v.format == format)
    }

    /// The largest fallback: its pixels are the `<img>`'s `width` and
    /// `height`.
    pub fn largest(&self) -> Option<&Variant> {
        self.of(self.fallback).last()
    }
}

/// The widths to publish for a source `source_width` pixels wide: the
/// wanted widths smaller than the source, and the source's own width when
/// it is smaller than the largest wanted (never upscaled); sorted, each
/// once.
pub fn widths_for(source_width: u32, wanted: &[u32]) -> Vec<u32> {
    let mut out: Vec<u32> = wanted
        .iter()
        .copied()
        .filter(|&w| w > 0 && w <= source_width)
        .collect();
    if wanted.iter().any(|&w| w > source_width) {
        out.push(source_width);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Every variant of the photo `bytes` for `settings`: decoded once, upright,
/// then resized and encoded per width.
pub fn make(bytes: &[u8], settings: &Settings) -> Result<Variants, ImageError> {
    let source = decode::decode(bytes)?;
    let fallback = source.format;
    let own_width = source.pixels.width();
    // The source's own bytes without metadata, when they show its pixels.
    let credit = source.credit.as_ref().filter(|_| settings.keep_credit);
    let stripped = (source.as_stored && credit.is_none())
        .then(|| strip::stripped(bytes, fallback))
        .flatten();
    let mut webps = Vec::new();
    let mut avifs = Vec::new();
    let mut fallbacks = Vec::new();
    for width in widths_for(own_width, &settings.widths) {
        let pixels = resize::to_width(&source.pixels, width)?;
        let exif = credit.map(|c| c.tiff.as_slice());
        if credit.is_none() {
            avifs.extend(encode::avif(&pixels, settings.quality));
        }
        let mut own = if fallback == Format::WebP {
            encode::webp(&pixels, settings.quality, exif)?
        } else {
            webps.push(encode::webp(&pixels, settings.quality, exif)?);
            encode::fallback(&pixels, fallback, settings.quality, exif)?
        };
        if width == own_width
            && let Some(lighter) = stripped.as_ref().filter(|s| s.len() < own.bytes.len())
        {
            own.bytes.clone_from(lighter);
        }
        fallbacks.push(own);
    }
    // A fallback heavier than a wider one is no help to a narrow screen
    // (a palette PNG resized gains colours, and bytes): its width goes.
    let mut lightest_wider = usize::MAX;
    for f in fallbacks.iter_mut().rev() {
        if f.bytes.len() > lightest_wider {
            f.bytes.clear();
        } else {
            lightest_wider = f.bytes.len();
        }
    }
    // A WebP or an AVIF heavier than the fallback a screen would get at its width
    // (the lightest at that width or wider) is not offered.
    let mut at_least = Vec::with_capacity(fallbacks.len());
    let mut lightest = usize::MAX;
    for f in fallbacks.iter().rev() {
        if !f.bytes.is_empty() {
            lightest = lightest.min(f.bytes.len());
        }
        at_least.push(lightest);
    }
    at_least.reverse();
    let lighter_at = |v: &Variant| {
        let i = fallbacks.iter().position(|f| f.width == v.width);
        i.is_some_and(|i| v.bytes.len() <= at_least[i])
    };
    webps.retain(lighter_at);
    avifs.retain(lighter_at);
    fallbacks.retain(|f| !f.bytes.is_empty());
    let mut files: Vec<Variant> = avifs.into_iter().chain(webps).chain(fallbacks).collect();
    files.sort_by_key(|v| (v.width, v.format.rank()));
    Ok(Variants { fallback, files })
}

/// What [`plan`] read of a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// The variants it would publish, with no bytes.
    pub variants: Variants,
    /// The source's width, upright, in pixels.
    pub width: u32,
    /// The source's height, upright, in pixels.
    pub height: u32,
}

/// The variants [`make`] would publish, with no bytes: the source decoded
/// (so a corrupt, unsupported or too large file is the same error), its
/// widths and heights listed, nothing encoded; with the source's own size,
/// which `check` weighs against the widths shown. What `check` claims and
/// reports without the cost of encoding; it may list a WebP or an AVIF that [`make`]
/// drops for being heavier than its fallback.
pub fn plan(bytes: &[u8], settings: &Settings) -> Result<Planned, ImageError> {
    let source = decode::decode(bytes)?;
    let fallback = source.format;
    let (w, h) = (source.pixels.width(), source.pixels.height());
    let credit_kept = source.credit.is_some() && settings.keep_credit;
    let avif = !credit_kept && matches!(source.pixels, DynamicImage::ImageRgb8(_));
    let formats = match (avif, fallback) {
        (true, Format::WebP) => &[Format::Avif, Format::WebP][..],
        (true, _) => &[Format::Avif, Format::WebP, fallback][..],
        (false, Format::WebP) => &[Format::WebP][..],
        (false, _) => &[Format::WebP, fallback][..],
    };
    let mut files = Vec::new();
    for width in widths_for(w, &settings.widths) {
        let height = resize::height_at(w, h, width);
        for &format in formats {
            files.push(Variant {
                width,
                height,
                format,
                bytes: Vec::new(),
            });
        }
    }
    Ok(Planned {
        variants: Variants { fallback, files },
        width: w,
        height: h,
    })
}

#[cfg(test)]
mod tests;
