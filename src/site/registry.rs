//! The site's registries of people and organisations (`content/_people.yaml`,
//! `content/_organisations.yaml`), and resolving a `by:` to a person.
//!
//! A person can be written three ways (an id of the article's `people`, an id
//! of the registry, or inline); they all end up as one `Person` value, whose
//! organisation is resolved against the organisation registry when it is an
//! id. Names render the same everywhere because they come from one place.

use crate::diagnostics::Code;
use std::path::Path;

use indexmap::IndexMap;
use serde::Deserialize;

use crate::content::front_matter::{InlinePerson, PersonRef};
use crate::diagnostics::{Diagnostic, SourceText};
use crate::language::Language;
use crate::messages::t;
use crate::url_schemes::UrlPolicy;
use crate::yaml::{self, Text};

/// An organisation of `_organisations.yaml`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawOrganisation {
    /// Full name.
    pub name: Text,
    /// Short name.
    pub short: Option<Text>,
    /// Its intranet address.
    pub url: Option<Text>,
    /// Its logo (site path).
    pub logo: Option<Text>,
}

/// An organisation as shown.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Organisation {
    /// Registry id, when it comes from the registry.
    pub id: Option<String>,
    /// Full name.
    pub name: String,
    /// Short name.
    pub short: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Logo, as written (a site path such as `/images/logos/cpam.svg`, or
    /// an address).
    pub logo: Option<String>,
}

/// A person as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Id in the article or the registry, if any.
    pub id: Option<String>,
    /// Full name.
    pub name: String,
    /// Job title.
    pub role: Option<String>,
    /// Organisation.
    pub organisation: Option<Organisation>,
    /// Photo as written, and the file it was written in (for relative paths).
    pub photo: Option<(String, bool)>,
    /// Initials.
    pub initials: String,
}

/// Both registries.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// People by id, in file order.
    pub people: IndexMap<String, InlinePerson>,
    /// Organisations by id, in file order.
    pub organisations: IndexMap<String, RawOrganisation>,
    /// The people's file, relative to the site's root, when there is one
    /// (to point at a photo that cannot be published).
    pub people_file: Option<std::path::PathBuf>,
    /// The organisations' file, likewise (a logo).
    pub organisations_file: Option<std::path::PathBuf>,
}

impl Registry {
    /// Reads the registry files that exist.
    pub fn load(
        root: &Path,
        people: Option<&Path>,
        organisations: Option<&Path>,
        lang: Language,
    ) -> (Registry, Vec<Diagnostic>) {
        let mut errors = Vec::new();
        let mut registry = Registry {
            people_file: people.map(Path::to_path_buf),
            organisations_file: organisations.map(Path::to_path_buf),
            ..Registry::default()
        };
        if let Some(path) = people {
            match read(root, path, lang) {
                Ok(map) => registry.people = map,
                Err(all) => errors.extend(all),
            }
        }
        if let Some(path) = organisations {
            match read(root, path, lang) {
                Ok(map) => registry.organisations = map,
                Err(all) => errors.extend(all),
            }
        }
        (registry, errors)
    }

    /// An organisation written as an id or a name.
    pub fn organisation(&self, text: &str) -> Organisation {
        match self.organisations.get(text) {
            Some(o) => Organisation {
                id: Some(text.to_string()),
                name: o.name.0.clone(),
                short: o.short.as_ref().map(|t| t.0.clone()),
                url: o.url.as_ref().map(|t| t.0.clone()),
                logo: o.logo.as_ref().map(|t| t.0.clone()),
            },
            None => Organisation {
                id: None,
                name: text.to_string(),
                short: None,
                url: None,
                logo: None,
            },
        }
    }

    /// Resolves a `by:`: the article's people first, then the registry, or
    /// inline. `None` for an unknown id.
    pub fn person(
        &self,
        by: &PersonRef,
        article_people: &IndexMap<String, InlinePerson>,
    ) -> Option<Person> {
        match by {
            PersonRef::Id(id) => {
                if let Some(p) = article_people.get(id.as_str()) {
                    Some(self.resolve_inline(Some(id.as_str()), p, true))
                } else {
                    self.people
                        .get(id.as_str())
                        .map(|p| self.resolve_inline(Some(id.as_str()), p, false))
                }
            }
            PersonRef::Inline(p) => Some(self.resolve_inline(None, p, true)),
        }
    }

    /// Resolves an id only.
    pub fn person_by_id(
        &self,
        id: &str,
        article_people: &IndexMap<String, InlinePerson>,
    ) -> Option<Person> {
        self.person(&PersonRef::Id(Text(id.to_string())), article_people)
    }

    fn resolve_inline(&self, id: Option<&str>, p: &InlinePerson, in_article: bool) -> Person {
        let name = p.name.0.trim().to_string();
        Person {
            id: id.map(str::to_string),
            initials: p
                .initials
                .as_ref()
                .map(|t| t.0.clone())
                .unwrap_or_else(|| initials(&name)),
            role: p.role.as_ref().map(|t| t.0.clone()),
            organisation: p
                .organisation
                .as_ref()
                .map(|o| self.organisation(o.as_str())),
            photo: p.photo.as_ref().map(|t| (t.0.clone(), in_article)),
            name,
        }
    }
}

