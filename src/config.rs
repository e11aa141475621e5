//! `site.yaml`, read in two stages.
//!
//! `RawConfig` mirrors the file: serde with `deny_unknown_fields`, so a typo is
//! an error with the closest key suggested (see `yaml`). `Config` is what the
//! program uses: defaults applied, URLs parsed, values checked, command-line
//! overrides merged. Only `resolve` knows about both.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use crate::content::markdown::RawHtml;
use crate::diagnostics::{Diagnostic, Diagnostics, Position, SourceText};
use crate::language::Language;
use crate::url_schemes::{self, BadExtra, UrlPolicy};
use crate::yaml::{self, Text};

/// The file as written.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    title: Option<Text>,
    base_url: Option<Text>,
    language: Option<Language>,
    theme: Option<Text>,
    description: Option<Text>,
    paginate_by: Option<usize>,
    feeds: Option<bool>,
    search: Option<bool>,
    share: Option<Vec<ShareKind>>,
    menu: Option<Vec<RawMenuEntry>>,
    markdown: Option<RawMarkdown>,
    accessibility: Option<RawAccessibility>,
    taxonomies: Option<RawTaxonomies>,
    extra_url_schemes: Option<Vec<Text>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMenuEntry {
    title: Text,
    url: Text,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawMarkdown {
    raw_html: Option<RawHtml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAccessibility {
    status: Text,
    audit_date: Option<Text>,
    rate: Option<f64>,
    contact: Option<Text>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTaxonomies {
    category: Option<Text>,
    series: Option<Text>,
    tags: Option<Text>,
    organisations: Option<Text>,
    authors: Option<Text>,
    people: Option<Text>,
}

/// A share link offered on article pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ShareKind {
    /// An e-mail with the title and the URL.
    Mail,
    /// A button that copies the URL.
    Copy,
}

/// A menu entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MenuEntry {
    /// The label.
    pub title: String,
    /// A site path (`/actualites/`) or an absolute URL.
    pub url: String,
}

/// The compliance statuses of the RGAA, as a statement writes them.
const STATUSES_FR: [&str; 3] = [
    "totalement conforme",
    "partiellement conforme",
    "non conforme",
];

/// The accessibility statement's facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Accessibility {
    /// `totalement conforme`, `partiellement conforme` or `non conforme`.
    pub status: String,
    /// Date of the audit.
    pub audit_date: Option<String>,
    /// Share of criteria met, in percent.
    pub rate: Option<f64>,
    /// Who to contact.
    pub contact: Option<String>,
}

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

/// The site's settings, resolved.
#[derive(Debug, Clone)]
pub struct Config {
    /// Site root folder.
    pub root: PathBuf,
    /// Site title.
    pub title: String,
    /// Absolute base URL, with a trailing slash.
    pub base_url: String,
    /// The path part of `base_url` (`/` or `/rh/`): prefix of every site URL.
    pub root_path: String,
    /// What a build should warn about: no `base_url` given (it is then
    /// `http://localhost/`, which only suits local previews).
    pub warnings: Vec<Diagnostic>,
    /// Language of UI strings, dates, typography and messages.
    pub language: Language,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// Site description.
    pub description: Option<String>,
    /// Articles per listing page.
    pub paginate_by: usize,
    /// Whether Atom feeds are written.
    pub feeds: bool,
    /// Whether the search index and page are written.
    pub search: bool,
    /// Share links on article pages.
    pub share: Vec<ShareKind>,
    /// The main menu.
    pub menu: Vec<MenuEntry>,
    /// What raw HTML in Markdown becomes.
    pub raw_html: RawHtml,
    /// The accessibility statement, if the site has one.
    pub accessibility: Option<Accessibility>,
    /// URL folders of taxonomies.
    pub taxonomies: TaxonomyFolders,
    /// The URL schemes addresses may use (`extra_url_schemes` added).
    pub urls: UrlPolicy,
    /// Where each taxonomy folder written in `site.yaml` is (by key,
    /// `tags`), so that a clash with another output path found later can
    /// point at it.
    pub taxonomy_positions: BTreeMap<&'static str, Position>,
}

