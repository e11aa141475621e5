//! The wording and the place of the errors of [`super::check`]: who owns
//! a path, as a writer knows it (« la rubrique content/actualites/ »), where
//! the value that made it is written (the `slug:`, the tag, the alias, the
//! `taxonomies:` setting, the file or folder name), and how to fix it.
//!
//! Kept apart from the checks, so that those read as a list of rules and
//! these as a list of messages. Each source is reported once; of two
//! owners, the one a writer most likely got wrong is pointed at.

use crate::diagnostics::Code;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Claim, Flaw, Generated, MAX_PATH_BYTES, MAX_SEGMENT_BYTES, Owner, Reserved};
use super::{alias_path, is_site_static};
use crate::content::discover::to_slash;
use crate::content::slug::slugify;
use crate::diagnostics::Diagnostic;
use crate::language::Language;
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
                lang.pick(
                    format!("« {seg} » est trop long pour un nom de fichier : {n} octets, au plus {MAX_SEGMENT_BYTES}"),
                    format!("`{seg}` is too long for a file name: {n} bytes, at most {MAX_SEGMENT_BYTES}"),
                ),
            ),
            Flaw::PathTooLong(n) => (
                Code::OutputPathTooLong,
                lang.pick(
                    format!("l’adresse /{path} est trop longue : {n} octets, au plus {MAX_PATH_BYTES}"),
                    format!("the address /{path} is too long: {n} bytes, at most {MAX_PATH_BYTES}"),
                ),
            ),
            _ => (
                Code::OutputPathInvalid,
                lang.pick(
                    format!("« {seg} » ne peut pas servir de nom de fichier dans /{path} : {}", reason(flaw, lang)),
                    format!("`{seg}` cannot be a file name in /{path}: {}", reason(flaw, lang)),
                ),
            ),
        };
        let shorter = matches!(flaw, Flaw::SegmentTooLong(_) | Flaw::PathTooLong(_));
        let help = self.fix(claim.owner, shorter).to_string();
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
        let message = lang.pick(
            format!("deux sources écriraient le même fichier /{path} : {who} et {whom}"),
            format!("two sources would write the same file /{path}: {who} and {whom}"),
        );
        let mut help = self.fix(blamed.owner, false).to_string();
        if blamed.path != other.path {
            help = lang.pick(
                format!("/{} et /{} ne diffèrent que par les majuscules, et Windows comme macOS en font un seul fichier ; {help}", shortened(&other.path), path),
                format!("/{} and /{} differ only in letter case, which Windows and macOS make one file; {help}", shortened(&other.path), path),
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
        let message = lang.pick(
            format!("/{f} serait à la fois un fichier, pour {a}, et un dossier, pour {b} (/{p})"),
            format!("/{f} would be both a file, for {a}, and a folder, for {b} (/{p})"),
        );
        let help = self.fix(blamed.owner, false).to_string();
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
        let owner = self.reserved_for(r);
        let who = self.describe(claim.owner);
        let (folder, path) = (shortened(&r.folder), shortened(&claim.path));
        let message = lang.pick(
            format!(
                "le dossier /{folder} est réservé {owner} : {who} ne peut pas y écrire /{path}"
            ),
            format!(
                "the folder /{folder} is reserved for {owner}: {who} cannot write /{path} in it"
            ),
        );
        let help = self.fix(claim.owner, false).to_string();
        let d = Diagnostic::error(Code::OutputFolderReserved, message);
        let d = self.place(d, claim.owner);
        self.errors.push(d.with_help(help));
    }
}

