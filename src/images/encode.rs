//! Encoding one resized image: lossy AVIF by libavif and libaom (the
//! `libavif` crate, both built from C by cmake), lossy WebP by libwebp (the
//! `webp` crate; the `image` crate writes lossless WebP only, several times
//! larger for a photo), and the fallback by the `image` crate (JPEG at the
//! site's quality, PNG lossless). Each encoder is given bare pixels and
//! writes no metadata chunk of its own (JFIF's header for JPEG,
//! `IHDR`/`IDAT` for PNG, a simple `VP8 ` file for WebP, `ftyp`, `meta` and
//! `mdat` for AVIF), but the credit fields a site keeps (`exif`, see
//! `credit`), which AVIF cannot carry here: a photo whose credit is kept
//! gets no AVIF.

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{DynamicImage, ExtendedColorType, ImageEncoder};

use super::{Format, ImageError, Variant};

/// The widest or tallest picture WebP can hold, in pixels.
pub const WEBP_MAX_SIDE: u32 = 16_383;

/// libaom's speed, 0 (slowest) to 10: at 8 an AVIF costs about the CPU of
/// the WebP of the same pixels, for half its bytes (docs/performance.md,
/// "Photos: AVIF"); one thread, as every photo is encoded on a core of its
/// own.
const AVIF_SPEED: u8 = 8;

/// libavif's quality for the site's `quality` (WebP's and JPEG's scale):
/// three quarters of it, so the default 80 is libavif's 60, where an AVIF
/// of a photo looks as its WebP at 80 does.
pub(super) fn avif_quality(quality: u8) -> u8 {
    u8::try_from(u16::from(quality) * 3 / 4).unwrap_or(u8::MAX)
}

/// `pixels` as lossy AVIF (4:2:0) at the site's `quality`, or `None` for
/// pixels with an alpha channel (the `libavif` crate's conversion drops
/// it: a transparent PNG keeps its WebP and PNG) or an encoder failure
/// (the page then offers WebP and the fallback).
pub(super) fn avif(pixels: &DynamicImage, quality: u8) -> Option<Variant> {
    let DynamicImage::ImageRgb8(rgb) = pixels else {
        return None;
    };
    let (width, height) = rgb.dimensions();
    let image = libavif::RgbPixels::new(width, height, rgb.as_raw())
        .ok()?
        .to_image(libavif::YuvFormat::Yuv420);
    let mut encoder = libavif::Encoder::new();
    encoder
        .set_max_threads(1)
        .set_speed(AVIF_SPEED)
        .set_quality(avif_quality(quality));
    let bytes = encoder.encode(&image).ok()?.to_vec();
    Some(Variant {
        width,
        height,
        format: Format::Avif,
        bytes,
    })
}

/// `pixels` as lossy WebP at `quality`, with the EXIF block `exif` if any.
pub(super) fn webp(
    pixels: &DynamicImage,
    quality: u8,
    exif: Option<&[u8]>,
) -> Result<Variant, ImageError> {
    let (width, height) = (pixels.width(), pixels.height());
    if width > WEBP_MAX_SIDE || height > WEBP_MAX_SIDE {
        return Err(ImageError::TooLong { width, height });
    }
    let encoder = match pixels {
        DynamicImage::ImageRgba8(p) => webp::Encoder::from_rgba(p.as_raw(), width, height),
        _ => webp::Encoder::from_rgb(pixels.as_bytes(), width, height),
    };
    let bytes = encoder
        .encode_simple(false, f32::from(quality))
        .map_err(|_| ImageError::TooLong { width, height })?
        .to_vec();
    let bytes = match exif {
        Some(exif) => super::credit::into_webp(&bytes, exif, width, height).unwrap_or(bytes),
        None => bytes,
    };
    Ok(Variant {
        width,
        height,
        format: Format::WebP,
        bytes,
    })
}

/// `pixels` in the source's `format` (JPEG at `quality`, PNG lossless),
/// with the EXIF block `exif` if any.
pub(super) fn fallback(
    pixels: &DynamicImage,
    format: Format,
    quality: u8,
    exif: Option<&[u8]>,
) -> Result<Variant, ImageError> {
    let (width, height) = (pixels.width(), pixels.height());
    let color = match pixels {
        DynamicImage::ImageRgba8(_) => ExtendedColorType::Rgba8,
        _ => ExtendedColorType::Rgb8,
    };
    let mut bytes = Vec::new();
    let written = match format {
        Format::Jpeg => {
            let mut encoder = JpegEncoder::new_with_quality(&mut bytes, quality);
            if let Some(exif) = exif {
                let _ = encoder.set_exif_metadata(exif.to_vec());
            }
            encoder.write_image(pixels.as_bytes(), width, height, color)
        }
        // The best zlib level and adaptive filters: a PNG is a drawing or
        // a screenshot, published once and read many times.
        Format::Png | Format::WebP | Format::Avif => {
            let mut encoder = PngEncoder::new_with_quality(
                &mut bytes,
                CompressionType::Best,
                FilterType::Adaptive,
            );
            if let Some(exif) = exif {
                let _ = encoder.set_exif_metadata(exif.to_vec());
            }
            encoder.write_image(pixels.as_bytes(), width, height, color)
        }
    };
    written.map_err(|_| ImageError::TooLong { width, height })?;
    Ok(Variant {
        width,
        height,
        format,
        bytes,
    })
}