/// Command-line values that take precedence over the file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--base-url`.
    pub base_url: Option<String>,
}

/// File name of the settings, at the site root.
pub const FILE_NAME: &str = "site.yaml";

/// Reads and resolves `site.yaml` under `root`. Errors are for exit code 2.
pub fn load(root: &Path, overrides: &Overrides) -> Result<Config, Diagnostics> {
    let path = root.join(FILE_NAME);
    let bytes = match crate::sources::read_alone(root, Path::new(FILE_NAME)) {
        Ok(bytes) => bytes,
        Err(crate::sources::Refusal::Unreadable(err)) => {
            // No settings, so no language yet: the default one.
            let lang = Language::default();
            let dir = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
            let message = if err.kind() == std::io::ErrorKind::NotFound {
                lang.pick(
                    format!(
                        "aucun fichier {FILE_NAME} dans le dossier {}",
                        dir.display()
                    ),
                    format!("no {FILE_NAME} file in the folder {}", dir.display()),
                )
            } else {
                lang.pick(
                    format!(
                        "lecture impossible de {} : {}",
                        path.display(),
                        crate::os_errors::reason(&err, lang)
                    ),
                    format!("cannot read {}: {err}", path.display()),
                )
            };
            let mut list = Diagnostics::new();
            list.push(
                Diagnostic::error("config-unreadable", message).with_help(lang.pick(
                    "lancez gazette dans le dossier du site (celui de site.yaml), ou indiquez-le avec --root DOSSIER ; « gazette init DOSSIER » crée un nouveau site",
                    "run gazette in the site's folder, or pass --root DIR; `gazette init DIR` creates a new site",
                )),
            );
            return Err(list);
        }
        Err(refusal) => {
            // A pipe, a link out of the site: said in the default language.
            let mut list = Diagnostics::new();
            list.push(refusal.diagnostic(
                Path::new(FILE_NAME),
                "config-unreadable",
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
    resolve(raw, root, &source, offset, overrides)
}

fn peek_language(text: &str) -> Language {
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("language:")
            && rest.split('#').next().unwrap_or("").trim() == "en"
        {
            return Language::En;
        }
    }
    Language::Fr
}

/// Applies defaults and checks values.
fn resolve(
    raw: RawConfig,
    root: &Path,
    source: &SourceText,
    offset: usize,
    overrides: &Overrides,
) -> Result<Config, Diagnostics> {
    let lang = raw.language.unwrap_or_default();
    let mut errors = Diagnostics::new();
    let yaml_text = &source.text[offset..];
    let at_key = |path: &[&str]| {
        yaml::locate_value(yaml_text, path)
            .map(|r| r.start + offset..r.end + offset)
            .unwrap_or(offset..offset + 1)
    };
    let title = match raw.title {
        Some(t) if !t.0.trim().is_empty() => t.0,
        _ => {
            errors.push(
                Diagnostic::error(
                    "config-missing-title",
                    lang.pick("le titre du site manque", "the site has no title"),
                )
                .at(source, offset..offset + 1)
                .with_help(lang.pick(
                    "ajoutez une ligne « title: Le nom du site »",
                    "add a line `title: The site's name`",
                )),
            );
            String::new()
        }
    };
    let base_url_given = overrides.base_url.is_some() || raw.base_url.is_some();
    let base_text = overrides
        .base_url
        .clone()
        .or(raw.base_url.map(|t| t.0))
        .unwrap_or_else(|| "http://localhost/".to_string());
    let (base_url, root_path) = match parse_base_url(&base_text) {
        Some(parsed) => parsed,
        None => {
            let d = Diagnostic::error(
                "config-bad-base-url",
                lang.pick(
                    format!("« {base_text} » n’est pas une adresse web complète"),
                    format!("`{base_text}` is not a complete web address"),
                ),
            )
            .with_help(lang.pick(
                "écrivez l’adresse complète, par exemple https://intranet.example.org/rh/",
                "write the whole address, for example https://intranet.example.org/rh/",
            ));
            errors.push(if overrides.base_url.is_some() {
                d
            } else {
                d.at(source, at_key(&["base_url"]))
            });
            ("http://localhost/".to_string(), "/".to_string())
        }
    };
    let theme = raw
        .theme
        .map(|t| t.0)
        .unwrap_or_else(|| "gazette".to_string());
    if !root.join("themes").join(&theme).is_dir() {
        errors.push(
            Diagnostic::error(
                "config-missing-theme",
                lang.pick(
                    format!("le thème « {theme} » est introuvable dans themes/"),
                    format!("the theme `{theme}` is not in themes/"),
                ),
            )
            .at(source, at_key(&["theme"]))
            .with_help(lang.pick(
                "copiez le thème dans themes/ ou corrigez son nom",
                "copy the theme into themes/ or fix its name",
            )),
        );
    }
    let paginate_by = raw.paginate_by.unwrap_or(12);
    if paginate_by == 0 {
        errors.push(
            Diagnostic::error(
                "config-bad-paginate-by",
                lang.pick(
                    "paginate_by doit être au moins 1",
                    "paginate_by must be at least 1",
                ),
            )
            .at(source, at_key(&["paginate_by"]))
            .with_help(lang.pick(
                "écrivez le nombre d’articles par page de liste, par exemple paginate_by: 12",
                "write the number of articles per listing page, for example paginate_by: 12",
            )),
        );
    }
    let urls = extra_url_schemes(
        raw.extra_url_schemes,
        source,
        yaml_text,
        offset,
        lang,
        &mut errors,
    );
    let menu_entries = raw.menu.unwrap_or_default();
    let menu_spans = entry_spans(
        yaml_text,
        yaml::locate_key(yaml_text, &["menu"]).unwrap_or(0..1),
        menu_entries.iter().map(|e| e.url.as_str()),
    );
    let mut menu = Vec::new();
    for (entry, span) in menu_entries.into_iter().zip(menu_spans) {
        if let Err(refused) = urls.check(entry.url.as_str()) {
            errors.push(
                urls.refusal(&refused, lang)
                    .at(source, span.start + offset..span.end + offset),
            );
        }
        menu.push(MenuEntry {
            title: entry.title.0,
            url: entry.url.0,
        });
    }
    let accessibility = raw.accessibility.map(|a| {
        if let Some(date) = &a.audit_date
            && date.0.parse::<Date>().is_err()
        {
            // The writer's wording of the problem, as for front-matter dates.
            let (message, help) = match crate::dates::parse(&date.0) {
                Err(err) => (err.message(lang), err.help(lang)),
                Ok(_) => (
                    lang.pick(
                        format!(
                            "« {} » n’est pas une date écrite sous la forme AAAA-MM-JJ",
                            date.0
                        ),
                        format!("`{}` is not a date written as YYYY-MM-DD", date.0),
                    ),
                    lang.pick(
                        "écrivez la date seule, sans heure, sous la forme AAAA-MM-JJ".to_string(),
                        "write the date alone, without a time, as YYYY-MM-DD".to_string(),
                    ),
                ),
            };
            errors.push(
                Diagnostic::error(
                    "config-bad-date",
                    lang.pick(
                        format!("{message} (dans « accessibility.audit_date »)"),
                        format!("{message} (in `accessibility.audit_date`)"),
                    ),
                )
                .at(source, at_key(&["accessibility", "audit_date"]))
                .with_help(help),
            );
        }
        let statuses: &[&str] = match lang {
            Language::Fr => &STATUSES_FR,
            Language::En => &[
                STATUSES_FR[0],
                STATUSES_FR[1],
                STATUSES_FR[2],
                "fully compliant",
                "partially compliant",
                "not compliant",
            ],
        };
        let status = a.status.0.trim();
        if !statuses.contains(&status) {
            let help = match yaml::closest(status, statuses.iter().copied()) {
                Some(best) => lang.pick(
                    format!("vouliez-vous écrire « {best} » ?"),
                    format!("did you mean `{best}`?"),
                ),
                None => lang.pick(
                    format!("écrivez l’un de : {}", statuses.join(", ")),
                    format!("write one of: {}", statuses.join(", ")),
                ),
            };
            errors.push(
                Diagnostic::error(
                    "config-bad-accessibility-status",
                    lang.pick(
                        format!("« {status} » n’est pas un état de conformité du RGAA"),
                        format!("`{status}` is not an RGAA compliance status"),
                    ),
                )
                .at(source, at_key(&["accessibility", "status"]))
                .with_help(help),
            );
        }
        if let Some(rate) = a.rate
            && !(0.0..=100.0).contains(&rate)
        {
            errors.push(
                Diagnostic::error(
                    "config-bad-accessibility-rate",
                    lang.pick(
                        format!("un taux de {rate} % est impossible"),
                        format!("a rate of {rate}% is impossible"),
                    ),
                )
                .at(source, at_key(&["accessibility", "rate"]))
                .with_help(lang.pick(
                    "écrivez le pourcentage de critères respectés, de 0 à 100, sans « % » : rate: 82",
                    "write the percentage of criteria met, from 0 to 100, without `%`: rate: 82",
                )),
            );
        }
        if let Some(contact) = &a.contact
            && let Err(refused) = urls.check(contact.as_str())
        {
            errors.push(
                urls.refusal(&refused, lang)
                    .at(source, at_key(&["accessibility", "contact"])),
            );
        }
        Accessibility {
            status: status.to_string(),
            audit_date: a.audit_date.map(|t| t.0),
            rate: a.rate,
            contact: a.contact.map(|t| t.0),
        }
    });
    let tax = raw.taxonomies.unwrap_or_default();
    let mut folders = BTreeMap::new();
    let mut taxonomy_positions = BTreeMap::new();
    let mut folder = |key: &'static str, value: Option<Text>, default: &str| -> String {
        if yaml::locate_value(yaml_text, &["taxonomies", key]).is_some() {
            taxonomy_positions.insert(key, source.position(at_key(&["taxonomies", key])));
        }
        let name = value.map(|t| t.0).unwrap_or_else(|| default.to_string());
        let safe = crate::content::slug::slugify(&name);
        if safe != name || name.is_empty() {
            errors.push(
                Diagnostic::error(
                    "config-bad-taxonomy-folder",
                    lang.pick(
                        format!("« {name} » ne peut pas servir de dossier d’URL"),
                        format!("`{name}` cannot be a URL folder"),
                    ),
                )
                .at(source, at_key(&["taxonomies", key]))
                .with_help(lang.pick(
                    format!("écrivez par exemple « {safe} » (minuscules, chiffres et tirets)"),
                    format!("write for example `{safe}` (lower case, digits and dashes)"),
                )),
            );
        }
        if let Some(previous) = folders.insert(name.clone(), key) {
            errors.push(
                Diagnostic::error(
                    "config-duplicate-taxonomy-folder",
                    lang.pick(
                        format!("le dossier « {name} » sert déjà à « {previous} »"),
                        format!("the folder `{name}` is already used by `{previous}`"),
                    ),
                )
                .at(source, at_key(&["taxonomies", key]))
                .with_help(lang.pick(
                    "donnez à chaque taxonomie un dossier à elle",
                    "give each taxonomy a folder of its own",
                )),
            );
        }
        name
    };
    let taxonomies = TaxonomyFolders {
        category: folder("category", tax.category, "categories"),
        series: folder("series", tax.series, "rubriques"),
        tags: folder("tags", tax.tags, "mots-cles"),
        organisations: folder("organisations", tax.organisations, "organismes"),
        authors: folder("authors", tax.authors, "auteurs"),
        people: folder("people", tax.people, "personnes"),
    };
    if errors.has_errors() {
        return Err(errors);
    }
    Ok(Config {
        root: root.to_path_buf(),
        title,
        base_url,
        root_path,
        warnings: if base_url_given {
            Vec::new()
        } else {
            vec![no_base_url(lang).at(source, offset..offset + 1)]
        },
        language: lang,
        theme,
        description: raw.description.map(|t| t.0),
        paginate_by: paginate_by.max(1),
        feeds: raw.feeds.unwrap_or(true),
        search: raw.search.unwrap_or(true),
        share: raw
            .share
            .unwrap_or_else(|| vec![ShareKind::Mail, ShareKind::Copy]),
        menu,
        raw_html: raw.markdown.and_then(|m| m.raw_html).unwrap_or_default(),
        accessibility,
        taxonomies,
        urls,
        taxonomy_positions,
    })
}

/// Reads `extra_url_schemes`: each name must be a scheme, and not one that
/// runs code or opens local files.
fn extra_url_schemes(
    written: Option<Vec<Text>>,
    source: &SourceText,
    yaml_text: &str,
    offset: usize,
    lang: Language,
    errors: &mut Diagnostics,
) -> UrlPolicy {
    let written = written.unwrap_or_default();
    let key = yaml::locate_key(yaml_text, &["extra_url_schemes"]).unwrap_or(0..1);
    let spans = entry_spans(yaml_text, key, written.iter().map(Text::as_str));
    let mut extra = Vec::new();
    for (name, span) in written.iter().zip(spans) {
        let name = name.as_str();
        let (message, help) = match url_schemes::check_extra(name) {
            Ok(scheme) => {
                extra.push(scheme);
                continue;
            }
            Err(BadExtra::NotAName) => (
                lang.pick(
                    format!("« {name} » n’est pas un nom de schéma d’adresse"),
                    format!("`{name}` is not the name of an address scheme"),
                ),
                lang.pick(
                    "écrivez le nom seul, sans « : » ni « // » : une lettre, puis des lettres, des chiffres, « + », « - » ou « . », par exemple extra_url_schemes: [sip, webcal]",
                    "write the name alone, without `:` or `//`: a letter, then letters, digits, `+`, `-` or `.`, for example extra_url_schemes: [sip, webcal]",
                ),
            ),
            Err(BadExtra::Dangerous) => (
                lang.pick(
                    format!("le schéma « {name} » ne peut pas être autorisé : il exécute du code ou ouvre des fichiers de l’ordinateur du lecteur"),
                    format!("the scheme `{name}` cannot be allowed: it runs code or opens files of the reader's computer"),
                ),
                lang.pick(
                    "retirez-le de extra_url_schemes ; un document à publier se met dans static/ ou dans content/, et se lie par son chemin",
                    "remove it from extra_url_schemes; a document to publish goes in static/ or content/, linked by its path",
                ),
            ),
        };
        errors.push(
            Diagnostic::error("config-bad-url-scheme", message)
                .at(source, span.start + offset..span.end + offset)
                .with_help(help),
        );
    }
    UrlPolicy::with_extra(extra)
}

/// Where each of `values` (the entries of the list under `key`, in order)
/// is written in `yaml`: the first line of each value, found one after
/// another from the key on; the key itself when a value is not written as
/// read (escapes in quotes).
fn entry_spans<'v>(
    yaml: &str,
    key: std::ops::Range<usize>,
    values: impl Iterator<Item = &'v str>,
) -> Vec<std::ops::Range<usize>> {
    let mut at = key.end.min(yaml.len());
    values
        .map(|value| {
            let first_line = value.trim().lines().next().unwrap_or("");
            match yaml
                .get(at..)
                .and_then(|rest| rest.find(first_line))
                .filter(|_| !first_line.is_empty())
            {
                Some(i) => {
                    at += i + first_line.len();
                    at - first_line.len()..at
                }
                None => key.clone(),
            }
        })
        .collect()
}

/// `https://host/rh` → (`https://host/rh/`, `/rh/`).
pub fn parse_base_url(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))?;
    let scheme_len = text.len() - rest.len();
    let host_end = rest.find('/').unwrap_or(rest.len());
    let host = &rest[..host_end];
    if host.is_empty() || host.contains([' ', '?', '#']) {
        return None;
    }
    let mut path = rest[host_end..].to_string();
    if path.contains(['?', '#', ' ']) || path.split('/').any(|s| s == "..") {
        return None;
    }
    if !path.ends_with('/') {
        path.push('/');
    }
    if !path.starts_with('/') {
        path.insert(0, '/');
    }
    Some((format!("{}{}{}", &text[..scheme_len], host, path), path))
}

