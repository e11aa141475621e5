//! A section's header: the `_index.md` of a folder of `content/`, which
//! titles and describes the section and says how it lists its articles.
//!
//! Like an article's, it is read into a raw struct that denies unknown keys,
//! past its faulty keys, then checked; a section has one check serde cannot
//! make (a page size that is not a whole number of at least 1: `paginate_by`
//! is read as text so that `-1` or `2.5` get that message, not serde's « a
//! number, not a number »), so the module stays one short function. A
//! section needs no key at all: an empty `_index.md` is a section with the
//! defaults (see `fences::split_section`).

use crate::diagnostics::Code;
use serde::Deserialize;

use super::fences::Split;
use super::positions::locate;
use super::theme_extra;
use crate::diagnostics::{Diagnostic, SourceText};
use crate::language::Language;
use crate::messages::t;
use crate::yaml::{self, Text};

/// How a section lists its articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    /// Newest first.
    #[default]
    Date,
    /// Alphabetical.
    Title,
    /// By `extra.weight`, lightest first.
    Weight,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSection {
    title: Option<Text>,
    description: Option<Text>,
    sort_by: Option<SortBy>,
    paginate_by: Option<Text>,
    template: Option<Text>,
    draft: Option<bool>,
    extra: Option<serde_yaml::Mapping>,
}

/// A section's `_index.md` front matter, checked.
#[derive(Debug, Clone, Default)]
pub struct SectionMeta {
    /// Title (the folder name when absent).
    pub title: Option<String>,
    /// One sentence.
    pub description: Option<String>,
    /// Order of the listing.
    pub sort_by: SortBy,
    /// Articles per page (the site's when absent).
    pub paginate_by: Option<usize>,
    /// Overrides the section template.
    pub template: Option<String>,
    /// Left out unless `--drafts`.
    pub draft: bool,
    /// Free map for themes.
    pub extra: serde_json::Value,
}

/// Reads and checks a section's `_index.md` front matter. Every problem
/// found is returned.
pub fn parse_section(
    source: &SourceText,
    split: &Split,
    lang: Language,
) -> Result<SectionMeta, Vec<Diagnostic>> {
    let yaml_text = &source.text[split.yaml.clone()];
    let read = yaml::read::<RawSection>(yaml_text, source, split.yaml.start, lang, yaml::no_hints)?;
    let (raw, mut errors) = (read.value, read.errors);
    let paginate_by = raw.paginate_by.and_then(|written| {
        let count = written
            .as_str()
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|&n| n >= 1);
        if count.is_none() {
            let at = yaml::locate_value(yaml_text, &["paginate_by"])
                .map(|r| split.yaml.start + r.start..split.yaml.start + r.end)
                .unwrap_or_else(|| locate(source, split, &["paginate_by"]));
            errors.push(
                Diagnostic::error(
                    Code::FrontMatterBadPaginateBy,
                    t!(
                        lang,
                        "content-section-bad-paginate-by",
                        written = written.as_str()
                    ),
                )
                .at(source, at)
                .with_help(t!(lang, "content-section-bad-paginate-by-help")),
            );
        }
        count
    });
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(SectionMeta {
        title: raw.title.map(|t| t.0),
        description: raw.description.map(|t| t.0),
        sort_by: raw.sort_by.unwrap_or_default(),
        paginate_by,
        template: raw.template.map(|t| t.0),
        draft: raw.draft.unwrap_or(false),
        extra: theme_extra(raw.extra),
    })
}
