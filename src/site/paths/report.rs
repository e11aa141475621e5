//! The wording and the place of the errors of [`super::check`]: who owns
//! a path, as a writer knows it (« la rubrique content/actualites/ »), where
//! the value that made it is written (the `slug:`, the tag, the alias, the
//! `taxonomies:` setting, the file or folder name), and how to fix it.
//!
//! Kept apart from the checks, so that those read as a list of rules and
//! these as a list of messages, whose texts are in `locales/<lang>/site.ftl`
//! (`site-path-…`). Each source is reported once; of two owners, the one a
//! writer most likely got wrong is pointed at.

use crate::diagnostics::Code;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Claim, Flaw, Generated, MAX_PATH_BYTES, MAX_SEGMENT_BYTES, Owner, Reserved};
use super::{alias_path, is_site_static};
use crate::content::discover::to_slash;
use crate::content::slug::slugify;
use crate::diagnostics::Diagnostic;
use crate::language::Language;
use crate::messages::t;
use crate::site::Site;
use crate::site::positions::value_span;
use crate::site::taxonomy::Kind;

/// A long text cut for a message: its first 40 characters.
fn shortened(text: &str) -> String {
    let visible: String = text
        .chars()
        .take(40)
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_unicode().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect();
    if text.chars().count() > 40 {
        format!("{visible}…")
    } else {
        visible
    }
}

/// The errors found so far, each source reported once.
pub(super) struct Report<'a> {
    site: &'a Site,
    statics: &'a [(String, PathBuf)],
    reported: HashSet<Owner>,
    errors: Vec<Diagnostic>,
}

impl<'a> Report<'a> {
    pub(super) fn new(site: &'a Site, statics: &'a [(String, PathBuf)]) -> Self {
        Report {
            site,
            statics,
            reported: HashSet::new(),
            errors: Vec::new(),
        }
    }

    pub(super) fn into_errors(self) -> Vec<Diagnostic> {
        self.errors
    }

    fn lang(&self) -> Language {
        self.site.config.language
    }

    /// Records `owner`'s source as reported; false when it already was.
    fn first_time(&mut self, owner: Owner) -> bool {
        self.reported.insert(source_of(owner))
    }

    pub(super) fn flaw(&mut self, claim: &Claim, end: usize, flaw: Flaw) {
        if !self.first_time(claim.owner) {
            return;
        }
        let lang = self.lang();
        let path = shortened(&claim.path);
        let prefix = &claim.path[..end];
        let seg = shortened(prefix.rsplit('/').next().unwrap_or(prefix));
        let (code, message) = match flaw {
            Flaw::SegmentTooLong(n) => (
                Code::OutputPathTooLong,
                t!(
                    lang,
                    "site-path-segment-too-long",
                    segment = &seg,
                    bytes = n,
                    max = MAX_SEGMENT_BYTES
                ),
            ),
            Flaw::PathTooLong(n) => (
                Code::OutputPathTooLong,
                t!(
                    lang,
                    "site-path-too-long",
                    path = &path,
                    bytes = n,
                    max = MAX_PATH_BYTES
                ),
            ),
            _ => {
                let (reason, character) = reason(flaw);
                (
                    Code::OutputPathInvalid,
                    t!(
                        lang,
                        "site-path-invalid-name",
                        segment = &seg,
                        path = &path,
                        reason = reason,
                        character = character
                    ),
                )
            }
        };
        let shorter = matches!(flaw, Flaw::SegmentTooLong(_) | Flaw::PathTooLong(_));
        let help = self.fix(claim.owner, shorter);
        let d = self.place(Diagnostic::error(code, message), claim.owner);
        self.errors.push(d.with_help(help));
    }

    /// Two owners of one file: the more likely mistake is reported.
    pub(super) fn collision(&mut self, first: &Claim, second: &Claim) {
        let (blamed, other) = blame(self.statics, first, second);
        if !self.first_time(blamed.owner) {
            return;
        }
        let lang = self.lang();
        let (who, whom) = (self.describe(blamed.owner), self.describe(other.owner));
        let path = shortened(&blamed.path);
        let message = t!(
            lang,
            "site-path-collision",
            path = &path,
            who = &who,
            whom = &whom
        );
        let mut help = self.fix(blamed.owner, false);
        if blamed.path != other.path {
            help = t!(
                lang,
                "site-path-case-collision-help",
                other = shortened(&other.path),
                path = &path,
                fix = help
            );
        }
        let d = Diagnostic::error(Code::OutputPathCollision, message);
        let d = self.place(d, blamed.owner);
        self.errors.push(d.with_help(help));
    }