/// The warning of a build whose `site.yaml` gives no `base_url`: feeds,
/// the sitemap and share links would carry `http://localhost/`.
fn no_base_url(lang: Language) -> Diagnostic {
    Diagnostic::warning(
        "config-no-base-url",
        lang.pick(
            "site.yaml ne donne pas de base_url : les flux, le plan du site et les liens de partage pointeront vers http://localhost/",
            "site.yaml gives no base_url: feeds, the sitemap and share links will point to http://localhost/",
        ),
    )
    .with_help(lang.pick(
        "ajoutez l’adresse où le site sera publié, par exemple « base_url: https://intranet.example.org/rh/ », ou passez --base-url",
        "add the address the site will be published at, for example `base_url: https://intranet.example.org/rh/`, or pass --base-url",
    ))
}

impl Config {
    /// The absolute URL of a site path (`/rh/actualites/` → `https://host/rh/actualites/`).
    pub fn permalink(&self, url_path: &str) -> String {
        let origin_end = self.base_url.len() - self.root_path.len();
        format!("{}{}", &self.base_url[..origin_end], url_path)
    }

    /// A site path under the root: `actualites/x/` → `/rh/actualites/x/`.
    pub fn url(&self, relative: &str) -> String {
        format!("{}{}", self.root_path, relative.trim_start_matches('/'))
    }

