//! The theme: Tera 2 templates (the site's `templates/` over the theme's,
//! file by file), UI strings, static files, and the filters templates use.
//!
//! Templates are loaded in one `add_raw_templates` call so inheritance and
//! includes across the two folders resolve; a template error becomes a
//! diagnostic on the template file, with Tera's own span. `Theme` is
//! immutable once loaded and shared by every rendering thread; watch mode
//! reloads it whole when a template changes, without re-reading content.

use crate::diagnostics::Code;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use tera::{Kwargs, State, Tera};

use crate::config::Config;
use crate::dates;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceText};
use crate::language::Language;
use crate::messages::t;
use crate::render::tera_messages;

/// A loaded theme.
pub struct Theme {
    /// The templates.
    pub tera: Tera,
    /// UI strings of the site's language.
    pub strings: serde_json::Map<String, serde_json::Value>,
    /// Static files: `(output path, file)`, site files over theme files;
    /// the pages' stylesheets and script under their hashed names.
    pub static_files: Vec<(String, PathBuf)>,
    /// The pages' stylesheets and script, by plain name (`css/gazette.css`):
    /// the hashed name they are published at and their bytes.
    pub assets: BTreeMap<String, crate::render::fingerprint::Fingerprinted>,
    /// Shortcodes beyond the built-in ones.
    pub custom_shortcodes: BTreeSet<String>,
    /// Where each template came from (for diagnostics).
    pub template_files: BTreeMap<String, (PathBuf, String)>,
}

pub use crate::sources::{SITE_STATIC, SITE_TEMPLATES};

impl Theme {
    /// Loads the theme named in the settings, the pages' stylesheets and
    /// script under the `names` asked for.
    pub fn load(
        config: &Config,
        names: crate::render::fingerprint::AssetNames,
    ) -> Result<Theme, Vec<Diagnostic>> {
        let lang = config.language;
        let root = &config.root;
        let theme_dir = Path::new("themes").join(&config.theme);
        let mut errors = Vec::new();
        let files = read_templates(root, &theme_dir, lang, &mut errors);
        let mut tera = Tera::new();
        register_filters(&mut tera, lang);
        let templates: Vec<(String, String)> = files
            .iter()
            .map(|(n, (_, t))| (n.clone(), t.clone()))
            .collect();
        if let Err(err) = tera.add_raw_templates(templates) {
            errors.push(template_error(&err, &files, lang));
        }
        errors.extend(missing_templates(&files, &theme_dir, lang));
        let strings = match load_strings(root, &theme_dir, lang) {
            Ok(s) => s,
            Err(d) => {
                errors.push(d);
                serde_json::Map::new()
            }
        };
        let mut statics = static_files(root, &theme_dir, lang, &mut errors);
        let assets = crate::render::fingerprint::fingerprint(root, &mut statics, names);
        let custom_shortcodes = custom_shortcodes(&files);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Theme {
            tera,
            strings,
            static_files: statics.into_iter().collect(),
            assets,
            custom_shortcodes,
            template_files: files,
        })
    }

    /// A diagnostic for an error raised while rendering a template.
    pub fn render_error(&self, err: &tera::Error, lang: Language) -> Diagnostic {
        template_error(err, &self.template_files, lang)
    }
}

/// The theme's templates with the site's over them, by name: each one's
/// path and text. A template that cannot be read is an error in `errors`.
fn read_templates(
    root: &Path,
    theme_dir: &Path,
    lang: Language,
    errors: &mut Vec<Diagnostic>,
) -> BTreeMap<String, (PathBuf, String)> {
    let mut files = BTreeMap::new();
    for dir in [theme_dir.join("templates"), PathBuf::from(SITE_TEMPLATES)] {
        for (name, rel) in walk_files(root, &dir, lang, errors) {
            let text = crate::sources::read(root, &rel).and_then(|bytes| {
                String::from_utf8(bytes).map_err(|e| {
                    crate::sources::Refusal::Unreadable(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        e,
                    ))
                })
            });
            match text {
                Ok(text) => {
                    files.insert(name, (rel, text));
                }
                Err(refusal) => {
                    errors.push(refusal.diagnostic(&rel, Code::TemplateUnreadable, lang))
                }
            }
        }
    }
    files
}

