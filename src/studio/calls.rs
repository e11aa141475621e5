//! The studio's API: one function per call of its page, each taking the
//! request's JSON (or bytes) and answering JSON.
//!
//! Every call is the same few steps of the parts it joins: the form's
//! values become the article's text ([`header`]), the text is previewed
//! with the site's pipeline ([`preview`]) and its diagnostics placed on
//! fields ([`fields`]), then saved ([`files`]) or published ([`publish`]).
//! The rules a writer meets are here: an article with errors is saved
//! only as a draft, a file changed on disk since it was opened is never
//! overwritten without the writer's choice, comments of a hand-written
//! header are dropped only once the writer agreed.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::{fields, files, header, preview, publish, web};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::language::Language;
use crate::messages::t;
use crate::serve::incremental::Session;
use crate::serve::server::Answer;

/// What a call needs of the studio.
pub struct Context<'a> {
    /// The site's folder.
    pub root: &'a Path,
    /// The preview's session (locked for the call).
    pub session: &'a mut Session,
    /// The site's language.
    pub lang: Language,
    /// Files changed beside each article since it was opened (an article
    /// moved into a folder rewrites links elsewhere), for « Publier ».
    pub touched: &'a Mutex<HashMap<String, BTreeSet<String>>>,
}

/// The form's article: where it is (or will be) and what it holds.
#[derive(Debug, Deserialize)]
pub struct Draft {
    /// The file, relative to the site (`content/actualites/x.md`); none
    /// for a new article.
    pub path: Option<String>,
    /// A new article's section (its folder under `content/`).
    pub section: Option<String>,
    /// A new article's slug, when the writer gave one.
    pub slug: Option<String>,
    /// The front matter, as the form holds it.
    #[serde(default)]
    pub values: Map<String, Value>,
    /// The body, as typed.
    #[serde(default)]
    pub body: String,
}

/// « Enregistrer »: the draft and what the writer chose.
#[derive(Debug, Deserialize)]
pub struct Save {
    #[serde(flatten)]
    draft: Draft,
    /// The version of the file the form was opened from.
    version: Option<String>,
    /// Save with `draft: true` (an article with errors).
    #[serde(default)]
    as_draft: bool,
    /// The writer saw that comments would go and agreed.
    #[serde(default)]
    accept_lost_comments: bool,
}

/// « Publier »: which article, with what message, by whom.
#[derive(Debug, Deserialize)]
pub struct Publish {
    path: String,
    message: String,
    #[serde(default)]
    author: String,
}

/// An error answer: `{"error": message}`.
fn error(status: u16, message: &str) -> Answer {
    web::json(status, &json!({ "error": message }))
}

/// A file's error, as the writer reads it. A request no draft could
/// satisfy (a title that names no file, an unknown section, a bad path or
/// image) is `400`: `422` is kept for an article with errors, which the
/// page offers to save as a draft.
fn file_error(e: &files::FileError, lang: Language) -> Answer {
    let status = match e {
        files::FileError::Conflict { .. } => 409,
        files::FileError::Missing { .. } => 404,
        files::FileError::Io { .. } => 500,
        _ => 400,
    };
    error(status, &files::message(e, lang))
}

/// A header that the studio cannot read or write, as the command line
/// would report it for that text.
fn header_error(cx: &mut Context<'_>, path: &str, text: &str, e: &header::HeaderError) -> Answer {
    let found = preview::preview(cx.session, Path::new(path), text);
    let shown: Vec<String> = found
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.render(cx.lang))
        .collect();
    let message = if shown.is_empty() {
        e.to_string()
    } else {
        shown.join("\n")
    };
    error(422, &message)
}

