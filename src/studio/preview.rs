//! One article rendered in memory from its unsaved text, with its
//! diagnostics: what the studio shows beside the form as the writer types.
//!
//! Why it is shaped so:
//!
//! - **The real pipeline, the whole site.** The text is loaded as its file
//!   would be (`Pipeline::load_text`), then put in the last good site
//!   (`Session::patch_unsaved`) and taken out after (`Session::put_back`):
//!   when the edit moves nothing (the body, or the front matter's texts:
//!   `site::patch::body_only`, `texts_only`), in place of its file's
//!   article, its title and links resolved again, its `related:` checked,
//!   its photos looked up; otherwise (a date, a slug, tags, a draft, a new
//!   article) placed last, its file's article left out, at its address in
//!   its section, its "further reading" chosen as assembly would and its
//!   terms linked where the site assembled with it would link them
//!   (`site::patch::place_new`, `site::taxonomy::place_names`). Where that
//!   cannot be known from the last site (a bundle at a new address, whose
//!   files would move; a term whose address the article would change; an
//!   address or an old address taken; a last rebuild that failed), the site is
//!   assembled again from the session's pipeline with that one article in
//!   place of its file's (`Pipeline::assemble_with`): links, bundle
//!   images, people, registries, "further reading", listings and addresses
//!   are resolved exactly as in a build, against the rest of the site as
//!   last loaded. Each way gives the preview the other gives (tested on
//!   every example article, for edits of its texts, its date, its tags, a
//!   draft, a slug and as a new article). Then only the article's own page
//!   is rendered
//!   (`render::partial::render_article_page`, which makes only the listing
//!   summaries the page shows: its own and its "further reading" ones).
//! - **Nothing of the session changes.** Everything is read through
//!   `Session::pipeline` (shared, read only); a site assembled for the
//!   preview is dropped after rendering, and a patched article is put back
//!   before `preview` returns: the files the preview serves, the source
//!   cache and the next rebuild are those of a session that never
//!   previewed.
//! - **Drafts and embargoes are shown.** The previewed article is in the
//!   site whatever its draft state and dates (`Assembly::shown`); every
//!   other article keeps the site's rules. A new article (a path discovery
//!   did not find) is added to a copy of what discovery found.
//! - **Photos are never encoded.** A session that publishes variants
//!   (`Session::shows_variants`) runs the photo stage with
//!   `Encoding::Ready`: variants the cache holds, else the upload itself;
//!   nothing is sent to the encoding queue.
//! - **Diagnostics.** Those whose file is this article, sorted as the
//!   command line prints them, positions in `text`: loading and assembly
//!   errors (a bad date, a broken link, an unknown person), photo errors
//!   and warnings, the errors of rendering its page (a template error,
//!   whatever its file: it is why the page is missing), and the lints
//!   `gazette check` runs on each article: the loading warnings and every
//!   lint of `check::article::lint` (alt texts, link texts, site paths,
//!   code languages, raw images, table headers, heading levels of the body
//!   and of the page as rendered, interview questions, quotes, foreign
//!   terms). Site paths are checked against the files the session serves,
//!   that is the site as last built. Not included: `check`'s site-wide
//!   lint of unused registry entries.
//! - **Cost.** Measured by `examples/studio_preview_speed.rs` on the
//!   10,000-article corpus, optimized, on a shared 2-core machine: a title
//!   edit previews in about 3 ms (the patched site: one article resolved,
//!   one page rendered); a date, tags, a draft, a slug, a new article or
//!   a tag no article had in 10–16 ms (placed in the last site); an edit
//!   the last site cannot show in 250–350 ms, most of it the assembly of
//!   the whole site. On the example site (23 articles with
//!   photos), in a debug build, a preview that assembles took about 250 ms
//!   (loading and assembly 190 ms, photos 40 ms, rendering and lints
//!   15 ms).

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::content::discover::{ArticleSource, Discovered};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::images::cache::Cache;
use crate::language::Language;
use crate::messages::t;
use crate::pipeline::Loaded;
use crate::progress::Quiet;
use crate::render::partial;
use crate::render::pictures::Encoding;
use crate::render::{Content, Files};
use crate::serve::incremental::Session;
use crate::site::Site;