    /// `file` is written as a file, and `inside` needs it as a folder.
    pub(super) fn file_and_folder(&mut self, file: &Claim, inside: &Claim) {
        let (blamed, _) = blame(self.statics, file, inside);
        if !self.first_time(blamed.owner) {
            return;
        }
        let lang = self.lang();
        let (a, b) = (self.describe(file.owner), self.describe(inside.owner));
        let (f, p) = (shortened(&file.path), shortened(&inside.path));
        let message = t!(
            lang,
            "site-path-file-and-folder",
            file = &f,
            file_owner = &a,
            folder_owner = &b,
            inside = &p
        );
        let help = self.fix(blamed.owner, false);
        let d = Diagnostic::error(Code::OutputPathFileFolder, message);
        let d = self.place(d, blamed.owner);
        self.errors.push(d.with_help(help));
    }

    /// `claim` writes inside a folder reserved for another owner.
    pub(super) fn in_reserved(&mut self, r: &Reserved, claim: &Claim) {
        if !self.first_time(claim.owner) {
            return;
        }
        let lang = self.lang();
        let owner = self.describe(r.owner);
        let who = self.describe(claim.owner);
        let (folder, path) = (shortened(&r.folder), shortened(&claim.path));
        let message = t!(
            lang,
            "site-path-in-reserved",
            folder = &folder,
            reserved = reserved_for(r),
            owner = &owner,
            who = &who,
            path = &path
        );
        let help = self.fix(claim.owner, false);
        let d = Diagnostic::error(Code::OutputFolderReserved, message);
        let d = self.place(d, claim.owner);
        self.errors.push(d.with_help(help));
    }
}

/// Whom a reserved folder is for, as the messages' `reserved` keyword:
/// the pagination of its owner, the theme's files, or its owner.
fn reserved_for(r: &Reserved) -> &'static str {
    match r.owner {
        _ if r.pagination => "pagination",
        Owner::Static(_) => "theme",
        _ => "owner",
    }
}

impl Report<'_> {
    /// Two owners would fill one folder by themselves.
    pub(super) fn reserved_twice(&mut self, first: &Reserved, second: &Reserved) {
        let statics = self.statics;
        let (a, b) = (
            Claim {
                path: first.folder.clone(),
                owner: first.owner,
            },
            Claim {
                path: second.folder.clone(),
                owner: second.owner,
            },
        );
        let (blamed, other) = blame(statics, &a, &b);
        if !self.first_time(blamed.owner) {
            return;
        }
        let lang = self.lang();
        let folder = shortened(&blamed.path);
        let reserved = if other.owner == first.owner {
            first
        } else {
            second
        };
        let (who, owner) = (self.describe(blamed.owner), self.describe(reserved.owner));
        let message = t!(
            lang,
            "site-path-reserved-twice",
            folder = &folder,
            reserved = reserved_for(reserved),
            owner = &owner,
            who = &who
        );
        let help = self.fix(blamed.owner, false);
        let d = Diagnostic::error(Code::OutputFolderReserved, message);
        let d = self.place(d, blamed.owner);
        self.errors.push(d.with_help(help));
    }
}

/// Feeds belong to their listing: one source.
fn source_of(owner: Owner) -> Owner {
    match owner {
        Owner::SectionFeed(i) => Owner::Section(i),
        Owner::TermFeed { taxonomy, term } => Owner::Term { taxonomy, term },
        Owner::Variant(i) => Owner::Asset(i),
        Owner::StaticVariant(i) => Owner::Static(i),
        other => other,
    }
}

/// Of two claims, the one a writer most likely got wrong first (an alias,
/// a content file, a file of the site's `static/`…), then the other; the
/// later one when both are alike.
fn blame<'c>(
    statics: &[(String, PathBuf)],
    first: &'c Claim,
    second: &'c Claim,
) -> (&'c Claim, &'c Claim) {
    let rank = |owner: Owner| match owner {
        Owner::Alias { .. } => 0,
        Owner::Asset(_) | Owner::Variant(_) => 1,
        Owner::Static(i) | Owner::StaticVariant(i)
            if statics.get(i).is_some_and(|(_, src)| is_site_static(src)) =>
        {
            2
        }
        Owner::Article(_) => 3,
        Owner::Section(_) | Owner::SectionFeed(_) => 4,
        Owner::Term { .. } | Owner::TermFeed { .. } => 5,
        Owner::Taxonomy(_) => 6,
        Owner::Static(_) | Owner::StaticVariant(_) => 7,
        Owner::Generated(_) => 8,
    };
    if rank(first.owner) < rank(second.owner) {
        (first, second)
    } else {
        (second, first)
    }
}