/// A diagnostic for the page: its texts, file, position and field. Only a
/// diagnostic of the article itself (`path`, whose text is `text`) is
/// placed on a field: a template's error (the page could not be rendered)
/// has its line in the template, which names no field of the form.
fn shown(d: &Diagnostic, path: &str, text: &str) -> Value {
    let (line, column) = d.position.as_ref().map_or((0, 0), |p| (p.line, p.column));
    let own = d.file.as_deref() == Some(Path::new(path));
    // A required key left empty is the form's field of that key; the
    // command line's help (add a line to the header) is for a file.
    let missing = (own && d.code == Code::FrontMatterMissingKey)
        .then(|| missing_required(text))
        .flatten();
    let field = match missing {
        Some(key) => vec![Value::from(key)],
        None if line == 0 || !own => Vec::new(),
        None => fields::path_at(text, line),
    };
    let help = if missing.is_some() {
        None
    } else {
        d.help.clone()
    };
    json!({
        "severity": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
        "code": d.code,
        "message": d.message,
        "help": help,
        "file": d.file.as_deref().map(crate::sources::to_slash),
        "line": (line > 0).then_some(line),
        "column": (line > 0).then_some(column),
        "field": field,
    })
}

/// The first key the form requires that `text`'s header lacks.
fn missing_required(text: &str) -> Option<&'static str> {
    let values = header::read(text).ok()?.values;
    super::model::article()
        .into_iter()
        .filter(|f| f.required)
        .map(|f| f.key)
        .find(|key| values.get(*key).is_none_or(Value::is_null))
}

/// Every diagnostic of a preview of the article at `path`, for the page.
fn all_shown(found: &preview::Preview, path: &str, text: &str) -> Vec<Value> {
    found
        .diagnostics
        .iter()
        .map(|d| shown(d, path, text))
        .collect()
}

/// `GET api/article?path=`: an article for the form.
pub fn article(cx: &mut Context<'_>, query: &str) -> Answer {
    let Some(path) = param(query, "path") else {
        return error(400, "path");
    };
    let opened = match files::open(cx.root, &path) {
        Ok(o) => o,
        Err(e) => return file_error(&e, cx.lang),
    };
    match header::read(&opened.text) {
        Ok(read) => web::json(
            200,
            &json!({"path": path, "version": opened.version, "values": read.values, "body": read.body}),
        ),
        Err(e) => header_error(cx, &path, &opened.text, &e),
    }
}

/// `GET api/new?section=&kind=`: a new article's values, from the
/// archetype of its kind (not saved: the first « Enregistrer » makes it).
pub fn new(cx: &mut Context<'_>, query: &str, today: jiff::civil::Date) -> Answer {
    let kind = param(query, "kind").unwrap_or_else(|| "article".into());
    if !["article", "interview", "testimonials", "principles"].contains(&kind.as_str()) {
        return error(400, "kind");
    }
    let Some(config) = cx.session.config() else {
        return web::refused(500, cx.lang, web::Refusal::Busy);
    };
    let text = match crate::archetype::filled(config, &kind, "", today) {
        Ok(t) => t,
        Err(d) => return error(422, &d.render(cx.lang)),
    };
    match header::read(&text) {
        Ok(read) => web::json(200, &json!({"values": read.values, "body": read.body})),
        Err(e) => error(500, &e.to_string()),
    }
}

