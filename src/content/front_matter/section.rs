//! A section's header: the `_index.md` of a folder of `content/`, which
//! titles and describes the section and says how it lists its articles.
//!
//! Like an article's, it is read into a raw struct that denies unknown keys,
//! then checked; a section has one check serde cannot make (a page of zero
//! articles), so the module stays one short function.

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
    paginate_by: Option<usize>,
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

/// Reads and checks a section's `_index.md` front matter.
pub fn parse_section(
    source: &SourceText,
    split: &Split,
    lang: Language,
) -> Result<SectionMeta, Vec<Diagnostic>> {
    let yaml_text = &source.text[split.yaml.clone()];
    let raw: RawSection = yaml::parse_all(yaml_text, source, split.yaml.start, lang)?;
    if raw.paginate_by == Some(0) {
        return Err(vec![
            Diagnostic::error(
                Code::FrontMatterBadPaginateBy,
                t!(lang, "content-section-bad-paginate-by"),
            )
            .at(source, locate(source, split, &["paginate_by"])),
        ]);
    }
    Ok(SectionMeta {
        title: raw.title.map(|t| t.0),
        description: raw.description.map(|t| t.0),
        sort_by: raw.sort_by.unwrap_or_default(),
        paginate_by: raw.paginate_by,
        template: raw.template.map(|t| t.0),
        draft: raw.draft.unwrap_or(false),
        extra: theme_extra(raw.extra),
    })
}
