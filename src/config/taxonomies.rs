//! `taxonomies`: the URL folder of each taxonomy (`/mots-cles/`…).
//!
//! A folder is part of every URL of its pages, so it must already be a slug
//! (what `slugify` would make of it) and belong to one taxonomy only. Where
//! each folder written in the file is, is kept in the `Config`: a clash with
//! another output path is only found at assembly, which points here.

use crate::diagnostics::Code;
use std::collections::BTreeMap;

use serde::Serialize;

use super::file::RawTaxonomies;
use super::places::Places;
use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::language::Language;
use crate::messages::t;
use crate::yaml::Text;

/// URL folder of each taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaxonomyFolders {
    /// `categories` by default.
    pub category: String,
    /// `rubriques` by default.
    pub series: String,
    /// `mots-cles` by default.
    pub tags: String,
    /// `organismes` by default.
    pub organisations: String,
    /// `auteurs` by default.
    pub authors: String,
    /// `personnes` by default.
    pub people: String,
}

impl TaxonomyFolders {
    /// The folders when `site.yaml` names none.
    pub(super) fn defaults() -> TaxonomyFolders {
        TaxonomyFolders {
            category: "categories".into(),
            series: "rubriques".into(),
            tags: "mots-cles".into(),
            organisations: "organismes".into(),
            authors: "auteurs".into(),
            people: "personnes".into(),
        }
    }
}

/// The folders, each checked, and where each written one is (by key).
pub(super) fn resolve(
    places: Places,
    written: Option<RawTaxonomies>,
    lang: Language,
    errors: &mut Diagnostics,
) -> (TaxonomyFolders, BTreeMap<&'static str, Position>) {
    let tax = written.unwrap_or_default();
    let defaults = TaxonomyFolders::defaults();
    let mut folders = Folders {
        places,
        lang,
        errors,
        used: BTreeMap::new(),
        positions: BTreeMap::new(),
    };
    let taxonomies = TaxonomyFolders {
        category: folders.folder("category", tax.category, &defaults.category),
        series: folders.folder("series", tax.series, &defaults.series),
        tags: folders.folder("tags", tax.tags, &defaults.tags),
        organisations: folders.folder("organisations", tax.organisations, &defaults.organisations),
        authors: folders.folder("authors", tax.authors, &defaults.authors),
        people: folders.folder("people", tax.people, &defaults.people),
    };
    (taxonomies, folders.positions)
}

/// The folders read so far.
struct Folders<'a, 'p> {
    places: Places<'p>,
    lang: Language,
    errors: &'a mut Diagnostics,
    /// Taxonomy key by folder.
    used: BTreeMap<String, &'static str>,
    positions: BTreeMap<&'static str, Position>,
}

impl Folders<'_, '_> {
    /// The folder of the taxonomy `key`: a slug, not used by another.
    fn folder(&mut self, key: &'static str, value: Option<Text>, default: &str) -> String {
        let (places, lang) = (self.places, self.lang);
        let at = places.value(&["taxonomies", key]);
        if places.written(&["taxonomies", key]).is_some() {
            self.positions
                .insert(key, places.source.position(at.clone()));
        }
        let name = value.map(|t| t.0).unwrap_or_else(|| default.to_string());
        let safe = crate::content::slug::slugify(&name);
        if safe != name || name.is_empty() {
            self.errors.push(
                Diagnostic::error(
                    Code::ConfigBadTaxonomyFolder,
                    t!(lang, "config-bad-taxonomy-folder", name = &name),
                )
                .at(places.source, at.clone())
                .with_help(t!(
                    lang,
                    "config-bad-taxonomy-folder-help",
                    safe = &safe
                )),
            );
        }
        if let Some(previous) = self.used.insert(name.clone(), key) {
            self.errors.push(
                Diagnostic::error(
                    Code::ConfigDuplicateTaxonomyFolder,
                    t!(
                        lang,
                        "config-duplicate-taxonomy-folder",
                        name = &name,
                        previous = previous
                    ),
                )
                .at(places.source, at)
                .with_help(t!(lang, "config-duplicate-taxonomy-folder-help")),
            );
        }
        name
    }
}