/// One article as the studio previews it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Preview {
    /// The article's page as the site would publish it (None when the
    /// article has errors that stop it from rendering).
    pub html: Option<String>,
    /// The page's address in the preview (`/actualites/mon-article/`), when known.
    pub address: Option<String>,
    /// This article's diagnostics only (errors and the warnings `gazette
    /// check` gives for it), in the order the command line prints them.
    pub diagnostics: Vec<Diagnostic>,
}

/// `path`: the article file relative to the site root
/// (`content/actualites/mon-article.md` or `.../index.md`), which may not
/// exist on disk yet (a new article); `text`: the file's whole unsaved text.
///
/// The session is only read (see the module's documentation); without
/// settings read (a session whose first build could not read `site.yaml`)
/// the preview is empty, the session's own errors saying why.
pub fn preview(session: &mut Session, path: &Path, text: &str) -> Preview {
    let pipeline = session.pipeline();
    let Some(origin) = origin(pipeline.discovered(), path) else {
        return bad_path(path, session.language());
    };
    let Some(loaded) = pipeline.load_text(origin.clone(), text) else {
        return Preview::default();
    };
    // An edit that moves nothing: the last site, that article patched.
    if let Ok(article) = &loaded
        && let Some(unsaved) = session.patch_unsaved(path, article)
    {
        let mut found = Diagnostics::new();
        found.extend(unsaved.found.iter().cloned());
        let preview = match session.site() {
            Some(site) => shown(session, site, unsaved.index, found, path),
            None => Preview::default(),
        };
        session.put_back(unsaved);
        return preview;
    }
    preview_assembled(session, &origin, &loaded, path)
}

/// The preview of `loaded` (the file at `path`, from `origin`) in a site
/// assembled for it.
fn preview_assembled(
    session: &Session,
    origin: &ArticleSource,
    loaded: &Loaded,
    path: &Path,
) -> Preview {
    let (site, found) = assembled(session, origin, loaded);
    let index = site.as_ref().and_then(|site| {
        site.articles
            .iter()
            .position(|a| a.loaded.origin.path == path)
    });
    match (&site, index) {
        (Some(site), Some(index)) => shown(session, site, index, found, path),
        // Not in the site: it did not load, and its errors say why.
        _ => Preview {
            diagnostics: own(&found, path),
            ..Preview::default()
        },
    }
}

/// The preview of article `index` of `site`, the file at `path`, with
/// what assembling it found: its page and its diagnostics.
fn shown(
    session: &Session,
    site: &Site,
    index: usize,
    mut found: Diagnostics,
    path: &Path,
) -> Preview {
    let blocked = own(&found, path).iter().any(Diagnostic::is_error);
    let (html, stopped) = match session.pipeline().theme() {
        Some(theme) if !blocked => page(site, theme, index),
        _ => (None, Vec::new()),
    };
    found.extend(lints(session, site, index, html.as_deref()));
    // The errors that stopped the page come last, whatever their file.
    let mut diagnostics = own(&found, path);
    diagnostics.extend(stopped);
    Preview {
        html,
        address: Some(site.articles[index].url.clone()),
        diagnostics,
    }
}

/// The site assembled with `origin` loaded as `loaded`, its photos as the
/// session publishes them (never encoded), and everything found.
fn assembled(
    session: &Session,
    origin: &ArticleSource,
    loaded: &Loaded,
) -> (Option<Site>, Diagnostics) {
    let pipeline = session.pipeline();
    let (mut site, found_assembling) = pipeline.assemble_with(origin, loaded).into_parts();
    let mut found = Diagnostics::new();
    found.extend(found_assembling);
    if let Some(site) = site.as_mut().filter(|_| session.shows_variants()) {
        let cache = Cache::open(&pipeline.options().root);
        let photos = pipeline.photos_untimed(site, Encoding::Ready(&cache), &Quiet);
        found.extend(photos.found);
    }
    (site, found)
}

