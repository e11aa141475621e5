//! From the file as written to the settings the program uses: defaults
//! applied, values checked, command-line overrides merged.
//!
//! `resolve` is the list of settings in the order their messages are
//! reported; a setting with more than one check, or a type of its own, has
//! its module (`base_url`, `schemes`, `menu`, `accessibility`,
//! `taxonomies`, `images`), and the one-check settings (the title, the theme, the
//! page size) are here. Every problem of the file is reported at once; the
//! settings are returned only when there is none.

use crate::diagnostics::Code;
use std::path::Path;

use super::file::RawConfig;
use super::places::Places;
use super::{
    Config, Overrides, ShareKind, accessibility, base_url, images, menu, schemes, share_image,
    taxonomies,
};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::language::Language;
use crate::messages::t;
use crate::yaml::Text;

/// Applies defaults and checks values.
pub(super) fn resolve(
    raw: RawConfig,
    root: &Path,
    source: &SourceText,
    offset: usize,
    overrides: &Overrides,
) -> Result<Config, Diagnostics> {
    let lang = raw.language.unwrap_or_default();
    let places = Places { source, offset };
    let mut errors = Diagnostics::new();
    let title = title(places, raw.title, lang, &mut errors);
    let address = base_url::resolve(places, overrides, raw.base_url, lang, &mut errors);
    let theme = theme(places, root, raw.theme, lang, &mut errors);
    let paginate_by = paginate_by(places, raw.paginate_by, lang, &mut errors);
    let urls = schemes::extra_url_schemes(places, raw.extra_url_schemes, lang, &mut errors);
    let menu = menu::resolve(places, raw.menu, &urls, lang, &mut errors);
    let share_image = raw
        .share_image
        .and_then(|s| share_image::resolve(places, s, root, &theme, lang, &mut errors));
    let accessibility =
        accessibility::resolve(places, raw.accessibility, &title, &urls, lang, &mut errors);
    let (taxonomies, taxonomy_positions) =
        taxonomies::resolve(places, raw.taxonomies, lang, &mut errors);
    let images = images::resolve(places, raw.images, lang, &mut errors);
    if errors.has_errors() {
        return Err(errors);
    }
    Ok(Config {
        root: root.to_path_buf(),
        title,
        base_url: address.base_url,
        root_path: address.root_path,
        base_url_given: address.given,
        warnings: address.warnings,
        language: lang,
        theme,
        description: raw.description.map(|t| t.0),
        paginate_by: paginate_by.max(1),
        feeds: raw.feeds.unwrap_or(true),
        search: raw.search.unwrap_or(true),
        relative_urls: overrides
            .relative_urls
            .unwrap_or(raw.relative_urls.unwrap_or(false)),
        person_pages: raw.person_pages.unwrap_or(true),
        share: raw
            .share
            .unwrap_or_else(|| vec![ShareKind::Mail, ShareKind::Copy]),
        share_image,
        menu,
        raw_html: raw.markdown.and_then(|m| m.raw_html).unwrap_or_default(),
        accessibility,
        taxonomies,
        urls,
        foreign_terms: super::foreign::terms(raw.foreign_terms, lang),
        taxonomy_positions,
        images,
    })
}

/// The site's title, required.
fn title(
    places: Places,
    written: Option<Text>,
    lang: Language,
    errors: &mut Diagnostics,
) -> String {
    match written {
        Some(t) if !t.0.trim().is_empty() => t.0,
        _ => {
            errors.push(
                Diagnostic::error(Code::ConfigMissingTitle, t!(lang, "config-missing-title"))
                    .at(places.source, places.start())
                    .with_help(t!(lang, "config-missing-title-help")),
            );
            String::new()
        }
    }
}

/// The theme's folder name, which must be under `themes/`.
fn theme(
    places: Places,
    root: &Path,
    written: Option<Text>,
    lang: Language,
    errors: &mut Diagnostics,
) -> String {
    let theme = written
        .map(|t| t.0)
        .unwrap_or_else(|| "gazette".to_string());
    if !root.join("themes").join(&theme).is_dir() {
        errors.push(
            Diagnostic::error(
                Code::ConfigMissingTheme,
                t!(lang, "config-missing-theme", theme = &theme),
            )
            .at(places.source, places.value(&["theme"]))
            .with_help(t!(lang, "config-missing-theme-help")),
        );
    }
    theme
}

/// Articles per listing page: 12 by default, a whole number of at least 1
/// (read as text, so that `-1` or `2.5` get this message).
fn paginate_by(
    places: Places,
    written: Option<Text>,
    lang: Language,
    errors: &mut Diagnostics,
) -> usize {
    let Some(written) = written else {
        return 12;
    };
    let count = written.as_str().trim().parse::<usize>().unwrap_or(0);
    if count == 0 {
        errors.push(
            Diagnostic::error(
                Code::ConfigBadPaginateBy,
                t!(lang, "config-bad-paginate-by", written = written.as_str()),
            )
            .at(places.source, places.value(&["paginate_by"]))
            .with_help(t!(lang, "config-bad-paginate-by-help")),
        );
    }
    count
}