/// An error for each template every theme must have and this one lacks.
fn missing_templates(
    files: &BTreeMap<String, (PathBuf, String)>,
    theme_dir: &Path,
    lang: Language,
) -> Vec<Diagnostic> {
    let required = [
        "base.html",
        "index.html",
        "section.html",
        "article.html",
        "404.html",
    ];
    required
        .into_iter()
        .filter(|required| !files.contains_key(*required))
        .map(|required| {
            Diagnostic::error(
                Code::TemplateMissing,
                t!(lang, "render-theme-missing-template", name = required),
            )
            .in_file(theme_dir.join("templates"))
            .with_help(t!(lang, "render-theme-missing-template-help"))
        })
        .collect()
}

/// The theme's static files with the site's over them, by output path. A
/// file that cannot be read is an error in `errors`.
fn static_files(
    root: &Path,
    theme_dir: &Path,
    lang: Language,
    errors: &mut Vec<Diagnostic>,
) -> BTreeMap<String, PathBuf> {
    let mut statics = BTreeMap::new();
    for dir in [theme_dir.join("static"), PathBuf::from(SITE_STATIC)] {
        for (name, rel) in walk_files(root, &dir, lang, errors) {
            // Copied as they are when the output is written: whether
            // they can be read is known now.
            if let Err(refusal) = crate::sources::probe(root, &rel) {
                errors.push(refusal.diagnostic(&rel, Code::FileUnreadable, lang));
            }
            statics.insert(name, rel);
        }
    }
    statics
}

/// The shortcodes the templates add: `shortcodes/<name>.html` files that
/// are not a built-in shortcode's.
fn custom_shortcodes(files: &BTreeMap<String, (PathBuf, String)>) -> BTreeSet<String> {
    files
        .keys()
        .filter_map(|n| n.strip_prefix("shortcodes/"))
        .filter_map(|n| n.strip_suffix(".html"))
        .filter(|n| !crate::content::article::BUILT_IN_SHORTCODES.contains(n) && !n.contains('/'))
        .map(str::to_string)
        .collect()
}

/// The files under `dir` (relative to the site root), by `/`-separated
/// name under it, and what it holds that cannot be read into `errors`.
fn walk_files(
    root: &Path,
    dir: &Path,
    lang: Language,
    errors: &mut Vec<Diagnostic>,
) -> Vec<(String, PathBuf)> {
    let (entries, refused) = crate::sources::walk(root, dir, lang);
    errors.extend(refused);
    entries
        .into_iter()
        .filter(|e| !e.is_dir)
        .map(|e| (e.rel, e.path))
        .collect()
}

/// Checks that every `template:` of an article or a section names a
/// template the theme has: the error points at the value, in the file the
/// writer has open, with the closest template name suggested.
pub fn check_templates<'a>(
    theme: &Theme,
    pages: impl Iterator<Item = (&'a SourceText, Option<&'a str>)>,
    lang: Language,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (source, template) in pages {
        let Some(name) = template else {
            continue;
        };
        if theme.template_files.contains_key(name) {
            continue;
        }
        let known: Vec<&str> = theme
            .template_files
            .keys()
            .map(String::as_str)
            .filter(|t| !t.starts_with("partials/") && !t.starts_with("shortcodes/"))
            .collect();
        let help = match crate::yaml::closest(name, known.iter().copied()) {
            Some(best) => t!(lang, "render-template-did-you-mean", best = best),
            None => t!(
                lang,
                "render-template-known",
                known = known.join(", "),
                name = name
            ),
        };
        let span = crate::yaml::locate_value(&source.text, &["template"])
            .unwrap_or(0..source.text.len().min(3));
        errors.push(
            Diagnostic::error(
                Code::TemplateUnknown,
                t!(lang, "render-template-unknown", name = name),
            )
            .at(source, span)
            .with_help(help),
        );
    }
    errors
}