impl Report<'_> {
    /// Whom a reserved folder is for, after « réservé » (`à la liste…`).
    fn reserved_for(&self, r: &Reserved) -> String {
        let lang = self.lang();
        let owner = self.describe(r.owner);
        match r.owner {
            _ if r.pagination => lang.pick(
                format!("à la pagination de {owner}"),
                format!("the pagination of {owner}"),
            ),
            Owner::Static(_) => lang
                .pick("aux fichiers du thème", "the theme's files")
                .to_string(),
            _ => lang.pick(format!("à {owner}"), owner),
        }
    }

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
        let (who, whom) = (
            self.describe(blamed.owner),
            if other.owner == first.owner {
                self.reserved_for(first)
            } else {
                self.reserved_for(second)
            },
        );
        let message = lang.pick(
            format!("le dossier /{folder} est réservé {whom} : {who} ne peut pas s’en servir"),
            format!("the folder /{folder} is reserved for {whom}: {who} cannot use it"),
        );
        let help = self.fix(blamed.owner, false).to_string();
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
        Owner::Asset(_) => 1,
        Owner::Static(i) if statics.get(i).is_some_and(|(_, src)| is_site_static(src)) => 2,
        Owner::Article(_) => 3,
        Owner::Section(_) | Owner::SectionFeed(_) => 4,
        Owner::Term { .. } | Owner::TermFeed { .. } => 5,
        Owner::Taxonomy(_) => 6,
        Owner::Static(_) => 7,
        Owner::Generated(_) => 8,
    };
    if rank(first.owner) < rank(second.owner) {
        (first, second)
    } else {
        (second, first)
    }
}

fn reason(flaw: Flaw, lang: Language) -> String {
    match flaw {
        Flaw::Dots => lang
            .pick(
                "« . » et « .. » désignent des dossiers",
                "`.` and `..` name folders",
            )
            .into(),
        Flaw::Control => lang
            .pick(
                "il contient un caractère de contrôle",
                "it holds a control character",
            )
            .into(),
        Flaw::Backslash => lang.pick("il contient « \\ »", "it holds `\\`").into(),
        Flaw::Windows(c) => lang.pick(
            format!("il contient « {c} », que Windows refuse"),
            format!("it holds `{c}`, which Windows refuses"),
        ),
        Flaw::DeviceName => lang
            .pick(
                "c’est un nom que Windows réserve à ses périphériques",
                "it is a name Windows keeps for its devices",
            )
            .into(),
        Flaw::Trailing => lang
            .pick(
                "il finit par un point ou une espace, que Windows retire",
                "it ends with a dot or a space, which Windows drops",
            )
            .into(),
        Flaw::SegmentTooLong(_) | Flaw::PathTooLong(_) => {
            lang.pick("il est trop long", "it is too long").into()
        }
    }
}

