//! `images`: the widths photos are published in and the quality of their
//! lossy encodings (see `crate::images`).
//!
//! Both are read as text, like `paginate_by`, so that `800px`, `-1` or
//! `0.8` get this module's message rather than a type error. A width must
//! be a whole number of pixels between [`MIN_WIDTH`] and [`MAX_WIDTH`]
//! (a variant must fit WebP), the list must not be empty, and the quality
//! is a percentage of 1 to 100; `keep_credit` is `true` or `false`. A
//! setting left out keeps its default
//! (`images::DEFAULT_WIDTHS`, `images::DEFAULT_QUALITY`).

use crate::diagnostics::Code;

use super::file::RawImages;
use super::places::Places;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::images::{DEFAULT_QUALITY, DEFAULT_WIDTHS, Settings};
use crate::language::Language;
use crate::messages::t;

/// The narrowest width a site may ask for, in pixels.
pub const MIN_WIDTH: u32 = 16;

/// The widest width a site may ask for, in pixels (WebP holds 16,383).
pub const MAX_WIDTH: u32 = 8192;

/// The photos' settings, each checked.
pub(super) fn resolve(
    places: Places,
    written: Option<RawImages>,
    lang: Language,
    errors: &mut Diagnostics,
) -> Settings {
    let Some(written) = written else {
        return Settings::default();
    };
    let widths = match written.widths {
        None => DEFAULT_WIDTHS.to_vec(),
        Some(list) => {
            let widths: Vec<Option<u32>> = list
                .iter()
                .map(|w| w.as_str().trim().parse::<u32>().ok())
                .map(|w| w.filter(|w| (MIN_WIDTH..=MAX_WIDTH).contains(w)))
                .collect();
            let bad = list.iter().zip(&widths).find(|(_, w)| w.is_none());
            if let Some((text, _)) = bad {
                errors.push(bad_width(places, text.as_str(), lang));
            } else if list.is_empty() {
                errors.push(bad_width(places, "[]", lang));
            }
            widths.into_iter().flatten().collect()
        }
    };
    let quality = match written.quality {
        None => DEFAULT_QUALITY,
        Some(text) => match text.as_str().trim().parse::<u8>() {
            Ok(q @ 1..=100) => q,
            _ => {
                errors.push(
                    Diagnostic::error(
                        Code::ConfigBadImageQuality,
                        t!(lang, "config-bad-image-quality", written = text.as_str()),
                    )
                    .at(places.source, places.value(&["images", "quality"]))
                    .with_help(t!(lang, "config-bad-image-quality-help")),
                );
                DEFAULT_QUALITY
            }
        },
    };
    Settings {
        widths,
        quality,
        keep_credit: written.keep_credit.unwrap_or(false),
    }
}

/// A width that is no whole number of pixels in range (or no width at all).
fn bad_width(places: Places, written: &str, lang: Language) -> Diagnostic {
    Diagnostic::error(
        Code::ConfigBadImageWidths,
        t!(
            lang,
            "config-bad-image-widths",
            written = written,
            min = MIN_WIDTH,
            max = MAX_WIDTH
        ),
    )
    .at(places.source, places.value(&["images", "widths"]))
    .with_help(t!(lang, "config-bad-image-widths-help"))
}