/// What `gazette check` finds in article `index` besides the build's
/// errors: its loading warnings and the per-article lints, its site paths
/// checked against the files the session serves; `page` is its HTML.
fn lints(session: &Session, site: &Site, index: usize, page: Option<&str>) -> Vec<Diagnostic> {
    let article = &site.articles[index];
    let mut found = article.loaded.warnings.clone();
    found.extend(crate::check::article::lint(
        site,
        article,
        page,
        session.files(),
    ));
    found
}

/// What discovery found for `path`, else the origin a new article at
/// `path` would have; `None` when `path` is no article file under
/// `content/` (a section's `_index.md`, another extension, `..`).
fn origin(discovered: &Discovered, path: &Path) -> Option<ArticleSource> {
    match discovered.articles.iter().find(|a| a.path == path) {
        Some(found) => Some(found.clone()),
        None => ArticleSource::new_file(path),
    }
}

/// The preview of a path that is no article file: the error alone.
fn bad_path(path: &Path, lang: Language) -> Preview {
    let shown = crate::diagnostics::display_path(path);
    let error = Diagnostic::error(
        Code::NewBadPath,
        t!(lang, "archetype-bad-path", path = shown.as_str()),
    )
    .in_file(PathBuf::from(path));
    Preview {
        diagnostics: vec![error],
        ..Preview::default()
    }
}

/// The page of article `index`, and the errors of rendering it.
fn page(
    site: &Site,
    theme: &crate::render::theme::Theme,
    index: usize,
) -> (Option<String>, Vec<Diagnostic>) {
    let (files, errors): (Files, Vec<Diagnostic>) =
        partial::render_article_page(site, theme, index);
    let html = match files.get(&site.articles[index].rel_url.page_file()) {
        Some(Content::Bytes(bytes)) => Some(String::from_utf8_lossy(bytes).into_owned()),
        _ => None,
    };
    (html, errors)
}

