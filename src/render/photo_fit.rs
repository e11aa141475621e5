//! `check`'s warnings on a photo whose size does not fit where the theme
//! shows it: far larger than any width published, or a cover too narrow
//! to look sharp.
//!
//! They are warnings, not errors: the site publishes either way, only
//! heavier or blurred. `check` has decoded every photo already (the photo
//! stage with `Encoding::Planned`), so this module only weighs the size it
//! read against the site's widths; `build` and `serve` do not repeat it.
//! The thresholds are constants here, and `docs/diagnostics.md` says why
//! they are what they are.

use std::path::Path;

use crate::diagnostics::{Code, Diagnostic};
use crate::images::Settings;
use crate::messages::t;
use crate::render::article::human_size;
use crate::site::Site;

/// How many times the widest published width a source may be, in tenths
/// (2.5×): 2× covers every width a screen of twice the density asks for,
/// and the rest a writer's later crop; beyond, pixels are never shown and
/// only weigh on the repository and every build's decoding.
pub const OVERSIZED_TENTHS: u32 = 25;

/// The narrowest cover that stays sharp: the theme shows a cover across
/// its column, 64rem (1024 CSS pixels) on a laptop and the screen's
/// width below; under 800 pixels it is stretched on every screen from a
/// tablet up.
pub const COVER_MIN_WIDTH: u32 = 800;

/// The warnings for the photo `source`, `width` pixels wide upright and
/// `weight` bytes, published with `settings`: at every place of `site`
/// that names it.
pub fn warnings(
    site: &Site,
    source: &Path,
    width: u32,
    weight: u64,
    settings: &Settings,
) -> Vec<Diagnostic> {
    let lang = site.config.language;
    let widest = settings.widths.iter().copied().max().unwrap_or(0);
    let limit = widest * OVERSIZED_TENTHS / 10;
    let mut found = Vec::new();
    for p in site
        .articles
        .iter()
        .flat_map(|a| &a.photos)
        .filter(|p| p.source == source)
    {
        let mut at = |d: Diagnostic| {
            let mut d = d.in_file(&p.file);
            d.position = Some(p.position.clone());
            found.push(d);
        };
        if widest > 0 && width > limit {
            at(Diagnostic::warning(
                Code::ImageOversized,
                t!(
                    lang,
                    "images-oversized",
                    file = p.written.as_str(),
                    width = width,
                    widest = widest,
                    weight = human_size(weight, lang)
                ),
            )
            .with_help(t!(lang, "images-oversized-help", limit = limit)));
        }
        if p.cover && width < COVER_MIN_WIDTH {
            at(Diagnostic::warning(
                Code::ImageTooSmall,
                t!(
                    lang,
                    "images-too-small",
                    file = p.written.as_str(),
                    width = width,
                    min = COVER_MIN_WIDTH
                ),
            )
            .with_help(t!(lang, "images-too-small-help", min = COVER_MIN_WIDTH)));
        }
    }
    found
}