/// Why a name cannot be a file name, as the `reason` keyword of
/// « site-path-invalid-name », with the refused character when there is one.
fn reason(flaw: Flaw) -> (&'static str, String) {
    let reason = match flaw {
        Flaw::Dots => "dots",
        Flaw::Control => "control",
        Flaw::Backslash => "backslash",
        Flaw::Windows(c) => return ("windows", c.to_string()),
        Flaw::DeviceName => "device",
        Flaw::Trailing => "trailing",
        Flaw::SegmentTooLong(_) | Flaw::PathTooLong(_) => "too-long",
    };
    (reason, String::new())
}

impl Report<'_> {
    /// Who writes a file, as a writer knows it.
    fn describe(&self, owner: Owner) -> String {
        let lang = self.lang();
        let site = self.site;
        let section = |i: usize| match site.sections.get(i).map(|s| s.dir.as_str()) {
            Some("") | None => t!(lang, "site-path-owner-home"),
            Some(dir) => t!(lang, "site-path-owner-section", dir = dir),
        };
        let term = |t: usize, k: usize| {
            let tax = &site.taxonomies.list[t];
            let title = tax.kind.title(lang);
            let name = tax.terms.get(k).map(|t| t.name.as_str()).unwrap_or("");
            t!(lang, "site-path-owner-term", name = name, title = title)
        };
        let feed = |of: String| t!(lang, "site-path-owner-feed", listing = of);
        let article_path = |i: usize| to_slash(&site.articles[i].loaded.origin.path);
        match owner {
            Owner::Section(i) => section(i),
            Owner::SectionFeed(i) => feed(section(i)),
            Owner::Article(i) => t!(lang, "site-path-owner-article", path = article_path(i)),
            Owner::Alias { article, alias } => t!(
                lang,
                "site-path-owner-alias",
                alias = self.written_alias(article, alias),
                path = article_path(article)
            ),
            Owner::Taxonomy(t) => {
                let title = site.taxonomies.list[t].kind.title(lang);
                t!(lang, "site-path-owner-taxonomy", title = title)
            }
            Owner::Term { taxonomy, term: k } => term(taxonomy, k),
            Owner::TermFeed { taxonomy, term: k } => feed(term(taxonomy, k)),
            Owner::Asset(i) => file_named(&site.assets[i].1, lang),
            Owner::Variant(i) => t!(
                lang,
                "site-path-owner-variant",
                path = to_slash(&site.assets[i].1)
            ),
            Owner::Static(i) => file_named(&self.statics[i].1, lang),
            Owner::StaticVariant(i) => t!(
                lang,
                "site-path-owner-variant",
                path = to_slash(&self.statics[i].1)
            ),
            Owner::Generated(g) => t!(lang, "site-path-owner-generated", page = generated(g)),
        }
    }

    /// The alias as written in the front matter.
    fn written_alias(&self, article: usize, alias: usize) -> String {
        let a = &self.site.articles[article];
        let path = a.aliases.get(alias).map(String::as_str).unwrap_or("");
        a.loaded
            .meta
            .aliases
            .iter()
            .find(|w| alias_path(w).is_ok_and(|p| p == path))
            .cloned()
            .unwrap_or_else(|| format!("/{path}"))
    }

    /// Places a diagnostic at the value that made `owner`'s path.
    fn place(&self, d: Diagnostic, owner: Owner) -> Diagnostic {
        let site = self.site;
        match source_of(owner) {
            Owner::Section(i) => {
                let dir = site.sections.get(i).map(|s| s.dir.as_str()).unwrap_or("");
                d.in_file(if dir.is_empty() {
                    "content".to_string()
                } else {
                    format!("content/{dir}/")
                })
            }
            Owner::Article(i) => {
                let loaded = &site.articles[i].loaded;
                let yaml = &loaded.source.text[loaded.split.yaml.clone()];
                match crate::yaml::locate_value(yaml, &["slug"]) {
                    Some(r) if loaded.meta.slug.is_some() => {
                        let start = loaded.split.yaml.start;
                        d.at(&loaded.source, start + r.start..start + r.end)
                    }
                    _ => d.in_file(&loaded.origin.path),
                }
            }
            Owner::Alias { article, alias } => {
                let loaded = &site.articles[article].loaded;
                let written = self.written_alias(article, alias);
                d.at(&loaded.source, value_span(loaded, "aliases", &written))
            }
            Owner::Term { taxonomy, term } => self.place_term(d, taxonomy, term),
            Owner::Taxonomy(t) => {
                let key = site.taxonomies.list[t].kind.key();
                let mut d = d.in_file(crate::config::FILE_NAME);
                d.position = site.config.taxonomy_positions.get(key).cloned();
                d
            }
            Owner::Asset(i) | Owner::Variant(i) => d.in_file(&site.assets[i].1),
            Owner::Static(i) | Owner::StaticVariant(i) => d.in_file(&self.statics[i].1),
            _ => d,
        }
    }

    /// A term's page comes from a name in its first article's front matter.
    fn place_term(&self, d: Diagnostic, taxonomy: usize, term: usize) -> Diagnostic {
        let tax = &self.site.taxonomies.list[taxonomy];
        let Some(entry) = tax.terms.get(term) else {
            return d;
        };
        let Some(&first) = entry.articles.first() else {
            return d;
        };
        let loaded = &self.site.articles[first].loaded;
        let slug = entry.rel_url.as_str()[tax.rel_url.as_str().len()..].trim_end_matches('/');
        let meta = &loaded.meta;
        let names: Vec<&String> = match tax.kind {
            Kind::Category => meta.category.iter().collect(),
            Kind::Series => meta.series.iter().collect(),
            Kind::Tags => meta.tags.iter().collect(),
            Kind::Authors => meta.authors.iter().collect(),
            Kind::Organisations => meta.organisations.iter().collect(),
            Kind::People => Vec::new(),
        };
        match names.into_iter().find(|n| slugify(n) == slug) {
            Some(name) => d.at(&loaded.source, value_span(loaded, tax.kind.key(), name)),
            None => d.in_file(&loaded.origin.path),
        }
    }

    /// How to fix the path `owner` makes: `shorter` when it is too long.
    fn fix(&self, owner: Owner, shorter: bool) -> String {
        let lang = self.lang();
        let slug = |i: usize| self.site.articles[i].loaded.meta.slug.is_some();
        match (source_of(owner), shorter) {
            (Owner::Alias { .. }, true) => t!(lang, "site-path-fix-alias-shorter"),
            (Owner::Alias { .. }, false) => t!(lang, "site-path-fix-alias"),
            (Owner::Article(i), true) if slug(i) => t!(lang, "site-path-fix-slug-shorter"),
            (Owner::Article(i), false) if slug(i) => t!(lang, "site-path-fix-slug"),
            (Owner::Article(_), true) => t!(lang, "site-path-fix-article-shorter"),
            (Owner::Article(_), false) => t!(lang, "site-path-fix-article"),
            (Owner::Section(_), true) => t!(lang, "site-path-fix-section-shorter"),
            (Owner::Section(_), false) => t!(lang, "site-path-fix-section"),
            (Owner::Term { .. }, true) => t!(lang, "site-path-fix-term-shorter"),
            (Owner::Term { .. }, false) => t!(lang, "site-path-fix-term"),
            (Owner::Taxonomy(_), true) => t!(lang, "site-path-fix-taxonomy-shorter"),
            (Owner::Taxonomy(_), false) => t!(lang, "site-path-fix-taxonomy"),
            (_, true) => t!(lang, "site-path-fix-file-shorter"),
            (_, false) => t!(lang, "site-path-fix-file"),
        }
    }
}

fn file_named(src: &Path, lang: Language) -> String {
    t!(lang, "site-path-owner-file", path = to_slash(src))
}

/// A page Gazette makes by itself, as the `page` keyword of
/// « site-path-owner-generated ».
fn generated(g: Generated) -> &'static str {
    match g {
        Generated::NotFound => "not-found",
        Generated::Sitemap => "sitemap",
        Generated::Robots => "robots",
        Generated::Search => "search",
        Generated::SearchIndex => "search-index",
        Generated::Accessibility => "accessibility",
    }
}