/// The diagnostics of `found` whose file is `path`, sorted as the command
/// line prints them, duplicates removed.
fn own(found: &Diagnostics, path: &Path) -> Vec<Diagnostic> {
    found
        .sorted()
        .into_iter()
        .filter(|d| d.file.as_deref() == Some(path))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::BuildOptions;
    use crate::serve::watch::Changes;

    /// The starter's first article, relative to the site.
    const WELCOME: &str = "content/actualites/bienvenue.md";

    /// How the preview's server builds the site in `dir`.
    fn options(dir: &tempfile::TempDir) -> BuildOptions {
        BuildOptions {
            base_url: Some("http://127.0.0.1:1111/".into()),
            relative_urls: Some(false),
            ..BuildOptions::of(dir.path())
        }
    }

    /// A starter site (`gazette init`) in a temporary folder, and the
    /// preview's session on it, built once.
    fn site() -> (tempfile::TempDir, Session) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let today = jiff::civil::date(2026, 3, 1);
        crate::init::init(dir.path(), today, None).expect("starter site");
        let mut session = Session::preview(options(&dir));
        let built = session.build();
        assert!(built.ok, "{:?}", built.diagnostics.sorted());
        (dir, session)
    }

    fn read(dir: &tempfile::TempDir, path: &str) -> String {
        std::fs::read_to_string(dir.path().join(path)).expect("starter file")
    }

    /// The text of the page's `<h1>` element.
    fn h1(html: &str) -> &str {
        let start = html.find("<h1").expect("an h1");
        let end = html[start..].find("</h1>").expect("h1 closed");
        &html[start..start + end]
    }

    fn served(session: &Session, page: &str) -> String {
        match session.files().get(page) {
            Some(Content::Bytes(b)) => String::from_utf8_lossy(b).into_owned(),
            _ => panic!("{page} is not served"),
        }
    }

    /// An article with this front matter (after the title) and body.
    fn article(title: &str, more: &str, body: &str) -> String {
        format!("---\ntitle: \"{title}\"\ndate: 2026-02-20\n{more}---\n\n{body}\n")
    }

    #[test]
    fn the_changed_title_is_in_the_page_heading() {
        let (dir, mut session) = site();
        let text = read(&dir, WELCOME).replace(
            "Un nouveau site pour le journal interne",
            "Le journal change d’outil",
        );
        let p = preview(&mut session, Path::new(WELCOME), &text);
        let html = p.html.expect("the page");
        assert!(
            h1(&html).contains("Le journal change d’outil"),
            "{}",
            h1(&html)
        );
        assert_eq!(p.address.as_deref(), Some("/actualites/bienvenue/"));
        assert!(!p.diagnostics.iter().any(Diagnostic::is_error));
    }

    #[test]
    fn the_preview_of_a_saved_text_is_its_page_as_served_byte_for_byte() {
        let (dir, mut session) = site();
        // An article sharing the welcome's tags: each is the other's
        // "further reading", whose cards come from the listing summaries.
        let added = "content/actualites/publier.md";
        let text = article(
            "Publier un article",
            "tags: [publication, mode d’emploi]\n",
            "Comment publier.",
        );
        std::fs::write(dir.path().join(added), text).expect("written");
        let mut changes = Changes::default();
        changes.add(Path::new(added));
        assert!(session.apply(&changes).ok);
        let articles: Vec<(String, String)> = session
            .site()
            .expect("the site")
            .articles
            .iter()
            .map(|a| {
                let path = a.loaded.origin.path.to_string_lossy().into_owned();
                (path, a.rel_url.page_file())
            })
            .collect();
        let mut with_further_reading = 0;
        for (path, page) in &articles {
            let p = preview(&mut session, Path::new(path), &read(&dir, path));
            let html = p.html.unwrap_or_else(|| panic!("{path}: no page"));
            assert!(
                html == served(&session, page),
                "{path}: not the served page"
            );
            with_further_reading += usize::from(html.contains("class=\"card-title\""));
        }
        assert!(
            articles.len() >= 3 && with_further_reading >= 1,
            "{articles:?}"
        );
    }

    #[test]
    fn a_broken_date_is_reported_in_the_unsaved_text_with_no_page() {
        let (dir, mut session) = site();
        // A comment line moves the date one line down from the file's.
        let text = read(&dir, WELCOME).replacen("---\n", "---\n# relu par la rédaction\n", 1);
        let date_line = text
            .lines()
            .position(|l| l.starts_with("date:"))
            .expect("date")
            + 1;
        let at = text.find("date: ").expect("date") + "date: ".len();
        let text = format!(
            "{}2026-13-45{}",
            &text[..at],
            &text[at + "2026-03-01".len()..]
        );
        let p = preview(&mut session, Path::new(WELCOME), &text);
        assert_eq!(p.html, None);
        let error = p
            .diagnostics
            .iter()
            .find(|d| d.code == Code::FrontMatterBadDate)
            .expect("the date's error");
        assert!(error.is_error());
        let position = error.position.as_ref().expect("a position");
        assert_eq!((position.line, position.column), (date_line, 7));
        assert_eq!(date_line, 4);
        // The same text as the command line gives for the file saved.
        std::fs::write(dir.path().join(WELCOME), &text).expect("saved");
        let checked = crate::check::check(&options(&dir), &Quiet);
        let cli: Vec<Diagnostic> = checked
            .diagnostics
            .sorted()
            .into_iter()
            .filter(|d| d.file.as_deref() == Some(Path::new(WELCOME)))
            .collect();
        assert_eq!(p.diagnostics, cli);
    }

    #[test]
    fn a_new_article_not_on_disk_previews_in_its_section() {
        let (dir, mut session) = site();
        let path = Path::new("content/actualites/nouvel-article.md");
        let text = article("Un article tout neuf", "", "Premier paragraphe.");
        let p = preview(&mut session, path, &text);
        let html = p.html.expect("the page");
        assert!(h1(&html).contains("Un article tout neuf"));
        assert!(html.contains("Premier paragraphe."));
        assert_eq!(p.address.as_deref(), Some("/actualites/nouvel-article/"));
        assert!(!dir.path().join(path).exists());
        // A bundle too, named after its folder.
        let bundle = Path::new("content/actualites/dossier-rentree/index.md");
        let p = preview(&mut session, bundle, &text);
        assert!(p.html.is_some(), "{:?}", p.diagnostics);
        assert_eq!(p.address.as_deref(), Some("/actualites/dossier-rentree/"));
    }

    #[test]
    fn a_draft_and_an_embargoed_article_preview() {
        let (_dir, mut session) = site();
        let path = Path::new("content/actualites/brouillon.md");
        let draft = article("En préparation", "draft: true\n", "Bientôt.");
        let p = preview(&mut session, path, &draft);
        assert!(h1(&p.html.expect("the draft's page")).contains("En préparation"));
        let future = article("Sous embargo", "", "Plus tard.").replace("2026-02-20", "2099-01-04");
        let p = preview(&mut session, path, &future);
        assert!(h1(&p.html.expect("the embargoed page")).contains("Sous embargo"));
    }

    #[test]
    fn the_other_articles_keep_the_sites_rules() {
        let (dir, mut session) = site();
        let draft = "content/actualites/en-cours.md";
        let text = article("En cours", "draft: true\n", "Pas encore.");
        std::fs::write(dir.path().join(draft), text).expect("draft saved");
        let mut changes = Changes::default();
        changes.add(Path::new(draft));
        assert!(session.apply(&changes).ok);
        let linking = article("Lien", "", "Voir [l’article en cours](en-cours.md).");
        let path = Path::new("content/actualites/lien.md");
        let p = preview(&mut session, path, &linking);
        assert_eq!(p.html, None);
        assert!(
            p.diagnostics
                .iter()
                .any(|d| d.code == Code::LinkToUnpublished && d.is_error()),
            "{:?}",
            p.diagnostics
        );
    }

    #[test]
    fn a_link_to_a_missing_article_is_this_articles_error() {
        let (dir, mut session) = site();
        let text = format!(
            "{}\nVoir [le bilan](bilan-inexistant.md).\n",
            read(&dir, WELCOME)
        );
        let p = preview(&mut session, Path::new(WELCOME), &text);
        assert_eq!(p.html, None);
        let broken = p
            .diagnostics
            .iter()
            .find(|d| d.code == Code::LinkBroken)
            .expect("the broken link");
        let line = text.lines().count();
        assert_eq!(broken.position.as_ref().map(|p| p.line), Some(line));
        // Only this article's: the others' files are not named.
        assert!(
            p.diagnostics
                .iter()
                .all(|d| d.file.as_deref() == Some(Path::new(WELCOME)))
        );
    }

    #[test]
    fn the_lints_of_check_are_included() {
        let (dir, mut session) = site();
        let text = format!(
            "{}\nPour tout savoir, [cliquez ici](https://example.org/).\n",
            read(&dir, WELCOME)
        );
        let p = preview(&mut session, Path::new(WELCOME), &text);
        assert!(p.html.is_some());
        let vague = p
            .diagnostics
            .iter()
            .find(|d| d.code == Code::A11yVagueLink)
            .expect("the vague link");
        assert!(!vague.is_error());
    }

    #[test]
    fn a_path_outside_content_is_refused_without_a_page() {
        let (_dir, mut session) = site();
        for path in [
            "site.yaml",
            "content/../x.md",
            "content/actualites/_index.md",
            "content/index.md",
        ] {
            let p = preview(&mut session, Path::new(path), "---\ntitle: x\n---\n");
            assert_eq!(p.html, None, "{path}");
            assert_eq!(p.diagnostics.len(), 1, "{path}");
            assert_eq!(p.diagnostics[0].code, Code::NewBadPath, "{path}");
        }
    }

    #[test]
    fn the_session_serves_and_rebuilds_as_if_nothing_was_previewed() {
        let (dir, mut session) = site();
        let (other_dir, mut other) = site();
        let page = "actualites/bienvenue/index.html";
        let before = session.files().clone();
        let text = read(&dir, WELCOME).replace("Un nouveau site", "Un site refait");
        let p = preview(&mut session, Path::new(WELCOME), &text);
        assert!(p.html.is_some_and(|h| h.contains("Un site refait")));
        let p = preview(
            &mut session,
            Path::new("content/actualites/neuf.md"),
            &article("Neuf", "", "Texte."),
        );
        assert!(p.html.is_some());
        assert!(session.files() == &before, "the served files changed");
        assert!(!served(&session, page).contains("Un site refait"));
        assert!(!session.files().contains_key("actualites/neuf/index.html"));
        // The next rebuild: a body edit saved in both sites.
        for (d, s) in [(&dir, &mut session), (&other_dir, &mut other)] {
            let saved = read(d, WELCOME) + "\nUn paragraphe ajouté.\n";
            std::fs::write(d.path().join(WELCOME), saved).expect("saved");
            let mut changes = Changes::default();
            changes.add(Path::new(WELCOME));
            let rebuilt = s.apply(&changes);
            assert!(rebuilt.ok);
            assert_eq!(rebuilt.route, crate::serve::incremental::Route::Articles);
        }
        assert!(served(&session, page).contains("Un paragraphe ajouté."));
        assert!(!served(&session, page).contains("Un site refait"));
        let keys = |s: &Session| s.files().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&session), keys(&other));
        assert_eq!(served(&session, page), served(&other, page));
    }

    /// An article of the example site that names further reading.
    const EXAMPLE_ARTICLE: &str = "content/actualites/comment-publier-sur-l-intranet.md";

    /// The repository's example site (its photos served as uploaded: no
    /// cache is copied) in a temporary folder, one of its articles naming a
    /// draft in its `related:`, and the preview's session.
    fn example() -> (tempfile::TempDir, Session) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        for folder in ["content", "themes/gazette"] {
            for entry in walkdir::WalkDir::new(repo.join(folder)) {
                let entry = entry.expect("example file");
                let rel = entry.path().strip_prefix(repo).expect("inside");
                let to = dir.path().join(rel);
                if entry.file_type().is_dir() {
                    std::fs::create_dir_all(&to).expect("folder");
                } else {
                    std::fs::copy(entry.path(), &to).expect("copy");
                }
            }
        }
        std::fs::copy(repo.join("site.yaml"), dir.path().join("site.yaml")).expect("settings");
        // A draft named in an article's `related:`: a warning of assembly,
        // which a preview shows with the others.
        std::fs::write(
            dir.path().join("content/actualites/brouillon.md"),
            article("Brouillon", "draft: true\n", "Pas encore."),
        )
        .expect("draft");
        let named = dir.path().join(EXAMPLE_ARTICLE);
        let text = std::fs::read_to_string(&named).expect("example article");
        std::fs::write(
            &named,
            text.replacen("related:\n", "related:\n  - actualites/brouillon.md\n", 1),
        )
        .expect("related");
        let mut session = Session::preview(options(&dir));
        let built = session.build();
        assert!(built.ok, "{:?}", built.diagnostics.sorted());
        (dir, session)
    }

    #[test]
    fn an_edit_that_moves_nothing_previews_as_a_site_assembled_for_it() {
        let (dir, mut session) = example();
        let paths: Vec<PathBuf> = session
            .site()
            .expect("built")
            .articles
            .iter()
            .map(|a| a.loaded.origin.path.clone())
            .collect();
        assert!(paths.len() > 12, "{}", paths.len());
        for (index, path) in paths.iter().enumerate() {
            let text = std::fs::read_to_string(dir.path().join(path)).expect("article");
            // Inside its quotes, if the title is quoted.
            let quote = ["\"", "'"]
                .into_iter()
                .find(|q| text.contains(&format!("\ntitle: {q}")))
                .unwrap_or("");
            let text = text.replacen(
                &format!("\ntitle: {quote}"),
                &format!("\ntitle: {quote}Relu, "),
                1,
            ) + "\nUn paragraphe ajouté, avec un [lien](/).\n";
            // The site patched in place is the one previewed, and shows
            // what a site assembled for the new text shows.
            let (patched, patched_at) = previewed_both_ways(&mut session, path, &text);
            assert_eq!(patched_at, Some(index), "{}: not patched", path.display());
            assert!(
                patched
                    .html
                    .as_deref()
                    .is_some_and(|h| h.contains("Relu, "))
            );
        }
        let warned = preview(
            &mut session,
            Path::new(EXAMPLE_ARTICLE),
            &std::fs::read_to_string(dir.path().join(EXAMPLE_ARTICLE)).expect("article"),
        );
        assert!(
            warned
                .diagnostics
                .iter()
                .any(|d| d.code == Code::RelatedUnpublished),
            "{:?}",
            warned.diagnostics
        );
        // The session is as built: its site has the texts of the files.
        let site = session.site().expect("built");
        assert!(!site.articles.iter().any(|a| a.title.contains("Relu, ")));
    }

    /// The preview of `text` at `path`, and where the last site was
    /// patched for it (the article's index; `None`: a site was assembled
    /// for it), checked against the preview of a site assembled for it.
    fn previewed_both_ways(
        session: &mut Session,
        path: &Path,
        text: &str,
    ) -> (Preview, Option<usize>) {
        let origin = origin(session.pipeline().discovered(), path).expect("origin");
        let loaded = session
            .pipeline()
            .load_text(origin.clone(), text)
            .expect("settings read");
        let patched = match &loaded {
            Ok(article) => session.patch_unsaved(path, article).map(|unsaved| {
                let index = unsaved.index;
                session.put_back(unsaved);
                index
            }),
            Err(_) => None,
        };
        let previewed = preview(session, path, text);
        let full = preview_assembled(session, &origin, &loaded, path);
        assert_eq!(previewed, full, "{}:\n{text}", path.display());
        (previewed, patched)
    }

    /// `text` with the front matter line starting with `key` replaced by
    /// `line`, or `line` added after the title when there is none.
    fn with_line(text: &str, key: &str, line: &str) -> String {
        let (head, body) = text[4..].split_once("\n---").expect("front matter");
        let mut lines: Vec<String> = head.lines().map(str::to_string).collect();
        // A value on the lines below the key (`tags:\n  - a`) goes with it.
        match lines.iter().position(|l| l.starts_with(key)) {
            Some(at) => {
                let mut end = at + 1;
                while lines.get(end).is_some_and(|l| l.starts_with(' ')) {
                    end += 1;
                }
                lines.splice(at..end, [line.to_string()]);
            }
            None => lines.insert(1, line.to_string()),
        }
        format!("---\n{}\n---{body}", lines.join("\n"))
    }

    #[test]
    fn an_edit_that_moves_the_article_previews_as_a_site_assembled_for_it() {
        let (dir, mut session) = example();
        let articles: Vec<(PathBuf, bool)> = session
            .site()
            .expect("built")
            .articles
            .iter()
            .map(|a| {
                (
                    a.loaded.origin.path.clone(),
                    a.loaded.origin.bundle.is_some(),
                )
            })
            .collect();
        let mut patched_edits = 0;
        for (path, bundle) in &articles {
            let text = std::fs::read_to_string(dir.path().join(path)).expect("article");
            // Edits that move the article, and errors: each previews as a site
            // assembled for it shows it, and the last site is patched for
            // all but a bundle's new address (its files' addresses would
            // change).
            for (edit, patched) in [
                (with_line(&text, "date:", "date: 2019-05-03"), true),
                (with_line(&text, "date:", "date: 2031-01-01"), true),
                (with_line(&text, "draft:", "draft: true"), true),
                (with_line(&text, "tags:", "tags: [intranet]"), true),
                (with_line(&text, "slug:", "slug: relu-autrement"), !bundle),
                (
                    with_line(&text, "tags:", "tags: [une étiquette inédite]"),
                    true,
                ),
                (
                    with_line(&text, "date:", "date: 2019-05-03")
                        + "\n[Un lien](nulle-part.md) et ![une image](absente.png)\n",
                    true,
                ),
                (
                    text.clone() + "\n[Un lien](nulle-part.md) et ![une image](absente.png)\n",
                    true,
                ),
            ] {
                let (shown, patched_at) = previewed_both_ways(&mut session, path, &edit);
                let was_patched = patched_at.is_some();
                // Errors in the text: no page, and the errors.
                let broken = edit.contains("nulle-part.md");
                let errors = shown.diagnostics.iter().filter(|d| d.is_error()).count();
                assert_eq!(
                    (shown.html.is_some(), errors),
                    (!broken, if broken { 2 } else { 0 }),
                    "{}: {edit}\n{:?}",
                    path.display(),
                    shown.diagnostics
                );
                assert_eq!(was_patched, patched, "{}:\n{edit}", path.display());
                patched_edits += usize::from(was_patched);
            }
            // The same text as a new article beside it: placed (a bundle's
            // text then names files that are not beside it: errors).
            let section = path
                .strip_prefix("content")
                .expect("in content")
                .components()
                .next()
                .expect("a section");
            let new = Path::new("content")
                .join(section)
                .join("un-nouvel-article-relu.md");
            let edit = with_line(&text, "slug:", "slug: un-nouvel-article-relu");
            let (_, patched_at) = previewed_both_ways(
                &mut session,
                &new,
                &with_line(&edit, "aliases:", "aliases: []"),
            );
            assert!(patched_at.is_some(), "{}: {edit}", new.display());
            // Its old addresses are the other's: assembled, with the error.
            if text.contains("\naliases:") {
                let (shown, patched_at) = previewed_both_ways(&mut session, &new, &edit);
                assert!(patched_at.is_none() && shown.html.is_none(), "{edit}");
            }
        }
        assert!(patched_edits > 60, "{patched_edits}");
        // The session is as built: nothing placed is left.
        let site = session.site().expect("built");
        assert_eq!(site.articles.len(), articles.len());
        assert!(
            !site
                .articles
                .iter()
                .any(|a| a.url.contains("relu-autrement"))
        );
    }

    #[test]
    fn an_organisation_first_named_by_the_previewed_article_takes_the_address_it_gives() {
        let (dir, mut session) = example();
        // The newest article names the registry's `caf-rhone` by its name
        // alone: the first to name it, it gives the organisation's page
        // its address, at the name.
        let witness = Path::new("content/actualites/temoin-du-rhone.md");
        let witness_text = |date: &str| {
            format!(
                "---\ntitle: Un témoin\ndate: {date}\norganisations: [Caf du Rhône]\n---\n\nUn témoignage.\n"
            )
        };
        std::fs::write(dir.path().join(witness), witness_text("2026-11-30")).expect("witness");
        assert!(session.build().ok);
        let path = Path::new("content/actualites/une-caf-du-rhone.md");
        let text = |date: &str| {
            format!(
                "---\ntitle: Une Caf\ndate: {date}\norganisations: [caf-rhone]\n---\n\nUn texte.\n"
            )
        };
        let link = |shown: &Preview, slug: &str| {
            shown
                .html
                .as_deref()
                .is_some_and(|h| h.contains(&format!("href=\"/organismes/{slug}/\"")))
        };
        // Older: placed in the last site, the organisation's page where it is.
        let (old, patched) = previewed_both_ways(&mut session, path, &text("2019-05-03"));
        assert!(patched.is_some());
        assert!(link(&old, "caf-du-rhone"), "{:?}", old.html);
        // Newer than the witness: named first by its id, the page moves
        // there; the site is assembled for the preview.
        let (new, patched) = previewed_both_ways(&mut session, path, &text("2026-12-01"));
        assert!(patched.is_none());
        assert!(link(&new, "caf-rhone"), "{:?}", new.html);
        // The witness made older: the article that named it first is gone,
        // the next one gives the address.
        let (older, patched) =
            previewed_both_ways(&mut session, witness, &witness_text("2019-05-03"));
        assert!(patched.is_none());
        assert!(link(&older, "caf-rhone"), "{:?}", older.html);
        // Its title edited: nothing moves.
        let (edited, patched) = previewed_both_ways(
            &mut session,
            witness,
            &witness_text("2026-11-30").replace("Un témoin", "Un autre témoin"),
        );
        assert!(patched.is_some());
        assert!(link(&edited, "caf-du-rhone"), "{:?}", edited.html);
    }
}
