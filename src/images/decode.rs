//! A source photo decoded once, upright, in 8-bit RGB or RGBA.
//!
//! The format is taken from the bytes, not the file's name (a PNG saved as
//! `.jpg` still decodes). The header's size is checked against
//! [`MAX_PIXELS`] before a single pixel is allocated, so a small file that
//! claims a huge picture (a decompression bomb) costs nothing. The EXIF
//! orientation a phone writes instead of turning its pixels is applied to
//! the pixels here, since no variant keeps the tag that said so, and so is
//! its colour profile (`colour`): the pixels leave in sRGB.

use std::io::Cursor;

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use super::{Format, ImageError};

/// The most pixels a source image may have: 100 megapixels, more than any
/// phone or reflex camera takes (a 12-megapixel phone photo is 4000×3000).
/// Decoding that much takes 400 MB in RGBA; a larger header is refused
/// before decoding, as a decompression bomb would be.
pub const MAX_PIXELS: u64 = 100_000_000;

/// A decoded source: its format and its upright pixels.
pub(super) struct Source {
    /// The format its bytes are in.
    pub format: Format,
    /// Upright pixels, `ImageRgb8` or `ImageRgba8`.
    pub pixels: DynamicImage,
    /// Whether the file's own pixels are these: upright already (no EXIF
    /// orientation to apply) and in sRGB (no colour profile converted).
    /// Its own bytes, stripped, then show them.
    pub as_stored: bool,
    /// Its author and copyright fields, if its EXIF block has any.
    pub credit: Option<super::credit::Credit>,
}

/// Decodes `bytes` (JPEG, PNG or WebP), upright.
pub(super) fn decode(bytes: &[u8]) -> Result<Source, ImageError> {
    let (format, image_format) = match image::guess_format(bytes) {
        Ok(f @ ImageFormat::Jpeg) => (Format::Jpeg, f),
        Ok(f @ ImageFormat::Png) => (Format::Png, f),
        Ok(f @ ImageFormat::WebP) => (Format::WebP, f),
        _ => return Err(ImageError::Unsupported),
    };
    let reader = ImageReader::with_format(Cursor::new(bytes), image_format);
    let mut decoder = reader.into_decoder().map_err(|_| ImageError::Corrupt)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ImageError::TooManyPixels { width, height });
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let credit = decoder
        .exif_metadata()
        .ok()
        .flatten()
        .and_then(|exif| super::credit::read(&exif));
    let mut pixels = DynamicImage::from_decoder(decoder).map_err(|_| ImageError::Corrupt)?;
    pixels.apply_orientation(orientation);
    let mut pixels = if pixels.color().has_alpha() && format != Format::Jpeg {
        DynamicImage::ImageRgba8(pixels.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(pixels.into_rgb8())
    };
    let converted = icc.is_some_and(|icc| super::colour::to_srgb(&mut pixels, &icc));
    Ok(Source {
        format,
        pixels,
        as_stored: orientation == Orientation::NoTransforms && !converted,
        credit,
    })
}