/// Where a draft is, or would be saved: its path, or a new article's
/// free path in its section.
fn draft_path(root: &Path, draft: &Draft) -> Result<String, files::FileError> {
    if let Some(path) = &draft.path {
        return Ok(path.clone());
    }
    let section = draft.section.as_deref().unwrap_or_default();
    let title = draft
        .values
        .get("title")
        .and_then(Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or("article");
    let slug = draft.slug.as_deref().filter(|s| !s.trim().is_empty());
    files::new_article_path(root, section, title, slug)
}

/// The file a draft makes: written over the file on disk (only what
/// changed), or in the canonical layout for a new article (or one deleted
/// since it was opened); with the file as it was opened.
fn text_of(
    root: &Path,
    path: &str,
    draft: &Draft,
    lang: Language,
) -> Result<(header::Written, Option<files::Opened>), Answer> {
    let opened = match &draft.path {
        Some(_) => on_disk(root, path).map_err(|e| file_error(&e, lang))?,
        None => None,
    };
    let original = opened.as_ref().map(|o| o.text.as_str());
    let written = header::write(original, &draft.values, &draft.body)
        .map_err(|e| error(400, &e.to_string()))?;
    Ok((written, opened))
}

/// The article at `path` as it is on disk; `None` when it is not there
/// (deleted since the form opened it: the writer may recreate it).
fn on_disk(root: &Path, path: &str) -> Result<Option<files::Opened>, files::FileError> {
    match files::open(root, path) {
        Ok(opened) => Ok(Some(opened)),
        Err(files::FileError::Missing { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `POST api/preview`: the draft's page and diagnostics, nothing saved.
pub fn preview(cx: &mut Context<'_>, draft: &Draft) -> Answer {
    let path = draft_path(cx.root, draft).unwrap_or_else(|_| {
        let section = draft.section.as_deref().unwrap_or("articles");
        format!("content/{section}/nouvel-article.md")
    });
    let (written, _) = match text_of(cx.root, &path, draft, cx.lang) {
        Ok(w) => w,
        Err(answer) => return answer,
    };
    let found = preview::preview(cx.session, Path::new(&path), &written.text);
    let diagnostics = all_shown(&found, &path, &written.text);
    web::json(
        200,
        &json!({"html": found.html, "address": found.address, "diagnostics": diagnostics}),
    )
}

/// `POST api/save`: « Enregistrer ». Stops, writing nothing, when the
/// file is no longer the version the form opened (changed or deleted on
/// disk: `409 {conflict, current}`, `current` null when deleted; saving
/// again with `current` overwrites or recreates it), when comments would
/// go (`409 {lost_comments}`), or when the article has errors and is not
/// saved as a draft (`422 {diagnostics}`, the only `422`: saving as a
/// draft would do); what no draft could save is `400 {error}`.
pub fn save(cx: &mut Context<'_>, mut request: Save) -> Answer {
    let path = match draft_path(cx.root, &request.draft) {
        Ok(p) => p,
        Err(e) => return file_error(&e, cx.lang),
    };
    if request.as_draft {
        request
            .draft
            .values
            .insert("draft".into(), Value::Bool(true));
    }
    let (written, opened) = match text_of(cx.root, &path, &request.draft, cx.lang) {
        Ok(w) => w,
        Err(answer) => return answer,
    };
    // The file must be as the form opened it: still there at the same
    // version, or gone when the writer chose to recreate it (no version).
    let current = opened.as_ref().map(|o| o.version.as_str());
    if request.draft.path.is_some() && request.version.as_deref() != current {
        return web::json(409, &json!({"conflict": true, "current": current}));
    }
    if !written.lost_comments.is_empty() && !request.accept_lost_comments {
        return web::json(409, &json!({"lost_comments": written.lost_comments}));
    }
    let found = preview::preview(cx.session, Path::new(&path), &written.text);
    let diagnostics = all_shown(&found, &path, &written.text);
    if found.diagnostics.iter().any(Diagnostic::is_error) && !request.as_draft {
        return web::json(422, &json!({"diagnostics": diagnostics}));
    }
    let base = opened.as_ref().map(|o| o.version.as_str());
    match files::save(cx.root, &path, &written.text, base) {
        Ok(saved) => web::json(
            200,
            &json!({
                "path": path,
                "version": saved.version,
                "unchanged": !saved.written,
                "as_draft": request.as_draft,
                "values": request.as_draft.then_some(&request.draft.values),
                "diagnostics": diagnostics,
            }),
        ),
        Err(files::FileError::Conflict { current, .. }) => {
            web::json(409, &json!({"conflict": true, "current": current}))
        }
        Err(e) => file_error(&e, cx.lang),
    }
}

/// `POST api/image?path=&name=&version=&kind=`: an image (or, with
/// `kind=document`, a document to download) copied into the article's
/// folder (the article becomes a folder when it is one file).
pub fn image(
    root: &Path,
    touched: &Mutex<HashMap<String, BTreeSet<String>>>,
    lang: Language,
    query: &str,
    bytes: &[u8],
) -> Answer {
    let (Some(path), Some(name)) = (param(query, "path"), param(query, "name")) else {
        return error(400, "path, name");
    };
    let version = param(query, "version").filter(|v| !v.is_empty());
    let accepted = match param(query, "kind").as_deref() {
        Some("document") => files::Accepted::Document,
        _ => files::Accepted::Image,
    };
    match files::add_file(root, &path, &name, bytes, version.as_deref(), accepted) {
        Ok(added) => {
            if let Ok(mut touched) = touched.lock() {
                let mut set = touched.remove(&path).unwrap_or_default();
                set.extend(added.changed.iter().cloned());
                touched.insert(added.article.clone(), set);
            }
            web::json(
                200,
                &json!({"path": added.article, "image": added.image, "version": added.version}),
            )
        }
        Err(e) => file_error(&e, lang),
    }
}

/// The files « Publier » commits for the article at `path`: the article
/// (its whole folder when it is one), and what moving it changed.
fn publish_files(cx: &Context<'_>, path: &str) -> Vec<PathBuf> {
    let mut out: BTreeSet<String> = BTreeSet::new();
    match path.strip_suffix("/index.md") {
        Some(folder) => out.insert(folder.to_string()),
        None => out.insert(path.to_string()),
    };
    if let Ok(touched) = cx.touched.lock()
        && let Some(set) = touched.get(path)
    {
        out.extend(set.iter().cloned());
    }
    out.into_iter().map(PathBuf::from).collect()
}

/// `POST api/publish`: « Publier ».
pub fn publish(cx: &mut Context<'_>, request: &Publish) -> Answer {
    let repository = match publish::repository(cx.root) {
        Ok(r) => r,
        Err(e) => {
            let result = Err(publish::PublishError::from(e));
            return error(409, &publish::describe(&result, cx.lang));
        }
    };
    // An article with errors would stop the site's build for everyone.
    if let Ok(opened) = files::open(cx.root, &request.path) {
        let found = preview::preview(cx.session, Path::new(&request.path), &opened.text);
        if found.diagnostics.iter().any(Diagnostic::is_error) {
            return error(422, &t!(cx.lang, "studio-publish-has-errors"));
        }
    }
    let author = author(&repository, &request.author);
    let files = publish_files(cx, &request.path);
    let mut result = repository.publish(&files, &request.message, &author);
    // Nothing new to commit, but earlier publications not sent yet: send
    // them now (the writer was told « relancez l’envoi »).
    if matches!(result, Err(publish::PublishError::NothingToCommit))
        && let Some(resent) = repository.resend()
    {
        result = Ok(resent);
    }
    let message = publish::describe(&result, cx.lang);
    match &result {
        Ok(done) => {
            if let Ok(mut touched) = cx.touched.lock() {
                touched.remove(&request.path);
            }
            let pushed = matches!(done.push, publish::Push::Pushed { .. });
            web::json(200, &json!({"message": message, "pushed": pushed}))
        }
        Err(_) => error(422, &message),
    }
}

/// Who publishes: the name the writer gave, else git's; git's e-mail only
/// with git's own name (another person's name gets no e-mail rather than
/// someone else's).
fn author(repository: &publish::Repository, given: &str) -> publish::Author {
    let configured = repository.configured_author();
    let given = given.trim();
    match configured {
        Some(c) if given.is_empty() || given == c.name => c,
        _ => publish::Author {
            name: given.to_string(),
            email: None,
        },
    }
}

/// Whether the site can publish, and git's name for the writer.
pub fn git(root: &Path) -> Value {
    match publish::repository(root) {
        Ok(r) => json!({"git": true, "git_author": r.configured_author().map(|a| a.name)}),
        Err(_) => json!({"git": false, "git_author": null}),
    }
}

/// The value of `name` in a query string, percent-decoded.
pub fn param(query: &str, name: &str) -> Option<String> {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}
