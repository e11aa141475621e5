//! Why a photo could not be published, worded for the writer.
//!
//! The caller knows which Markdown image or front-matter `image:` named the
//! file and places the diagnostic there; this module only says what is
//! wrong with the bytes and how to fix it, in the site's language.

use super::MAX_PIXELS;
use super::encode::WEBP_MAX_SIDE;
use crate::diagnostics::Code;
use crate::language::Language;
use crate::messages::t;

/// A photo that cannot be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageError {
    /// Its bytes are not JPEG, PNG or WebP, whatever its name says.
    Unsupported,
    /// It is cut short or damaged: it does not decode.
    Corrupt,
    /// Its header claims more than [`MAX_PIXELS`] pixels.
    TooManyPixels {
        /// Its width in pixels.
        width: u32,
        /// Its height in pixels.
        height: u32,
    },
    /// A variant would be longer on one side than WebP allows.
    TooLong {
        /// The variant's width.
        width: u32,
        /// The variant's height.
        height: u32,
    },
}

impl ImageError {
    /// Its diagnostic code.
    pub fn code(self) -> Code {
        match self {
            ImageError::Unsupported => Code::ImageUnsupported,
            ImageError::Corrupt => Code::ImageCorrupt,
            ImageError::TooManyPixels { .. } | ImageError::TooLong { .. } => Code::ImageTooLarge,
        }
    }

    /// What is wrong, about the file `file` as the writer named it.
    pub fn message(self, lang: Language, file: &str) -> String {
        match self {
            ImageError::Unsupported => t!(lang, "images-unsupported", file = file),
            ImageError::Corrupt => t!(lang, "images-corrupt", file = file),
            ImageError::TooManyPixels { width, height } => t!(
                lang,
                "images-too-many-pixels",
                file = file,
                width = width,
                height = height,
                megapixels = u64::from(width) * u64::from(height) / 1_000_000,
                limit = MAX_PIXELS / 1_000_000
            ),
            ImageError::TooLong { width, height } => t!(
                lang,
                "images-too-long",
                file = file,
                width = width,
                height = height,
                limit = WEBP_MAX_SIDE
            ),
        }
    }

    /// How to fix it.
    pub fn help(self, lang: Language) -> String {
        match self {
            ImageError::Unsupported => t!(lang, "images-unsupported-help"),
            ImageError::Corrupt => t!(lang, "images-corrupt-help"),
            ImageError::TooManyPixels { .. } => t!(lang, "images-too-many-pixels-help"),
            ImageError::TooLong { .. } => t!(lang, "images-too-long-help"),
        }
    }
}
