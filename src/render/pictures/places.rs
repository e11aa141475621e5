//! Where a photo sits in the theme, and so which of its widths a page
//! offers: a cover or a body image (the site's `images.widths`), a card
//! (the cover's own variants, those a card is wide enough for), a
//! person's photo (1×, 2× and 3× of the two sizes the theme shows it at)
//! and an organisation's logo (1× to 3× of the height it is shown at).
//!
//! A source is encoded once, at every width any of its places wants
//! (`mod.rs` merges them), and each place's [`Picture`](crate::site::Picture)
//! names only its own widths ([`subset`]): a photo that is both a cover
//! and a portrait is one set of files. The sizes here follow the theme's
//! stylesheet (`.person-photo`, `.person--large`, `.org-logo`,
//! `.card-media`); a site whose templates show them otherwise still gets
//! `srcset`s the browser picks from.

use crate::images::{Variants, widths_for};
use crate::site::Site;

/// A person's photo: 1×, 2× and 3× of the 56 CSS px of a card
/// (`partials/person.html`) and of the 96 px of a person's page
/// (`term.html`), so one `srcset` serves both (each page gives its own
/// `sizes`).
pub const AVATAR_WIDTHS: &[u32] = &[56, 96, 112, 168, 192, 288];

/// An organisation's logo is shown 64 CSS px high (`.org-logo`, 4rem):
/// its widths are those of 1×, 2× and 3× that height.
pub const LOGO_HEIGHT: u32 = 64;

/// The widest variant a card takes: twice its widest column (about
/// 26rem), so a card of a listing never loads the cover's 1200 or 1600 px.
pub const CARD_MAX_WIDTH: u32 = 800;

/// The variants of `variants` a place wanting `wanted` offers: those at
/// the widths [`widths_for`] would publish for it. The largest fallback of
/// `variants` is at its widest width, which is the source's own when it
/// is narrower than some wanted width: the same rule, on that width,
/// gives the place's.
pub fn subset(variants: &Variants, wanted: &[u32]) -> Variants {
    let widest = variants.largest().map_or(0, |v| v.width);
    let keep = widths_for(widest, wanted);
    with_fallback(variants, |w| keep.contains(&w))
}

/// The variants of `variants` at the widths `keep` takes, and, when its
/// widest has no fallback (`images::make` drops a fallback heavier than a
/// wider one), the next wider fallback: the `<img>` always has a file,
/// and its `width` and `height`.
fn with_fallback(variants: &Variants, keep: impl Fn(u32) -> bool) -> Variants {
    let mut files: Vec<_> = variants
        .files
        .iter()
        .filter(|v| keep(v.width))
        .cloned()
        .collect();
    let widest = files.last().map_or(0, |v| v.width);
    let fallback = variants.fallback;
    let covered = files
        .iter()
        .any(|v| v.format == fallback && v.width == widest);
    if !covered
        && let Some(wider) = variants.of(fallback).find(|v| v.width >= widest)
        && !files.contains(wider)
    {
        files.push(wider.clone());
    }
    Variants { fallback, files }
}

/// The variants of a cover `page` (its page's) a card offers: those up to
/// [`CARD_MAX_WIDTH`], or the narrowest when none is (a card of a narrow
/// cover offers all of it).
pub fn card(page: &Variants) -> Variants {
    let narrowest = page.files.first().map_or(0, |v| v.width);
    let limit = CARD_MAX_WIDTH.max(narrowest);
    with_fallback(page, |w| w <= limit)
}

/// The widths of a logo `size` (width, height) pixels: 1× to 3× of
/// [`LOGO_HEIGHT`], in proportion.
pub fn logo_widths((width, height): (u32, u32)) -> Vec<u32> {
    if height == 0 {
        return Vec::new();
    }
    (1..=3)
        .map(|k| {
            let w = u64::from(width) * u64::from(LOGO_HEIGHT * k) / u64::from(height);
            u32::try_from(w.max(1)).unwrap_or(u32::MAX)
        })
        .collect()
}

/// The addresses of every person's photo a page may show: the registry's
/// people, and those each article writes (under `people:`, or inline
/// after a `by:`), resolved as a person card resolves them.
pub fn people_photos(site: &Site) -> Vec<String> {
    let registry = site.registry.people.values().filter_map(|p| {
        let photo = (p.photo.as_ref()?.0.clone(), false);
        site.photo_address("", &photo)
    });
    let mut out: Vec<String> = registry.collect();
    for a in &site.articles {
        let written = a.loaded.meta.photos_written().into_iter();
        out.extend(
            written.filter_map(|(_, p)| site.photo_address(&a.base_dir, &(p.to_string(), true))),
        );
    }
    out
}

/// The addresses of the registry's organisation logos.
pub fn logos(site: &Site) -> Vec<String> {
    site.registry
        .organisations
        .values()
        .filter_map(|o| o.logo.as_ref())
        .map(|l| site.config.asset_url(l.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::{Format, Variant};

    fn variants(widths: &[u32]) -> Variants {
        let files = widths
            .iter()
            .flat_map(|&width| {
                [Format::WebP, Format::Jpeg].map(|format| Variant {
                    width,
                    height: width,
                    format,
                    bytes: vec![1],
                })
            })
            .collect();
        Variants {
            fallback: Format::Jpeg,
            files,
        }
    }

    fn widths(v: &Variants) -> Vec<u32> {
        let mut w: Vec<u32> = v.files.iter().map(|f| f.width).collect();
        w.dedup();
        w
    }

    #[test]
    fn a_place_gets_its_own_widths_and_the_source_s_when_narrower() {
        // A 150 px portrait made for a cover (480…) and an avatar.
        let all = variants(&[56, 96, 112, 150]);
        assert_eq!(widths(&subset(&all, AVATAR_WIDTHS)), [56, 96, 112, 150]);
        assert_eq!(widths(&subset(&all, &[480, 800])), [150]);
        // A 2000 px photo: each place its widths, no other.
        let all = variants(&[56, 96, 112, 168, 192, 288, 480, 800]);
        assert_eq!(widths(&subset(&all, &[480, 800])), [480, 800]);
        assert_eq!(
            widths(&subset(&all, AVATAR_WIDTHS)),
            [56, 96, 112, 168, 192, 288]
        );
    }

    #[test]
    fn a_card_takes_the_cover_s_widths_up_to_its_own() {
        assert_eq!(
            widths(&card(&variants(&[480, 800, 1200, 1600]))),
            [480, 800]
        );
        assert_eq!(widths(&card(&variants(&[1000]))), [1000]);
    }

    #[test]
    fn a_place_whose_fallbacks_were_dropped_gets_the_next_wider_one() {
        // A palette PNG: WebPs at 480 and 800, its PNG at 1200 only.
        let mut page = variants(&[480, 800, 1200]);
        page.files
            .retain(|v| v.format == Format::WebP || v.width == 1200);
        let card = card(&page);
        let files: Vec<(u32, Format)> = card.files.iter().map(|v| (v.width, v.format)).collect();
        assert_eq!(
            files,
            [
                (480, Format::WebP),
                (800, Format::WebP),
                (1200, Format::Jpeg)
            ]
        );
        assert_eq!(card.largest().map(|v| v.width), Some(1200));
    }

    #[test]
    fn a_logo_s_widths_follow_its_shape() {
        assert_eq!(logo_widths((400, 100)), [256, 512, 768]);
        assert_eq!(logo_widths((64, 64)), [64, 128, 192]);
        assert_eq!(logo_widths((10, 0)), Vec::<u32>::new());
    }
}