    /// The URL of a file a registry names (a logo, a photo): an address
    /// (`https://…`) as it is, a site path under the site's root path.
    pub fn asset_url(&self, written: &str) -> String {
        if written.contains("://") {
            written.to_string()
        } else {
            self.url(written)
        }
    }
}

impl Config {
    /// Settings for a site whose `site.yaml` could not be used: what the
    /// drivers report with (French, the defaults).
    pub fn placeholder(root: &Path) -> Config {
        Config {
            root: root.to_path_buf(),
            title: String::new(),
            base_url: "http://localhost/".into(),
            root_path: "/".into(),
            warnings: Vec::new(),
            language: Default::default(),
            theme: "gazette".into(),
            description: None,
            paginate_by: 12,
            feeds: false,
            search: false,
            share: Vec::new(),
            menu: Vec::new(),
            raw_html: Default::default(),
            accessibility: None,
            urls: Default::default(),
            taxonomies: TaxonomyFolders {
                category: "categories".into(),
                series: "rubriques".into(),
                tags: "mots-cles".into(),
                organisations: "organismes".into(),
                authors: "auteurs".into(),
                people: "personnes".into(),
            },
            taxonomy_positions: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_paths() {
        assert_eq!(
            parse_base_url("https://intranet.example.org/rh"),
            Some((
                "https://intranet.example.org/rh/".to_string(),
                "/rh/".to_string()
            ))
        );
        assert_eq!(
            parse_base_url("http://localhost:1111"),
            Some(("http://localhost:1111/".to_string(), "/".to_string()))
        );
        assert_eq!(parse_base_url("intranet/rh"), None);
        assert_eq!(parse_base_url("https://x/../y"), None);
    }
}
