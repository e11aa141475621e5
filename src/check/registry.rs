//! Registry entries (`content/_people.yaml`, `content/_organisations.yaml`)
//! that no article uses.
//!
//! "Used" counts every article of the site, published or not: an entry
//! written ahead for a draft or an embargoed article is not dead. The built
//! site keeps only the articles of this build, so the others' front matter
//! is read again here (front matter only: cheap). A file whose front matter
//! cannot be read (its errors are reported by the build) counts as using
//! every id its text mentions, so a broken article never makes its people
//! look unused. An organisation is used through an article, or through a
//! person who is used; so one run reports an unused person and the
//! organisation only that person names.

use crate::diagnostics::Code;
use std::collections::HashSet;
use std::path::Path;

use crate::content::ContentPath;
use crate::content::discover;
use crate::content::front_matter::{self, ArticleMeta, PersonRef};
use crate::diagnostics::{Diagnostic, SourceText};
use crate::language::Language;
use crate::messages::t;
use crate::site::Site;

/// Warnings for the entries never used.
pub fn unused(site: &Site, root: &Path) -> Vec<Diagnostic> {
    let registry = &site.registry;
    if registry.people.is_empty() && registry.organisations.is_empty() {
        return Vec::new();
    }
    let lang = site.config.language;
    let mut used = Used::default();
    let mut seen: HashSet<ContentPath> = HashSet::new();
    for a in &site.articles {
        seen.insert(a.content_path.clone());
        used.article(&a.loaded.meta);
    }
    // Articles left out of this build, or left out for their errors.
    {
        let (found, _) = discover::discover(root, lang);
        for origin in found.articles {
            if seen.contains(&ContentPath::of(&origin.path)) {
                continue;
            }
            let Some(text) = crate::sources::read(root, &origin.path)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
            else {
                continue;
            };
            let source = SourceText::new(origin.path.clone(), text);
            let meta = front_matter::split(&source, lang)
                .ok()
                .and_then(|split| front_matter::parse_article(&source, &split, lang).ok());
            match meta {
                Some(meta) => used.article(&meta),
                None => used.mentioned(&source.text, site),
            }
        }
    }
    for (id, person) in &registry.people {
        if used.people.contains(id)
            && let Some(org) = &person.organisation
        {
            used.organisations.insert(org.as_str().to_string());
        }
    }
    let mut out = Vec::new();
    let people = registry
        .people
        .keys()
        .filter(|id| !used.people.contains(*id));
    report(root, "_people.yaml", people, Kind::Person, lang, &mut out);
    let organisations = registry
        .organisations
        .keys()
        .filter(|id| !used.organisations.contains(*id));
    report(
        root,
        "_organisations.yaml",
        organisations,
        Kind::Organisation,
        lang,
        &mut out,
    );
    out
}

#[derive(Default)]
struct Used {
    people: HashSet<String>,
    organisations: HashSet<String>,
}

impl Used {
    /// Registry ids an article's front matter refers to. Ids of the
    /// article's own `people` hide the registry's.
    fn article(&mut self, meta: &ArticleMeta) {
        self.organisations
            .extend(meta.organisations.iter().cloned());
        for p in meta.people.values() {
            if let Some(o) = &p.organisation {
                self.organisations.insert(o.as_str().to_string());
            }
        }
        let mut refs: Vec<PersonRef> = Vec::new();
        if let Some(i) = &meta.interview {
            for id in i.with.ids() {
                refs.push(PersonRef::Id(crate::yaml::Text(id)));
            }
            refs.extend(i.questions.iter().filter_map(|q| q.by.clone()));
        }
        for group in meta.testimonials.values() {
            refs.extend(group.items.iter().filter_map(|i| i.by.clone()));
        }
        refs.extend(meta.quotes.values().filter_map(|q| q.by.clone()));
        for r in refs {
            match r {
                PersonRef::Id(id) if !meta.people.contains_key(id.as_str()) => {
                    self.people.insert(id.0);
                }
                PersonRef::Id(_) => {}
                PersonRef::Inline(p) => {
                    if let Some(o) = p.organisation {
                        self.organisations.insert(o.0);
                    }
                }
            }
        }
    }

    /// Every registry id that appears as a word in a text.
    fn mentioned(&mut self, text: &str, site: &Site) {
        let words: HashSet<&str> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .collect();
        let registry = &site.registry;
        for id in registry.people.keys() {
            if words.contains(id.as_str()) {
                self.people.insert(id.clone());
            }
        }
        for id in registry.organisations.keys() {
            if words.contains(id.as_str()) {
                self.organisations.insert(id.clone());
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Person,
    Organisation,
}

fn report<'a>(
    root: &Path,
    file: &str,
    ids: impl Iterator<Item = &'a String>,
    kind: Kind,
    lang: Language,
    out: &mut Vec<Diagnostic>,
) {
    let path = Path::new("content").join(file);
    let text = crate::sources::read(root, &path)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default();
    let source = SourceText::new(&path, text);
    for id in ids {
        let (message, help) = match kind {
            Kind::Person => (
                t!(lang, "check-person-unused", id = id),
                t!(lang, "check-person-unused-help", id = id),
            ),
            Kind::Organisation => (
                t!(lang, "check-organisation-unused", id = id),
                t!(lang, "check-organisation-unused-help", id = id),
            ),
        };
        let d = Diagnostic::warning(Code::RegistryUnused, message).with_help(help);
        out.push(match key_line(&source.text, id) {
            Some(span) => d.at(&source, span),
            None => d.in_file(&path),
        });
    }
}

/// Where a top-level key is written: `id:`, `"id":` or `'id':` at the start
/// of a line.
fn key_line(text: &str, id: &str) -> Option<std::ops::Range<usize>> {
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.strip_prefix('\u{feff}').unwrap_or(line);
        let lead = line.len() - body.len();
        for quote in ["", "\"", "'"] {
            if let Some(rest) = body
                .strip_prefix(quote)
                .and_then(|r| r.strip_prefix(id))
                .and_then(|r| r.strip_prefix(quote))
                && rest.trim_start_matches(' ').starts_with(':')
            {
                let start = pos + lead + quote.len();
                return Some(start..start + id.len());
            }
        }
        pos += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_top_level_keys() {
        let text = "# people\nann:\n  name: ann\n\"bob\" :\n  name: Bob\n";
        assert_eq!(key_line(text, "ann"), Some(9..12));
        assert_eq!(key_line(text, "bob"), Some(27..30));
        assert_eq!(key_line(text, "name"), None);
    }
}