/// `errors` met while rendering, less the missing templates already
/// reported where a `template:` names them (by [`check_templates`]).
pub fn not_yet_reported(errors: Vec<Diagnostic>, reported: &Diagnostics) -> Vec<Diagnostic> {
    let located = reported
        .iter()
        .any(|d| d.code == Code::TemplateUnknown && d.position.is_some());
    errors
        .into_iter()
        .filter(|d| !(located && d.code == Code::TemplateUnknown && d.position.is_none()))
        .collect()
}

fn load_strings(
    root: &Path,
    theme_dir: &Path,
    lang: Language,
) -> Result<serde_json::Map<String, serde_json::Value>, Diagnostic> {
    let rel = theme_dir.join("i18n").join(format!("{}.yaml", lang.code()));
    let bytes = crate::sources::read_alone(root, &rel).map_err(|refusal| {
        let d = refusal.diagnostic(&rel, Code::ThemeStringsUnreadable, lang);
        match d.help {
            Some(_) => d,
            None => d.with_help(t!(lang, "render-theme-strings-help", lang = lang.code())),
        }
    })?;
    let text = crate::sources::text_from(bytes, &rel, lang).map_err(|mut e| e.swap_remove(0))?;
    let source = SourceText::new(&rel, text);
    let map: BTreeMap<String, crate::yaml::Text> =
        crate::yaml::parse(&source.text, &source, 0, lang)?;
    Ok(map
        .into_iter()
        .map(|(k, v)| (k, serde_json::Value::String(v.0)))
        .collect())
}

fn template_error(
    err: &tera::Error,
    files: &BTreeMap<String, (PathBuf, String)>,
    lang: Language,
) -> Diagnostic {
    let help = t!(lang, "render-template-error-help");
    match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let worded = tera_messages::word(report.message(), lang);
            let mut message = worded.message;
            if let Some(cause) = std::error::Error::source(err) {
                message.push_str(&format!(": {cause}"));
            }
            let d = Diagnostic::error(
                Code::TemplateError,
                t!(lang, "render-template-error", message = message),
            )
            .with_help(worded.help.unwrap_or(help));
            match files.get(report.filename()) {
                Some((path, text)) => d.at(
                    &SourceText::new(path, text.clone()),
                    report.span().range.clone(),
                ),
                None => d.in_file(report.filename()),
            }
        }
        tera::ErrorKind::TemplateNotFound(name) => Diagnostic::error(
            Code::TemplateUnknown,
            t!(lang, "render-template-not-found", name = name),
        )
        .with_help(t!(lang, "render-template-not-found-help", name = name)),
        _ => {
            let mut message = err.to_string();
            if let Some(cause) = std::error::Error::source(err) {
                message.push_str(&format!(": {cause}"));
            }
            Diagnostic::error(
                Code::TemplateError,
                t!(lang, "render-template-error", message = message),
            )
            .with_help(help)
        }
    }
}

/// The first ten characters of a date value, as a calendar date.
fn date_of(text: &str) -> Option<jiff::civil::Date> {
    text.get(..10)?.parse().ok()
}

fn register_filters(tera: &mut Tera, lang: Language) {
    tera.register_filter(
        "date_long",
        move |value: &str, _: Kwargs, _: &State| -> String {
            date_of(value)
                .map(|d| dates::long(d, lang))
                .unwrap_or_else(|| value.to_string())
        },
    );
    tera.register_filter(
        "date_short",
        move |value: &str, _: Kwargs, _: &State| -> String {
            date_of(value)
                .map(|d| dates::short(d, lang))
                .unwrap_or_else(|| value.to_string())
        },
    );
    tera.register_filter("iso_date", |value: &str, _: Kwargs, _: &State| -> String {
        date_of(value)
            .map(|d| d.to_string())
            .unwrap_or_else(|| value.to_string())
    });
}