impl Registry {
    /// Checks that the logos and photos the registries give as site paths
    /// (`/images/logos/cpam.svg`) name a file the site publishes
    /// (`published`: paths without their leading `/`): a typo would otherwise
    /// show a broken image on every page of the person or organisation.
    /// Each error points at the value in its registry file.
    pub fn missing_files(
        &self,
        root: &Path,
        people: Option<&Path>,
        organisations: Option<&Path>,
        published: &std::collections::BTreeSet<&str>,
        lang: Language,
    ) -> Vec<Diagnostic> {
        let people_files = self
            .people
            .iter()
            .filter_map(|(id, p)| Some((id, "photo", p.photo.as_ref()?.0.as_str())));
        let organisation_files = self
            .organisations
            .iter()
            .filter_map(|(id, o)| Some((id, "logo", o.logo.as_ref()?.0.as_str())));
        let mut errors = Vec::new();
        for (file, entries) in [
            (people, people_files.collect::<Vec<_>>()),
            (organisations, organisation_files.collect::<Vec<_>>()),
        ] {
            let Some(file) = file else { continue };
            let missing: Vec<_> = entries
                .into_iter()
                .filter(|(_, _, written)| {
                    written.starts_with('/')
                        && !published.contains(
                            written
                                .trim_start_matches('/')
                                .split(['?', '#'])
                                .next()
                                .unwrap_or(""),
                        )
                })
                .collect();
            if missing.is_empty() {
                continue;
            }
            let Some(text) = crate::sources::read(root, file)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
            else {
                continue;
            };
            let source = SourceText::new(file, text);
            for (id, key, written) in missing {
                let at = yaml::locate_value(&source.text, &[id.as_str(), key]).unwrap_or(0..0);
                let name = written.trim_start_matches('/');
                let help = match yaml::closest(name, published.iter().copied()) {
                    Some(best) => t!(lang, "site-registry-file-did-you-mean", best = best),
                    None => t!(lang, "site-registry-file-missing-help", name = name),
                };
                errors.push(
                    Diagnostic::error(
                        Code::RegistryFileMissing,
                        t!(lang, "site-registry-file-missing", file = written),
                    )
                    .at(&source, at)
                    .with_help(help),
                );
            }
        }
        errors
    }
}

impl Registry {
    /// Errors for the addresses of the registries whose scheme the site's
    /// allowlist refuses: an organisation's `url` and `logo`, a person's
    /// `photo`. Each points at the value in its registry file.
    pub fn refused_urls(
        &self,
        root: &Path,
        people: Option<&Path>,
        organisations: Option<&Path>,
        urls: &UrlPolicy,
        lang: Language,
    ) -> Vec<Diagnostic> {
        let people_urls = self
            .people
            .iter()
            .filter_map(|(id, p)| Some((id, "photo", p.photo.as_ref()?)))
            .collect::<Vec<_>>();
        let organisation_urls = self
            .organisations
            .iter()
            .flat_map(|(id, o)| [(id, "url", o.url.as_ref()), (id, "logo", o.logo.as_ref())])
            .filter_map(|(id, key, value)| Some((id, key, value?)))
            .collect::<Vec<_>>();
        let mut errors = Vec::new();
        for (file, entries) in [(people, people_urls), (organisations, organisation_urls)] {
            let refused: Vec<_> = entries
                .into_iter()
                .filter_map(|(id, key, value)| Some((id, key, urls.check(value.as_str()).err()?)))
                .collect();
            let Some(file) = file.filter(|_| !refused.is_empty()) else {
                continue;
            };
            let text = std::fs::read_to_string(root.join(file)).unwrap_or_default();
            let source = SourceText::new(file, text);
            for (id, key, refused) in refused {
                let at = yaml::locate_value(&source.text, &[id.as_str(), key]).unwrap_or(0..0);
                errors.push(urls.refusal(&refused, lang).at(&source, at));
            }
        }
        errors
    }
}

fn read<T: serde::de::DeserializeOwned>(
    root: &Path,
    path: &Path,
    lang: Language,
) -> Result<T, Vec<Diagnostic>> {
    // The same reading as an article's: unreadable and non-UTF-8 files
    // are told the same way.
    let text = crate::sources::text(root, path, lang)?;
    let source = SourceText::new(path, text);
    let body = source.text.trim_start_matches('\u{feff}');
    yaml::parse_all(body, &source, source.text.len() - body.len(), lang)
}

/// Initials of a name: the first letter of each word, hyphenated parts
/// included (`Jean-Marc Dupont` → `JMD`); particles in lower case are skipped.
pub fn initials(name: &str) -> String {
    let mut out = String::new();
    for word in name.split_whitespace() {
        for part in word.split('-') {
            if let Some(c) = part.chars().next()
                && c.is_uppercase()
            {
                out.push(c);
            }
        }
    }
    if out.is_empty() {
        name.chars()
            .next()
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_from_names() {
        assert_eq!(initials("Valérie Carpentier"), "VC");
        assert_eq!(initials("Jean-Marc de la Tour"), "JMT");
        assert_eq!(initials("Karim B."), "KB");
        assert_eq!(initials("élodie"), "É");
    }
}
