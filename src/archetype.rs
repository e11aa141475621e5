//! `gazette new`: a new article from the theme's archetype for its kind.
//!
//! Archetypes are Markdown files with two placeholders, `__TITLE__` (inside
//! double quotes in the YAML) and `__DATE__`. The title is made from the last
//! segment of the path (`actualites/forum-des-metiers` → « Forum des
//! métiers » is not guessable, so « Forum des metiers » from the slug, for
//! the writer to correct). A site may put its own archetypes in
//! `archetypes/`, which win over the theme's, which win over the default
//! theme's embedded in the binary. Nothing is ever overwritten.

use crate::diagnostics::Code;
use std::path::{Component, Path, PathBuf};

use jiff::civil::Date;

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::language::Language;
use crate::messages::t;

/// Writes `content/<path>.md` from the archetype of `kind`; returns the
/// file's path relative to the site root.
pub fn create(config: &Config, path: &str, kind: &str, today: Date) -> Result<PathBuf, Diagnostic> {
    let lang = config.language;
    let rel = article_path(path, lang)?;
    let target = PathBuf::from("content").join(format!("{rel}.md"));
    let full = config.root.join(&target);
    if full.exists() {
        return Err(Diagnostic::error(
            Code::NewExists,
            t!(
                lang,
                "archetype-exists",
                target = target.display().to_string()
            ),
        )
        .in_file(&target)
        .with_help(t!(lang, "archetype-exists-help")));
    }
    let body = filled(config, kind, &title(rel), today)?;
    write_new(&full, &body).map_err(|e| {
        Diagnostic::error(
            Code::NewWrite,
            t!(
                lang,
                "archetype-write",
                reason = crate::os_errors::reason(&e, lang)
            ),
        )
        .in_file(&target)
    })?;
    Ok(target)
}

/// The text of a new article of `kind`: its archetype with `title` and
/// `today` in place (the studio starts a new article from it).
pub fn filled(config: &Config, kind: &str, title: &str, today: Date) -> Result<String, Diagnostic> {
    let text = archetype(config, kind)?;
    let escaped = title.replace('\\', "\\\\").replace('"', "\\\"");
    Ok(text
        .replace("__TITLE__", &escaped)
        .replace("__DATE__", &today.to_string()))
}

/// The article's path under `content/` without `.md`, from the `path` the
/// writer typed (`content/` and `.md` allowed); an error when it is empty or
/// leaves its folder (`..`, `/`).
fn article_path(path: &str, lang: Language) -> Result<&str, Diagnostic> {
    let rel = path
        .trim()
        .trim_start_matches("content/")
        .trim_end_matches(".md");
    let valid = !rel.is_empty()
        && Path::new(rel)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if !valid {
        return Err(Diagnostic::error(
            Code::NewBadPath,
            t!(lang, "archetype-bad-path", path = path),
        )
        .with_help(t!(lang, "archetype-bad-path-help")));
    }
    Ok(rel)
}

/// The text of the archetype of `kind`: the site's, else the theme's, else
/// the default theme's embedded in the binary.
fn archetype(config: &Config, kind: &str) -> Result<String, Diagnostic> {
    let lang = config.language;
    let file = format!("{kind}.md");
    let candidates = [
        PathBuf::from("archetypes").join(&file),
        PathBuf::from("themes")
            .join(&config.theme)
            .join("archetypes")
            .join(&file),
    ];
    // Last, the default theme's archetypes embedded in the binary, for a
    // theme that has none of its own.
    candidates
        .iter()
        .find_map(|c| {
            let bytes = crate::sources::read_alone(&config.root, c).ok()?;
            String::from_utf8(bytes).ok()
        })
        .or_else(|| crate::init::archetype(&file).map(str::to_string))
        .ok_or_else(|| {
            Diagnostic::error(
                Code::NewNoArchetype,
                t!(lang, "archetype-no-archetype", file = file),
            )
            .in_file(&candidates[1])
        })
}

/// The title made from the last segment of `rel`, its first letter upper
/// case (`actualites/forum-des-metiers` → « Forum des metiers »).
fn title(rel: &str) -> String {
    let stem = rel.rsplit('/').next().unwrap_or(rel);
    let words = crate::content::slug::slug_from_file_name(stem).replace('-', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// Writes `body` to `full`, its folders created, never over an existing file.
fn write_new(full: &Path, body: &str) -> std::io::Result<()> {
    if let Some(parent) = full.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(full)?;
    std::io::Write::write_all(&mut f, body.as_bytes())
}
