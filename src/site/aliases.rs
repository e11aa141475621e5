//! Aliases: the old addresses an article answers at (`aliases:`), each a
//! redirect page to its current address.
//!
//! An alias is checked as a site path (`paths::alias_path`: no scheme, no
//! host, no `..`) and must not be an article's address or another alias;
//! the first article in the build's order keeps a contested alias, and the
//! others get an error at the value. The redirect pages themselves are
//! written by rendering, and their files checked with every other output
//! path by `paths`.

use crate::diagnostics::Code;
use std::collections::HashMap;

use super::paths;
use super::positions::value_span;
use super::{Article, PageFolder};
use crate::diagnostics::Diagnostic;
use crate::language::Language;
use crate::messages::t;

/// Sets each article's `aliases` to its old addresses' output folders;
/// `by_url` are the articles' own folders. Problems are pushed on `errors`.
pub(super) fn assign(
    articles: &mut [Article],
    by_url: &HashMap<PageFolder, usize>,
    lang: Language,
    errors: &mut Vec<Diagnostic>,
) {
    let sources: Vec<String> = articles
        .iter()
        .map(|a| a.loaded.source.path.display().to_string())
        .collect();
    let mut alias_owner: HashMap<String, usize> = HashMap::new();
    for (i, a) in articles.iter_mut().enumerate() {
        let mut out = Vec::new();
        for alias in &a.loaded.meta.aliases {
            match paths::alias_path(alias) {
                Ok(path)
                    if !by_url.contains_key(path.as_str()) && !alias_owner.contains_key(&path) =>
                {
                    alias_owner.insert(path.clone(), i);
                    out.push(path);
                }
                Ok(path) => {
                    let help = match by_url.get(path.as_str()) {
                        Some(&owner) => {
                            t!(lang, "site-alias-taken-page-help", owner = &sources[owner])
                        }
                        None => t!(
                            lang,
                            "site-alias-taken-alias-help",
                            owner = &sources[alias_owner[&path]]
                        ),
                    };
                    errors.push(
                        Diagnostic::error(
                            Code::AliasCollision,
                            t!(lang, "site-alias-taken", path = &path),
                        )
                        .at(&a.loaded.source, value_span(&a.loaded, "aliases", alias))
                        .with_help(help),
                    )
                }
                Err(problem) => errors.push(
                    Diagnostic::error(
                        Code::AliasInvalid,
                        t!(lang, "site-alias-invalid", alias = alias),
                    )
                    .at(&a.loaded.source, value_span(&a.loaded, "aliases", alias))
                    .with_help(problem.help(lang)),
                ),
            }
        }
        a.aliases = out;
    }
}
