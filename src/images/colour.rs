//! A photo's colour profile turned into sRGB.
//!
//! Phones and cameras often tag their photos with a wider colour space than
//! sRGB (an iPhone's Display P3, a reflex camera's Adobe RGB) and store the
//! pixels in it. A variant is written with no metadata, profile included
//! (`encode`), and a browser shows an image without a profile as sRGB: left
//! as they are, such pixels would come out dull or shifted. So they are
//! converted once, after decoding, by moxcms (the colour engine `image`
//! itself uses), and every variant holds sRGB pixels.
//!
//! Only RGB profiles are converted. A profile that cannot be read, or one
//! for another kind of data (grey, CMYK), leaves the pixels as decoded,
//! taken as sRGB like the pixels of a photo without a profile: the photo
//! still publishes, as it did before.

use image::DynamicImage;
use moxcms::{ColorProfile, DataColorSpace, Layout, TransformOptions};

/// Converts `pixels` (8-bit RGB or RGBA) from the colour space of the ICC
/// profile `icc` to sRGB. Returns whether they were converted.
pub(super) fn to_srgb(pixels: &mut DynamicImage, icc: &[u8]) -> bool {
    let Ok(profile) = ColorProfile::new_from_slice(icc) else {
        return false;
    };
    if profile.color_space != DataColorSpace::Rgb {
        return false;
    }
    let layout = match pixels {
        DynamicImage::ImageRgb8(_) => Layout::Rgb,
        DynamicImage::ImageRgba8(_) => Layout::Rgba,
        _ => return false,
    };
    let srgb = ColorProfile::new_srgb();
    let Ok(transform) =
        profile.create_transform_8bit(layout, &srgb, layout, TransformOptions::default())
    else {
        return false;
    };
    let source = pixels.as_bytes().to_vec();
    let converted = match pixels {
        DynamicImage::ImageRgb8(p) => transform.transform(&source, p.as_mut()),
        DynamicImage::ImageRgba8(p) => transform.transform(&source, p.as_mut()),
        _ => return false,
    };
    converted.is_ok()
}
