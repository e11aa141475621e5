//! The file as written: `site.yaml` read from the site's root, and
//! `RawConfig`, which mirrors it.
//!
//! `RawConfig` is serde with `deny_unknown_fields`, so a typo is an error
//! with the closest key suggested (see `yaml`). Reading comes before the
//! language is known, yet its errors are in the site's language: the file
//! is peeked at for `language: en` first. A file that cannot be read at all
//! is said in the default language, with how to point gazette at a site.

use crate::diagnostics::Code;
use std::path::Path;

use serde::Deserialize;

use super::{Config, FILE_NAME, Overrides, RawHtml, ShareKind};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::language::Language;
use crate::messages::t;
use crate::yaml::{self, Text};

/// The file as written.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    pub(super) title: Option<Text>,
    pub(super) base_url: Option<Text>,
    pub(super) language: Option<Language>,
    pub(super) theme: Option<Text>,
    pub(super) description: Option<Text>,
    pub(super) paginate_by: Option<Text>,
    pub(super) feeds: Option<bool>,
    pub(super) search: Option<bool>,
    pub(super) relative_urls: Option<bool>,
    pub(super) person_pages: Option<bool>,
    pub(super) share: Option<Vec<ShareKind>>,
    pub(super) share_image: Option<RawShareImage>,
    pub(super) menu: Option<Vec<RawMenuEntry>>,
    pub(super) markdown: Option<RawMarkdown>,
    pub(super) accessibility: Option<RawAccessibility>,
    pub(super) taxonomies: Option<RawTaxonomies>,
    pub(super) extra_url_schemes: Option<Vec<Text>>,
    pub(super) foreign_terms: Option<Vec<Text>>,
    pub(super) images: Option<RawImages>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawImages {
    pub(super) widths: Option<Vec<Text>>,
    pub(super) quality: Option<Text>,
    pub(super) keep_credit: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMenuEntry {
    pub(super) title: Text,
    pub(super) url: Text,
}

/// `share_image`: both keys are required.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawShareImage {
    pub(super) src: Text,
    pub(super) alt: Text,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMarkdown {
    pub(super) raw_html: Option<RawHtml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAccessibility {
    pub(super) entity: Option<Text>,
    pub(super) status: Option<Text>,
    pub(super) rgaa_version: Option<Text>,
    pub(super) audited_by: Option<Text>,
    pub(super) audit_date: Option<Text>,
    pub(super) rate: Option<f64>,
    pub(super) environment: Option<Vec<Text>>,
    pub(super) tools: Option<Vec<Text>>,
    pub(super) audited_pages: Option<Vec<Text>>,
    pub(super) non_compliant: Option<Vec<Text>>,
    pub(super) disproportionate_burden: Option<Vec<Text>>,
    pub(super) out_of_scope: Option<Vec<Text>>,
    pub(super) established: Option<Text>,
    pub(super) updated: Option<Text>,
    pub(super) scheme: Option<Text>,
    pub(super) action_plan: Option<Text>,
    pub(super) contact: Option<Text>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTaxonomies {
    pub(super) category: Option<Text>,
    pub(super) series: Option<Text>,
    pub(super) tags: Option<Text>,
    pub(super) organisations: Option<Text>,
    pub(super) authors: Option<Text>,
    pub(super) people: Option<Text>,
}

/// Reads and resolves `site.yaml` under `root`. Errors are for exit code 2.
pub fn load(root: &Path, overrides: &Overrides) -> Result<Config, Diagnostics> {
    let bytes = match crate::sources::read_alone(root, Path::new(FILE_NAME)) {
        Ok(bytes) => bytes,
        Err(crate::sources::Refusal::Unreadable(err)) => return Err(unreadable(root, &err)),
        Err(refusal) => {
            // A pipe, a link out of the site: said in the default language.
            let mut list = Diagnostics::new();
            list.push(refusal.diagnostic(
                Path::new(FILE_NAME),
                Code::ConfigUnreadable,
                Language::default(),
            ));
            return Err(list);
        }
    };
    // Settings are read before the language is known: peek at it.
    let lang = peek_language(&String::from_utf8_lossy(&bytes));
    // Not UTF-8: an error at the first byte that is not, as for an article.
    let text = crate::sources::text_from(bytes, Path::new(FILE_NAME), lang).map_err(|errors| {
        let mut list = Diagnostics::new();
        list.extend(errors);
        list
    })?;
    let source = SourceText::new(FILE_NAME, text);
    let body = source.text.trim_start_matches('\u{feff}');
    let offset = source.text.len() - body.len();
    let raw: RawConfig = yaml::parse_all(body, &source, offset, lang).map_err(|all| {
        let mut list = Diagnostics::new();
        list.extend(all);
        list
    })?;
    super::resolve::resolve(raw, root, &source, offset, overrides)
}

/// `site.yaml` missing or unreadable: said in the default language (no
/// settings, so no language yet), with how to point gazette at a site.
fn unreadable(root: &Path, err: &std::io::Error) -> Diagnostics {
    let lang = Language::default();
    let path = root.join(FILE_NAME);
    let dir = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let message = if err.kind() == std::io::ErrorKind::NotFound {
        t!(
            lang,
            "config-no-site-file",
            file = FILE_NAME,
            folder = dir.display().to_string()
        )
    } else {
        t!(
            lang,
            "config-unreadable",
            path = path.display().to_string(),
            reason = crate::os_errors::reason(err, lang)
        )
    };
    let mut list = Diagnostics::new();
    list.push(
        Diagnostic::error(Code::ConfigUnreadable, message)
            .with_help(t!(lang, "config-unreadable-help")),
    );
    list
}

/// The language of a `site.yaml`'s text, before (or without) reading it: `en`
/// only when a line says so plainly.
pub fn peek_language(text: &str) -> Language {
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("language:")
            && rest.split('#').next().unwrap_or("").trim() == "en"
        {
            return Language::En;
        }
    }
    Language::Fr
}
