//! Resizing to one width, by `fast_image_resize` (SIMD convolution, the
//! Lanczos3 filter photo editors default to), the height kept in
//! proportion. Transparent pixels are premultiplied while filtered, so a
//! PNG's edges do not darken.

use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::DynamicImage;

use super::ImageError;

/// `pixels` (RGB8 or RGBA8) scaled to `width`; the same pixels when the
/// width is theirs already.
pub(super) fn to_width(pixels: &DynamicImage, width: u32) -> Result<DynamicImage, ImageError> {
    if width == pixels.width() {
        return Ok(pixels.clone());
    }
    let height = height_at(pixels.width(), pixels.height(), width);
    let mut out = match pixels {
        DynamicImage::ImageRgba8(_) => DynamicImage::new_rgba8(width, height),
        _ => DynamicImage::new_rgb8(width, height),
    };
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(pixels, &mut out, &options)
        .map_err(|_| ImageError::Corrupt)?;
    Ok(out)
}

/// The height of a `width`-wide copy of a `w`×`h` image, rounded, at least
/// one pixel.
pub(super) fn height_at(w: u32, h: u32, width: u32) -> u32 {
    let exact = (u64::from(h) * u64::from(width) + u64::from(w) / 2) / u64::from(w.max(1));
    u32::try_from(exact.max(1)).unwrap_or(u32::MAX)
}
