//! Where a person's photo or a logo that cannot be published is named:
//! its value in `_people.yaml` or `_organisations.yaml`, or in an
//! article's front matter (under `people:`, or written inline after a
//! `by:`). An article's cover and body images carry their own positions
//! (`site::PhotoUse`); these are found again here, from the address the
//! image step published them at, only when one fails, so a good build
//! reads no registry file twice.

use std::path::Path;

use crate::diagnostics::{Diagnostic, SourceText};
use crate::images::ImageError;
use crate::site::Site;
use crate::yaml;

/// The error `e` of the person's photo or logo at `address`, at every
/// value of the registries and of the articles' `people:` that names it.
pub fn errors(site: &Site, root: &Path, address: &str, e: ImageError) -> Vec<Diagnostic> {
    let lang = site.config.language;
    let registry = &site.registry;
    let diagnostic = |source: &SourceText, at: std::ops::Range<usize>, written: &str| {
        Diagnostic::error(e.code(), e.message(lang, written))
            .at(source, at)
            .with_help(e.help(lang))
    };
    let mut out = Vec::new();
    let people = registry.people.iter().filter_map(|(id, p)| {
        let written = p.photo.as_ref()?.as_str();
        let named = site.photo_address("", &(written.to_string(), false))?;
        (named == address).then_some((id.as_str(), "photo", written))
    });
    let logos = registry.organisations.iter().filter_map(|(id, o)| {
        let written = o.logo.as_ref()?.as_str();
        (site.config.asset_url(written) == address).then_some((id.as_str(), "logo", written))
    });
    for (file, named) in [
        (&registry.people_file, people.collect::<Vec<_>>()),
        (&registry.organisations_file, logos.collect::<Vec<_>>()),
    ] {
        let Some(file) = file.as_ref().filter(|_| !named.is_empty()) else {
            continue;
        };
        let text = crate::sources::read(root, file)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default();
        let source = SourceText::new(file, text);
        for (id, key, written) in named {
            let at = yaml::locate_value(&source.text, &[id, key]).unwrap_or(0..0);
            out.push(diagnostic(&source, at, written));
        }
    }
    for a in &site.articles {
        let loaded = &a.loaded;
        let named: Vec<(&str, &str)> = loaded
            .meta
            .photos_written()
            .into_iter()
            .filter(|(_, written)| {
                let photo = (written.to_string(), true);
                site.photo_address(&a.base_dir, &photo).as_deref() == Some(address)
            })
            .collect();
        if named.is_empty() {
            continue;
        }
        // An assembled article keeps no text: it is read again.
        let path = &loaded.source.path;
        let text = crate::sources::read(root, path)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default();
        let source = SourceText::new(path, text);
        let yaml_range = loaded.split.yaml.clone();
        let front = source.text.get(yaml_range.clone()).unwrap_or("");
        for (key, written) in named {
            // The value itself, first written after its top-level key
            // (`people:`, or a block with a person written inline).
            let key_at = yaml::locate_value(front, &[key]).unwrap_or(0..0);
            let at = front[key_at.start..]
                .find(written)
                .map_or(key_at.clone(), |i| {
                    key_at.start + i..key_at.start + i + written.len()
                });
            let at = yaml_range.start + at.start..yaml_range.start + at.end;
            out.push(diagnostic(&source, at, written));
        }
    }
    out
}