impl Report<'_> {
    /// Who writes a file, as a writer knows it.
    fn describe(&self, owner: Owner) -> String {
        let lang = self.lang();
        let site = self.site;
        let section = |i: usize| match site.sections.get(i).map(|s| s.dir.as_str()) {
            Some("") | None => lang.pick("la page d’accueil", "the home page").to_string(),
            Some(dir) => lang.pick(
                format!("la rubrique content/{dir}/"),
                format!("the section content/{dir}/"),
            ),
        };
        let term = |t: usize, k: usize| {
            let tax = &site.taxonomies.list[t];
            let title = tax.kind.title(lang);
            let name = tax.terms.get(k).map(|t| t.name.as_str()).unwrap_or("");
            lang.pick(
                format!("la page « {name} » ({title})"),
                format!("the `{name}` page ({title})"),
            )
        };
        let feed = |of: String| {
            lang.pick(
                format!("le flux Atom de {of}"),
                format!("the Atom feed of {of}"),
            )
        };
        let article_path = |i: usize| to_slash(&site.articles[i].loaded.origin.path);
        match owner {
            Owner::Section(i) => section(i),
            Owner::SectionFeed(i) => feed(section(i)),
            Owner::Article(i) => lang.pick(
                format!("l’article {}", article_path(i)),
                format!("the article {}", article_path(i)),
            ),
            Owner::Alias { article, alias } => {
                let written = self.written_alias(article, alias);
                lang.pick(
                    format!(
                        "l’ancienne adresse « {written} » de {}",
                        article_path(article)
                    ),
                    format!("the old address `{written}` of {}", article_path(article)),
                )
            }
            Owner::Taxonomy(t) => {
                let title = site.taxonomies.list[t].kind.title(lang);
                lang.pick(
                    format!("la liste « {title} »"),
                    format!("the `{title}` index"),
                )
            }
            Owner::Term { taxonomy, term: k } => term(taxonomy, k),
            Owner::TermFeed { taxonomy, term: k } => feed(term(taxonomy, k)),
            Owner::Asset(i) => file_named(&site.assets[i].1, lang),
            Owner::Static(i) => file_named(&self.statics[i].1, lang),
            Owner::Generated(g) => generated_name(g, lang).to_string(),
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
            Owner::Asset(i) => d.in_file(&site.assets[i].1),
            Owner::Static(i) => d.in_file(&self.statics[i].1),
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
    fn fix(&self, owner: Owner, shorter: bool) -> &'static str {
        let lang = self.lang();
        let pick = |short: (&'static str, &'static str), other: (&'static str, &'static str)| {
            let (fr, en) = if shorter { short } else { other };
            lang.pick(fr, en)
        };
        match source_of(owner) {
            Owner::Alias { .. } => pick(
                (
                    "raccourcissez cette ancienne adresse, ou retirez-la",
                    "shorten this old address, or remove it",
                ),
                (
                    "choisissez une autre ancienne adresse, ou retirez celle-ci",
                    "choose another old address, or remove this one",
                ),
            ),
            Owner::Article(i) if self.site.articles[i].loaded.meta.slug.is_some() => pick(
                (
                    "choisissez un « slug: » plus court",
                    "choose a shorter `slug:`",
                ),
                ("changez la valeur de « slug: »", "change the `slug:` value"),
            ),
            Owner::Article(_) => pick(
                (
                    "raccourcissez le nom du fichier, ou ajoutez un « slug: » plus court",
                    "shorten the file name, or add a shorter `slug:`",
                ),
                (
                    "renommez le fichier, ou ajoutez « slug: un-autre-nom »",
                    "rename the file, or add `slug: another-name`",
                ),
            ),
            Owner::Section(_) => pick(
                (
                    "raccourcissez le nom du dossier",
                    "shorten the folder's name",
                ),
                ("renommez le dossier", "rename the folder"),
            ),
            Owner::Term { .. } => pick(
                (
                    "écrivez ce nom plus court dans l’en-tête",
                    "write this name shorter in the front matter",
                ),
                (
                    "écrivez ce nom autrement dans l’en-tête",
                    "write this name differently in the front matter",
                ),
            ),
            Owner::Taxonomy(_) => pick(
                (
                    "choisissez un dossier plus court sous « taxonomies: » dans site.yaml",
                    "choose a shorter folder under `taxonomies:` in site.yaml",
                ),
                (
                    "choisissez un autre dossier sous « taxonomies: » dans site.yaml",
                    "choose another folder under `taxonomies:` in site.yaml",
                ),
            ),
            _ => pick(
                ("raccourcissez le nom du fichier", "shorten the file's name"),
                ("renommez ou déplacez le fichier", "rename or move the file"),
            ),
        }
    }
}

fn file_named(src: &Path, lang: Language) -> String {
    let path = to_slash(src);
    lang.pick(format!("le fichier {path}"), format!("the file {path}"))
}

fn generated_name(g: Generated, lang: Language) -> &'static str {
    match g {
        Generated::NotFound => lang.pick(
            "la page « introuvable » (404.html)",
            "the not-found page (404.html)",
        ),
        Generated::Sitemap => {
            lang.pick("le plan du site (sitemap.xml)", "the sitemap (sitemap.xml)")
        }
        Generated::Robots => lang.pick("le fichier robots.txt de Gazette", "Gazette's robots.txt"),
        Generated::Search => lang.pick("la page de recherche", "the search page"),
        Generated::SearchIndex => lang.pick("l’index de recherche", "the search index"),
        Generated::Accessibility => lang.pick(
            "la déclaration d’accessibilité",
            "the accessibility statement",
        ),
    }
}
