//! What the site offers the studio's form: its articles (to find one, to
//! pick related ones), its sections, the values already used for
//! categories, series, tags, organisations and authors, the people of its
//! registry, and the form's own description ([`super::model`]).
//!
//! Everything comes from the preview's session as it last read the site:
//! the articles as loaded (drafts, embargoed and failing ones included,
//! which the built site leaves out but a writer must find), what
//! discovery found, and the last good site for the pages' addresses.
//! Nothing is read from disk here.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;
use serde_json::{Value, json};

use crate::content::ContentPath;
use crate::content::article::LoadedArticle;
use crate::serve::incremental::Session;

/// One article of the site, as the studio lists it.
#[derive(Debug, Serialize)]
pub struct Listed {
    /// The file, relative to the site (`content/actualites/x.md`).
    pub file: String,
    /// As `related:` names it (`actualites/x.md`).
    pub content_path: String,
    /// Its title (the file's name when it cannot be read).
    pub title: String,
    /// Its section's folder under `content/` (`actualites`).
    pub section: String,
    /// Its date as written (`2026-03-12`), when it can be read.
    pub date: Option<String>,
    /// `draft: true`.
    pub draft: bool,
    /// Dated in the future: embargoed.
    pub embargoed: bool,
    /// Past its `expires`.
    pub expired: bool,
    /// It cannot be read (its errors are the preview's).
    pub broken: bool,
    /// Its page's address in the preview, when the site shows it.
    pub address: Option<String>,
}

/// The article of `file` as the studio lists it.
fn listed(session: &Session, file: &Path, section: &str) -> Listed {
    let content_path = ContentPath::of(file).as_str().to_string();
    let address = session.site().and_then(|site| {
        site.articles
            .iter()
            .find(|a| a.loaded.source.path == file)
            .map(|a| a.url.clone())
    });
    let now = crate::pipeline::now();
    let loaded: Option<&LoadedArticle> = match session.pipeline().article(file) {
        Some(Ok(l)) => Some(l),
        _ => None,
    };
    let name = file
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    match loaded {
        Some(l) => {
            let meta = &l.meta;
            Listed {
                file: crate::sources::to_slash(file),
                content_path,
                title: meta.title.clone(),
                section: section.to_string(),
                date: Some(meta.date.date.to_string()),
                draft: meta.draft,
                embargoed: meta.date.at > now,
                expired: meta.expires.as_ref().is_some_and(|e| e.at <= now),
                broken: false,
                address,
            }
        }
        None => Listed {
            file: crate::sources::to_slash(file),
            content_path,
            title: name,
            section: section.to_string(),
            date: None,
            draft: false,
            embargoed: false,
            expired: false,
            broken: true,
            address,
        },
    }
}

/// Every article the session knows, newest first (those without a date
/// last).
pub fn articles(session: &Session) -> Vec<Listed> {
    let mut out: Vec<Listed> = session
        .pipeline()
        .discovered()
        .articles
        .iter()
        .map(|a| listed(session, &a.path, &a.section))
        .collect();
    out.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
    out
}

/// The values already used for each offered key, sorted, from every
/// loaded article (drafts included).
fn used_values(session: &Session) -> Value {
    let mut categories = BTreeSet::new();
    let mut series = BTreeSet::new();
    let mut tags = BTreeSet::new();
    let mut organisations = BTreeSet::new();
    let mut authors = BTreeSet::new();
    let pipeline = session.pipeline();
    for a in &pipeline.discovered().articles {
        let Some(Ok(l)) = pipeline.article(&a.path) else {
            continue;
        };
        let meta = &l.meta;
        categories.extend(meta.category.clone());
        series.extend(meta.series.clone());
        tags.extend(meta.tags.iter().cloned());
        organisations.extend(meta.organisations.iter().cloned());
        authors.extend(meta.authors.iter().cloned());
    }
    if let Some(site) = session.site() {
        organisations.extend(site.registry.organisations.keys().cloned());
    }
    json!({
        "categories": categories,
        "series": series,
        "tags": tags,
        "organisations": organisations,
        "authors": authors,
    })
}

/// The registry's people (id, name, role) and organisations (id, name).
fn registry(session: &Session) -> Value {
    let Some(site) = session.site() else {
        return json!({"people": [], "organisations": []});
    };
    let people: Vec<Value> = site
        .registry
        .people
        .iter()
        .map(|(id, p)| json!({"id": id, "name": p.name.as_str(), "role": p.role.as_ref().map(|r| r.as_str())}))
        .collect();
    let organisations: Vec<Value> = site
        .registry
        .organisations
        .iter()
        .map(|(id, o)| json!({"id": id, "name": o.name.as_str()}))
        .collect();
    json!({"people": people, "organisations": organisations})
}

/// The site's sections: folder and title.
fn sections(session: &Session) -> Vec<Value> {
    let Some(site) = session.site() else {
        return session
            .pipeline()
            .discovered()
            .sections
            .iter()
            .filter(|s| !s.dir.is_empty())
            .map(|s| json!({"dir": s.dir, "title": s.dir}))
            .collect();
    };
    site.sections
        .iter()
        .filter(|s| !s.dir.is_empty())
        .map(|s| json!({"dir": s.dir, "title": s.title}))
        .collect()
}

/// Everything the studio's page needs to start: the form's description,
/// the site's values and articles, and whether it can publish.
pub fn site(session: &Session) -> Value {
    let config = session.config();
    json!({
        "title": config.map(|c| c.title.clone()),
        "root_path": config.map(|c| c.root_path.clone()),
        "language": session.language(),
        "model": super::model::article(),
        "sections": sections(session),
        "values": used_values(session),
        "registry": registry(session),
        "articles": articles(session),
        "kinds": ["article", "interview", "testimonials", "principles"],
    })
}

/// The article file (relative to the site) whose page is the output file
/// `file` (`actualites/x/index.html`), if it is an article's page.
pub fn source_of_page(session: &Session, file: &str) -> Option<String> {
    let site = session.site()?;
    site.articles
        .iter()
        .find(|a| a.rel_url.page_file() == file)
        .map(|a| crate::sources::to_slash(&a.loaded.source.path))
}
