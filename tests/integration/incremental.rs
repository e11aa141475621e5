//! The incremental session and the watcher, driven the way a writer drives
//! them: files edited, created, deleted and renamed in a copy of the
//! example site, then what was rebuilt checked.
//!
//! The session is driven directly, through the library, for the
//! byte-for-byte comparisons with a full build (every kind of change, one
//! after the other, on the same session). The processes that use it,
//! `gazette build --watch` and `gazette serve`, are tested in `serve`.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use gazette::build::{self, BuildOptions};
use gazette::render::Files;
use gazette::serve::incremental::{Rebuilt, Route, Session};
use gazette::serve::watch::{Changes, SourceWatcher};

use crate::support::{
    EXAMPLE_ARTICLE as ARTICLE, EXAMPLE_ARTICLE_PAGE as ARTICLE_PAGE, TestSite, append, replace_in,
};

/// Paths of the site as a watcher reports them.
fn changes(paths: &[&str]) -> Changes {
    let mut c = Changes::default();
    for p in paths {
        c.add(Path::new(p));
    }
    c
}

/// The sessions are `build --watch`'s (`Session::publishing`): what they
/// write must be what `build` writes, photos' variants included. (The
/// preview's, `Session::preview`, encodes nothing itself: see
/// `the_preview_takes_cached_variants_and_keeps_them_on_a_body_edit`.)
fn opts(root: &Path) -> BuildOptions {
    BuildOptions {
        base_url: Some("http://127.0.0.1:1111/".into()),
        ..BuildOptions::of(root)
    }
}

/// Asserts the session's files are exactly a full build's.
fn assert_equals_full_build(session: &mut Session, root: &Path, step: &str) {
    let full = build::build_in_memory(&opts(root));
    assert!(
        !full.diagnostics.has_errors(),
        "{step}: the full build fails:\n{}",
        full.diagnostics.render(gazette::language::Language::Fr)
    );
    let incremental: &Files = session.files_complete();
    let only_full: Vec<&String> = full
        .files
        .keys()
        .filter(|k| !incremental.contains_key(*k))
        .collect();
    let only_incremental: Vec<&String> = incremental
        .keys()
        .filter(|k| !full.files.contains_key(*k))
        .collect();
    let differ: Vec<&String> = full
        .files
        .iter()
        .filter(|(k, v)| incremental.get(*k).is_some_and(|w| w != *v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        only_full.is_empty() && only_incremental.is_empty() && differ.is_empty(),
        "{step}: incremental ≠ full build\nonly in full: {only_full:?}\nonly in incremental: {only_incremental:?}\ndiffer: {differ:?}"
    );
}

/// Asserts that a rebuild succeeded, else shows its diagnostics.
fn assert_built(r: &Rebuilt) {
    assert!(
        r.ok,
        "{}",
        r.diagnostics.render(gazette::language::Language::Fr)
    );
}

/// Applies `changed` (paths relative to the site), and returns the
/// rebuild with what it handed over first, each path with what was then
/// served.
fn apply_recording(session: &mut Session, changed: &[&str]) -> (Rebuilt, Vec<(String, Shown)>) {
    let mut shown = Vec::new();
    let r = session.apply_with(&changes(changed), &mut |files, changed| {
        shown.extend(changed.iter().map(|p| (p.clone(), files.get(p).cloned())));
    });
    (r, shown)
}

/// What a path served when it was handed over first.
type Shown = Option<gazette::render::Content>;

/// The paths of `shown`.
fn paths(shown: &[(String, Shown)]) -> Vec<&str> {
    shown.iter().map(|(p, _)| p.as_str()).collect()
}

/// Applies an edit of `article`'s front-matter texts, asserting that its
/// page, alone, was handed over first, and was already the page the
/// rebuild ends with.
fn apply_showing_first(session: &mut Session, article: &str, page: &str) -> Rebuilt {
    let (r, shown) = apply_recording(session, &[article]);
    assert_built(&r);
    assert_eq!(paths(&shown), [page]);
    assert_eq!(r.early, [page]);
    assert!(r.changed.contains(&page.to_string()), "{:?}", r.changed);
    assert_eq!(
        shown[0].1.as_ref(),
        session.files().get(page),
        "{page}: the page shown first is not the page rebuilt"
    );
    r
}

fn page_text(session: &Session, path: &str) -> String {
    match session.files().get(path) {
        Some(gazette::render::Content::Bytes(b)) => String::from_utf8_lossy(b).into_owned(),
        other => panic!("{path}: {other:?}"),
    }
}

#[test]
fn incremental_rebuilds_equal_full_builds() {
    let site = TestSite::example();
    let root = site.root.as_path();
    let mut session = Session::publishing(opts(root));
    let first = session.build();
    assert_built(&first);
    assert_equals_full_build(&mut session, root, "first build");

    // A body edit at the end: that page alone.
    append(&root.join(ARTICLE), "\nUn paragraphe ajouté à la fin.\n");
    let r = session.apply(&changes(&[ARTICLE]));
    assert_built(&r);
    assert_eq!(r.route, Route::Articles);
    assert_eq!(r.changed, [ARTICLE_PAGE]);
    assert!(page_text(&session, ARTICLE_PAGE).contains("Un paragraphe ajouté à la fin."));
    assert_equals_full_build(&mut session, root, "body edit");

    // Saved again with the same bytes: nothing.
    let r = session.apply(&changes(&[ARTICLE]));
    assert_eq!((r.route, r.changed.len()), (Route::Nothing, 0));

    // A new article without a lead: its page shown first, made from the
    // last site with the article placed in it, then the site assembled
    // with it. Its tag is one no article had: the page shown first links
    // it to the address the term's page gets with the rest, and is the
    // rebuild's. Then an edit of its first paragraph changes its summary,
    // so the listings showing it.
    let fresh = "content/actualites/note-de-service.md";
    let fresh_page = "actualites/note-de-service/index.html";
    fs::write(
        root.join(fresh),
        "---\ntitle: Note de service\ndate: 2026-04-20\ntags: [organisation]\n---\nPremier paragraphe.\n\nDeuxième paragraphe.\n",
    )
    .unwrap();
    let (r, shown) = apply_recording(&mut session, &[fresh]);
    assert_built(&r);
    assert_eq!(r.route, Route::Moved);
    assert_eq!(paths(&shown), [fresh_page]);
    let Some(gazette::render::Content::Bytes(first)) = &shown[0].1 else {
        panic!("{fresh_page} shown first: {:?}", shown[0].1);
    };
    assert!(
        String::from_utf8_lossy(first)
            .contains("<a class=\"tag\" href=\"/mots-cles/organisation/\">organisation</a>")
    );
    assert_eq!(r.early, [fresh_page]);
    assert!(r.changed.contains(&fresh_page.to_string()));
    assert_eq!(
        page_text(&session, fresh_page),
        String::from_utf8_lossy(first)
    );
    assert!(
        r.changed
            .contains(&"mots-cles/organisation/index.html".to_string())
    );
    assert_equals_full_build(&mut session, root, "new article");
    replace_in(
        &root.join(fresh),
        "Premier paragraphe.",
        "Premier paragraphe, réécrit.",
    );
    let r = session.apply(&changes(&[fresh]));
    assert_eq!(r.route, Route::Articles);
    // The home page lists it on its second page.
    assert!(
        r.changed.contains(&"page/2/index.html".to_string()),
        "{:?}",
        r.changed
    );
    assert!(!r.changed.contains(&"index.html".to_string()));
    assert!(r.changed.contains(&"actualites/index.html".to_string()));
    assert!(
        r.changed
            .contains(&"mots-cles/organisation/index.html".to_string())
    );
    assert!(r.changed.contains(&"atom.xml".to_string()));
    assert_equals_full_build(&mut session, root, "summary edit");

    // Front matter that moves nothing (a title): its page shown first, the
    // very page the rebuild ends with; then the site assembled again, and
    // only the pages that show the article rendered.
    replace_in(
        &root.join(fresh),
        "title: Note de service",
        "title: Note de service corrigée",
    );
    let r = apply_showing_first(&mut session, fresh, "actualites/note-de-service/index.html");
    assert_eq!(r.route, Route::InPlace, "{:?}", r.changed);
    for page in [
        "actualites/note-de-service/index.html",
        "page/2/index.html",
        "actualites/index.html",
        "mots-cles/organisation/index.html",
        "atom.xml",
    ] {
        assert!(
            r.changed.contains(&page.to_string()),
            "{page}: {:?}",
            r.changed
        );
    }
    assert!(!r.changed.contains(&"index.html".to_string()));
    assert!(r.removed.is_empty(), "{:?}", r.removed);
    assert_equals_full_build(&mut session, root, "title");
    // The same for an article that other articles show in their « À lire
    // aussi », with an interview, people and quotes.
    replace_in(&root.join(ARTICLE), "\ntitle: ", "\ntitle: Relu, ");
    let r = apply_showing_first(&mut session, ARTICLE, ARTICLE_PAGE);
    assert_eq!(r.route, Route::InPlace, "{:?}", r.changed);
    assert_equals_full_build(&mut session, root, "title with related");
    // The texts of an article's quotes, interview, testimonies, lead and
    // cover caption, with its body, in one save: its page first too.
    let mentoring = "content/portraits/binome-mentorat/index.md";
    let mentoring_page = "portraits/binome-mentorat/index.html";
    for (from, to) in [
        (
            "  caption: Le programme",
            "  caption: Légende revue. Le programme",
        ),
        (
            "summary: \"Depuis un an",
            "summary: \"Chapeau revu. Depuis un an",
        ),
        (
            "  intro: \"Camille",
            "  intro: \"Introduction revue. Camille",
        ),
        ("    - q: Camille,", "    - q: Question revue, Camille,"),
        (
            "      - text: \"Accompagner",
            "      - text: \"Témoignage revu. Accompagner",
        ),
        (
            "    text: \"Le mentorat",
            "    text: \"Citation revue. Le mentorat",
        ),
    ] {
        replace_in(&root.join(mentoring), from, to);
    }
    append(&root.join(mentoring), "\nEt un mot de plus.\n");
    let r = apply_showing_first(&mut session, mentoring, mentoring_page);
    assert_eq!(r.route, Route::InPlace, "{:?}", r.changed);
    let page = page_text(&session, mentoring_page);
    for shown in [
        "Légende revue.",
        "Chapeau revu.",
        "Introduction revue.",
        "Question revue,",
        "Témoignage revu.",
        "Citation revue.",
        "Et un mot de plus.",
    ] {
        assert!(
            page.contains(shown),
            "{mentoring_page} does not show {shown:?}"
        );
    }
    assert_equals_full_build(&mut session, root, "texts of the front matter");

    // Front matter that moves the article: date, tags, slug, draft. The
    // site is assembled again, and only the pages that differ from the
    // last site's are rendered (`render::moved`). While its page stays
    // where it is (a date, tags), that page is shown first, made from the
    // last site with the article placed at its new place: the same as the
    // rebuild's.
    let page = "actualites/note-de-service/index.html";
    replace_in(&root.join(fresh), "date: 2026-04-20", "date: 2025-01-05");
    let r = apply_showing_first(&mut session, fresh, page);
    assert_eq!(r.route, Route::Moved);
    assert!(page_text(&session, page).contains("datetime=\"2025-01-05\""));
    assert!(
        r.changed.contains(&"page/2/index.html".to_string()),
        "{:?}",
        r.changed
    );
    assert_equals_full_build(&mut session, root, "date");
    // A term no article had: its page comes with the site, and the
    // article's page, shown first, links to it already.
    replace_in(
        &root.join(fresh),
        "tags: [organisation]",
        "tags: [mutation-rare]",
    );
    let (r, shown) = apply_recording(&mut session, &[fresh]);
    assert_built(&r);
    assert_eq!(paths(&shown), [page]);
    assert_eq!(
        (r.route, r.early.as_slice()),
        (Route::Moved, [page.to_string()].as_slice())
    );
    assert!(r.changed.contains(&page.to_string()));
    assert!(page_text(&session, page).contains("href=\"/mots-cles/mutation-rare/\""));
    assert!(
        r.changed
            .contains(&"mots-cles/mutation-rare/index.html".to_string())
    );
    assert!(
        r.removed
            .contains(&"mots-cles/organisation/index.html".to_string())
    );
    assert_equals_full_build(&mut session, root, "tags");
    // A new address: the page at that address shown first, made from the
    // last site with the article placed at it and left out of its old
    // place; the page of an article that links to it changes.
    let link = "\nVoir la [note de service](note-de-service.md).\n";
    append(&root.join(ARTICLE), link);
    assert_built(&session.apply(&changes(&[ARTICLE])));
    replace_in(
        &root.join(fresh),
        "title: Note",
        "slug: note-renommee\ntitle: Note",
    );
    let r = apply_showing_first(&mut session, fresh, "actualites/note-renommee/index.html");
    assert_eq!(r.route, Route::Moved);
    assert!(
        r.removed
            .contains(&"actualites/note-de-service/index.html".to_string())
    );
    assert!(
        r.changed
            .contains(&"actualites/note-renommee/index.html".to_string())
    );
    assert!(r.changed.contains(&ARTICLE_PAGE.to_string()));
    assert!(page_text(&session, ARTICLE_PAGE).contains("/actualites/note-renommee/"));
    assert_equals_full_build(&mut session, root, "slug");
    replace_in(&root.join(ARTICLE), link, "");
    assert_built(&session.apply(&changes(&[ARTICLE])));
    replace_in(&root.join(fresh), "title: Note", "draft: true\ntitle: Note");
    let r = session.apply(&changes(&[fresh]));
    assert_eq!((r.route, r.early.len()), (Route::Moved, 0));
    assert!(
        r.removed
            .contains(&"actualites/note-renommee/index.html".to_string())
    );
    assert_equals_full_build(&mut session, root, "draft");
    // A body edit of a draft changes nothing.
    append(&root.join(fresh), "\nEncore.\n");
    let r = session.apply(&changes(&[fresh]));
    assert_eq!((r.route, r.changed.len()), (Route::Nothing, 0));
    assert_equals_full_build(&mut session, root, "draft body");

    // A heading renamed: other articles may link to it, so the site is
    // assembled again; the pages of the articles whose links changed
    // are rendered again with it.
    replace_in(&root.join(ARTICLE), "\n## ", "\n## Renommé : ");
    let r = session.apply(&changes(&[ARTICLE]));
    assert_eq!(r.route, Route::Moved);
    assert_equals_full_build(&mut session, root, "heading");

    // Rename and delete.
    let renamed = "content/actualites/publier-sur-l-intranet.md";
    fs::rename(root.join(ARTICLE), root.join(renamed)).unwrap();
    let r = session.apply(&changes(&[ARTICLE, renamed]));
    assert_built(&r);
    assert!(r.removed.contains(&ARTICLE_PAGE.to_string()));
    assert!(
        r.changed
            .contains(&"actualites/publier-sur-l-intranet/index.html".to_string())
    );
    assert_equals_full_build(&mut session, root, "rename");
    fs::remove_file(root.join(fresh)).unwrap();
    let r = session.apply(&changes(&[fresh]));
    assert!(r.ok);
    assert_equals_full_build(&mut session, root, "delete");

    // A section's title.
    replace_in(
        &root.join("content/actualites/_index.md"),
        "title: ",
        "title: Toutes les ",
    );
    let r = session.apply(&changes(&["content/actualites/_index.md"]));
    assert_eq!(r.route, Route::Full);
    assert_equals_full_build(&mut session, root, "section");

    // A template: every page rendered, nothing parsed.
    let base = "themes/gazette/templates/base.html";
    replace_in(
        &root.join(base),
        "<footer class=\"site-footer\">",
        "<footer class=\"site-footer\" data-edited=\"1\">",
    );
    let r = session.apply(&changes(&[base]));
    assert_eq!(r.route, Route::Templates);
    assert!(r.changed.contains(&"index.html".to_string()));
    assert!(!r.changed.iter().any(|p| p.ends_with(".css")));
    assert_equals_full_build(&mut session, root, "template");

    // The pages' stylesheets have hashed names: an edit is a new name,
    // which every page names, and the former file goes.
    let css = "themes/gazette/static/css/print.css";
    append(&root.join(css), "\n/* édité */\n");
    let r = session.apply(&changes(&[css]));
    // Every page rendered again, nothing loaded.
    assert_eq!(r.route, Route::Templates);
    assert!(r.changed.contains(&"index.html".to_string()));
    assert!(
        r.removed.iter().all(|p| p.starts_with("css/print.")),
        "{:?}",
        r.removed
    );
    assert_eq!(r.removed.len(), 1);
    assert!(!r.css_only());
    assert_equals_full_build(&mut session, root, "print css");
    let main_css = "themes/gazette/static/css/gazette.css";
    append(&root.join(main_css), "\nbody { outline: 0 }\n");
    session.apply(&changes(&[main_css]));
    assert_equals_full_build(&mut session, root, "css");
    // In the preview, the names stay plain: a stylesheet is swapped in place.
    let mut preview = Session::preview(opts(root));
    preview.build();
    append(&root.join(css), "\n/* encore */\n");
    let r = preview.apply(&changes(&[css]));
    assert_eq!(r.route, Route::Statics);
    assert_eq!(r.changed, ["css/print.css"]);
    assert!(r.css_only());
    session.apply(&changes(&[css]));
    assert_equals_full_build(&mut session, root, "css again");
    fs::create_dir_all(root.join("static")).unwrap();
    fs::write(root.join("static/humans.txt"), "Équipe RH\n").unwrap();
    let r = session.apply(&changes(&["static/humans.txt"]));
    assert_eq!(r.changed, ["humans.txt"]);
    assert_equals_full_build(&mut session, root, "new static");

    // Broken, then fixed: the last good files stay meanwhile.
    let before = session.files().clone();
    let good = fs::read_to_string(root.join(renamed)).unwrap();
    fs::write(root.join(renamed), good.replacen("title:", "titel:", 1)).unwrap();
    let r = session.apply(&changes(&[renamed]));
    assert!(!r.ok);
    assert!(
        r.diagnostics
            .render(gazette::language::Language::Fr)
            .contains("titel"),
        "{}",
        r.diagnostics.render(gazette::language::Language::Fr)
    );
    assert!(
        session.files() == &before,
        "a failed rebuild changed the files"
    );
    fs::write(
        root.join(renamed),
        good.replace("Un paragraphe ajouté", "Réparé"),
    )
    .unwrap();
    let r = session.apply(&changes(&[renamed]));
    assert_built(&r);
    assert_eq!(r.route, Route::Articles);
    assert_equals_full_build(&mut session, root, "fixed");

    // The settings: everything again.
    replace_in(&root.join("site.yaml"), "paginate_by: 6", "paginate_by: 4");
    let r = session.apply(&changes(&["site.yaml"]));
    assert_built(&r);
    assert_eq!(r.route, Route::Full);
    assert_equals_full_build(&mut session, root, "settings");
}

#[test]
fn a_pinned_article_s_first_paragraph_edited_renders_the_home_page_again() {
    let site = TestSite::example();
    let root = site.root.as_path();
    // Old, so that only its pin puts it on the home page's first page.
    let pinned = "content/actualites/rappel-permanent.md";
    fs::write(
        root.join(pinned),
        "---\ntitle: Rappel permanent\ndate: 2019-01-07\npinned: true\n---\nPremier paragraphe.\n\nDeuxième paragraphe.\n",
    )
    .unwrap();
    let mut session = Session::publishing(opts(root));
    assert_built(&session.build());
    assert!(page_text(&session, "index.html").contains("Premier paragraphe."));
    replace_in(
        &root.join(pinned),
        "Premier paragraphe.",
        "Premier paragraphe, réécrit.",
    );
    let r = session.apply(&changes(&[pinned]));
    assert_built(&r);
    assert_eq!(r.route, Route::Articles);
    assert!(
        r.changed.contains(&"index.html".to_string()),
        "{:?}",
        r.changed
    );
    assert!(page_text(&session, "index.html").contains("Premier paragraphe, réécrit."));
    assert_equals_full_build(&mut session, root, "a pinned article's summary");
}

#[test]
fn a_new_or_renamed_bundle_shows_its_page_and_files_first() {
    let site = TestSite::example();
    let root = site.root.as_path();
    let mut session = Session::publishing(opts(root));
    assert_built(&session.build());
    // A bundle made by hand: its folder, its file, its `index.md` linking
    // to the file. The page and the file are served before the site is
    // discovered and assembled again, as the rebuild then has them.
    let dir = "content/actualites/forum-2027";
    fs::create_dir(root.join(dir)).unwrap();
    fs::write(
        root.join(dir).join("programme.pdf"),
        b"%PDF-1.4 programme\n",
    )
    .unwrap();
    fs::write(
        root.join(dir).join("index.md"),
        "---\ntitle: Forum 2027\ndate: 2026-03-20\ntags: [formation]\n---\n\
         Le [programme](programme.pdf) est prêt.\n",
    )
    .unwrap();
    let (r, shown) = apply_recording(
        &mut session,
        &[
            dir,
            "content/actualites/forum-2027/programme.pdf",
            "content/actualites/forum-2027/index.md",
        ],
    );
    assert_built(&r);
    let page = "actualites/forum-2027/index.html";
    let file = "actualites/forum-2027/programme.pdf";
    assert_eq!(paths(&shown), [page, file]);
    assert_eq!(r.early, [page, file]);
    // The rest rendered where it differs, as for an article added.
    assert_eq!(r.route, Route::Moved);
    for (path, content) in &shown {
        assert_eq!(content.as_ref(), session.files().get(path), "{path}");
    }
    assert!(page_text(&session, page).contains("href=\"/actualites/forum-2027/programme.pdf\""));
    assert_equals_full_build(&mut session, root, "a new bundle");

    // Renamed (its folder alone is reported): at its new address first,
    // its old one removed by the rebuild.
    let renamed = "content/actualites/forum-des-metiers-2027";
    fs::rename(root.join(dir), root.join(renamed)).unwrap();
    let (r, shown) = apply_recording(&mut session, &[dir, renamed]);
    assert_built(&r);
    let new_page = "actualites/forum-des-metiers-2027/index.html";
    let new_file = "actualites/forum-des-metiers-2027/programme.pdf";
    assert_eq!(paths(&shown), [new_page, new_file]);
    assert_eq!(r.early, [new_page, new_file]);
    assert_eq!(r.route, Route::Moved);
    assert!(r.removed.contains(&page.to_string()) && r.removed.contains(&file.to_string()));
    assert_equals_full_build(&mut session, root, "a renamed bundle");

    // Removed with its file: its page and its file go, the rest compared.
    let gone = "content/actualites/forum-des-metiers-2027-copie";
    fs::create_dir(root.join(gone)).unwrap();
    for name in ["index.md", "programme.pdf"] {
        fs::copy(root.join(renamed).join(name), root.join(gone).join(name)).unwrap();
    }
    replace_in(
        &root.join(gone).join("index.md"),
        "Forum 2027",
        "Forum 2027, copie",
    );
    let (r, shown) = apply_recording(&mut session, &[gone]);
    assert_built(&r);
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert_equals_full_build(&mut session, root, "a bundle copied");
    fs::remove_dir_all(root.join(gone)).unwrap();
    let (r2, shown) = apply_recording(&mut session, &[gone]);
    assert_built(&r2);
    assert!(shown.is_empty(), "{shown:?}");
    assert_eq!((r.route, r2.route), (Route::Moved, Route::Moved));
    assert!(
        r2.removed
            .contains(&"actualites/forum-des-metiers-2027-copie/programme.pdf".to_string()),
        "{:?}",
        r2.removed
    );
    assert_equals_full_build(&mut session, root, "a bundle removed");

    // A bundle with a photo: its variants published with the rest, the
    // other pages compared, not all rendered again.
    let photo = "content/actualites/forum-en-images";
    fs::create_dir(root.join(photo)).unwrap();
    fs::copy(
        root.join("content/actualites/forum-des-metiers/cover.png"),
        root.join(photo).join("photo.png"),
    )
    .unwrap();
    fs::write(
        root.join(photo).join("index.md"),
        "---\ntitle: Le forum en images\ndate: 2026-03-21\n---\n\n\
         ![Des stands dans un hall](photo.png)\n",
    )
    .unwrap();
    let (r, _) = apply_recording(&mut session, &[photo]);
    assert_built(&r);
    assert_eq!(r.route, Route::Moved);
    assert!(
        r.changed
            .iter()
            .any(|p| p.starts_with("actualites/forum-en-images/") && p.ends_with(".webp")),
        "{:?}",
        r.changed
    );
    assert_equals_full_build(&mut session, root, "a bundle with a photo");
    fs::remove_dir_all(root.join(photo)).unwrap();
    let (r, _) = apply_recording(&mut session, &[photo]);
    assert_built(&r);
    assert_eq!(r.route, Route::Moved);
    assert_equals_full_build(&mut session, root, "a bundle with a photo removed");

    // A file added to a bundle that stays, a file beside articles: nothing
    // first, the full path.
    fs::write(root.join(renamed).join("plan.pdf"), b"%PDF-1.4 plan\n").unwrap();
    let (r, shown) = apply_recording(
        &mut session,
        &["content/actualites/forum-des-metiers-2027/plan.pdf"],
    );
    assert_built(&r);
    assert!(shown.is_empty(), "{shown:?}");
    assert!(
        r.changed
            .contains(&"actualites/forum-des-metiers-2027/plan.pdf".to_string())
    );
    assert_equals_full_build(&mut session, root, "a file added to a bundle");
    fs::write(root.join("content/actualites/note.pdf"), b"%PDF-1.4 note\n").unwrap();
    let (r, shown) = apply_recording(&mut session, &["content/actualites/note.pdf"]);
    assert_built(&r);
    assert!(shown.is_empty(), "{shown:?}");
    assert!(r.changed.contains(&"actualites/note.pdf".to_string()));
    assert_equals_full_build(&mut session, root, "a file beside articles");
}

#[test]
fn a_new_article_s_page_is_shown_first_as_the_rebuild_ends_with_it() {
    let site = TestSite::example();
    let root = site.root.as_path();
    let mut session = Session::publishing(opts(root));
    assert_built(&session.build());
    // Dated among the others, with tags other articles have (its "further
    // reading" chosen among them), a link to another article and a
    // category: the page shown first, made from the last site, is the
    // very page the rebuild ends with.
    let fresh = "content/actualites/charte-du-teletravail.md";
    let page = "actualites/charte-du-teletravail/index.html";
    fs::write(
        root.join(fresh),
        "---\ntitle: La charte du télétravail\ndate: 2026-03-20\n\
         category: Dialogue social\ntags: [télétravail, management]\n\
         aliases: [/anciennes-actus/charte/]\n---\n\
         Elle complète [l'accord](2026-03-12-accord-teletravail-signe.md).\n",
    )
    .unwrap();
    let r = apply_showing_first(&mut session, fresh, page);
    assert_eq!(r.route, Route::Moved);
    assert!(
        r.changed
            .contains(&"anciennes-actus/charte/index.html".to_string()),
        "its alias comes with the rebuild: {:?}",
        r.changed
    );
    let shown = page_text(&session, page);
    assert!(
        shown.contains("/actualites/accord-teletravail-signe/"),
        "{shown}"
    );
    assert_equals_full_build(&mut session, root, "a new article");

    // Renamed: the page at its new address shown first, the article left
    // out of its old place (its "further reading" chosen without it), and
    // the same as the rebuild's.
    let renamed = "content/actualites/charte-teletravail-2026.md";
    let renamed_page = "actualites/charte-teletravail-2026/index.html";
    fs::rename(root.join(fresh), root.join(renamed)).unwrap();
    let (r, shown) = apply_recording(&mut session, &[fresh, renamed]);
    assert_built(&r);
    assert_eq!(paths(&shown), [renamed_page]);
    assert_eq!(r.early, [renamed_page]);
    assert!(r.removed.contains(&page.to_string()), "{:?}", r.removed);
    assert_equals_full_build(&mut session, root, "renamed");

    // Made a draft: no page first, it leaves. Published again: its page
    // first.
    replace_in(
        &root.join(renamed),
        "title: La charte",
        "draft: true\ntitle: La charte",
    );
    let (r, shown) = apply_recording(&mut session, &[renamed]);
    assert_built(&r);
    assert!(shown.is_empty(), "{shown:?}");
    assert!(r.removed.contains(&renamed_page.to_string()));
    assert_equals_full_build(&mut session, root, "draft");
    replace_in(&root.join(renamed), "draft: true\n", "");
    apply_showing_first(&mut session, renamed, renamed_page);
    assert_equals_full_build(&mut session, root, "published again");

    // A new draft, a new article whose address is taken, a new article
    // that does not load: no page first, the full path says what it says.
    for (name, text) in [
        (
            "brouillon",
            "---\ntitle: Brouillon\ndate: 2026-03-21\ndraft: true\n---\nTexte.\n",
        ),
        (
            "doublon",
            "---\ntitle: Doublon\ndate: 2026-03-21\nslug: charte-teletravail-2026\n---\nTexte.\n",
        ),
        (
            "casse",
            "---\ntitle: [Cassé\ndate: 2026-03-21\n---\nTexte.\n",
        ),
    ] {
        let path = format!("content/actualites/{name}.md");
        fs::write(root.join(&path), text).unwrap();
        let (r, shown) = apply_recording(&mut session, &[&path]);
        assert!(shown.is_empty(), "{name}: {shown:?}");
        assert_eq!(r.ok, name == "brouillon", "{name}");
        fs::remove_file(root.join(&path)).unwrap();
        assert_built(&session.apply(&changes(&[&path])));
    }
    assert_equals_full_build(&mut session, root, "after the refused ones");
}

#[test]
fn a_page_shown_first_is_put_back_when_the_rest_of_the_rebuild_fails() {
    let site = TestSite::example();
    let root = site.root.as_path();
    // A section template that fails on one title: the article's own page
    // renders, its section's listing does not.
    replace_in(
        &root.join("themes/gazette/templates/section.html"),
        "{% block content %}",
        "{% block content %}{% for item in pager.items %}{% if \"EN PANNE\" in item.title %}{{ panne.absente }}{% endif %}{% endfor %}",
    );
    let mut session = Session::preview(opts(root));
    assert!(session.build().ok);
    let before = session.files().clone();
    replace_in(&root.join(ARTICLE), "\ntitle: ", "\ntitle: EN PANNE ");
    let (r, shown) = apply_recording(&mut session, &[ARTICLE]);
    let message = r.diagnostics.render(gazette::language::Language::Fr);
    assert!(!r.ok);
    assert!(message.contains("section.html"), "{message}");
    // It was shown first, with the new title…
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].0, ARTICLE_PAGE);
    let Some(gazette::render::Content::Bytes(early)) = &shown[0].1 else {
        panic!("{:?}", shown[0].1)
    };
    assert!(String::from_utf8_lossy(early).contains("EN PANNE"));
    // …then put back, and named for the server to serve again.
    assert_eq!(r.changed, [ARTICLE_PAGE]);
    assert!(r.early.is_empty(), "{:?}", r.early);
    assert!(
        session.files() == &before,
        "the failed rebuild changed the files"
    );
    // Fixed: the page and the listings.
    replace_in(&root.join(ARTICLE), "\ntitle: EN PANNE ", "\ntitle: Relu, ");
    let r = session.apply(&changes(&[ARTICLE]));
    assert_built(&r);
    assert!(page_text(&session, ARTICLE_PAGE).contains("Relu, "));
    assert!(page_text(&session, "actualites/index.html").contains("Relu, "));
}

#[test]
fn a_failure_elsewhere_keeps_the_session_behind_until_fixed() {
    let site = TestSite::example();
    let root = site.root.as_path();
    let mut session = Session::publishing(opts(root));
    assert!(session.build().ok);
    let other = "content/actualites/semaine-qvct-2026.md";
    let good = fs::read_to_string(root.join(other)).unwrap();
    fs::write(root.join(other), "---\ntitle: [\n---\n").unwrap();
    assert!(!session.apply(&changes(&[other])).ok);
    // Another article's body edit must not publish a site that hides the
    // broken one.
    append(&root.join(ARTICLE), "\nAjout.\n");
    let r = session.apply(&changes(&[ARTICLE]));
    assert!(!r.ok, "a body edit elsewhere cannot fix the site");
    fs::write(root.join(other), good).unwrap();
    let r = session.apply(&changes(&[other]));
    assert_built(&r);
    assert!(page_text(&session, ARTICLE_PAGE).contains("Ajout."));
    assert_equals_full_build(&mut session, root, "after the fix");
}

/// No cascade in the preview either: an article that does not load is a
/// known target, so the session shows its own error alone, and fixing it
/// publishes the links to it; breaking it again shows its error alone.
#[test]
fn links_to_a_broken_article_are_published_once_it_is_fixed() {
    use crate::diagnostics::{BROKEN_ARTICLE, BROKEN_TITLE, LINKS_TO_BROKEN};
    let site = TestSite::fixture("errors/broken-article-linked");
    let root = site.root.as_path();
    let mut session = Session::publishing(opts(root));
    let only_its_own = |r: &gazette::serve::incremental::Rebuilt| {
        let files: Vec<String> = r
            .diagnostics
            .iter()
            .map(|d| {
                d.file
                    .as_ref()
                    .map(|f| f.display().to_string())
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(
            files,
            [BROKEN_ARTICLE],
            "{}",
            r.diagnostics.render(gazette::language::Language::Fr)
        );
    };
    let first = session.build();
    assert!(!first.ok);
    only_its_own(&first);
    for round in ["fixed", "fixed again"] {
        replace_in(&root.join(BROKEN_ARTICLE), BROKEN_TITLE.0, BROKEN_TITLE.1);
        let r = session.apply(&changes(&[BROKEN_ARTICLE]));
        assert!(
            r.ok,
            "{round}: {}",
            r.diagnostics.render(gazette::language::Language::Fr)
        );
        for (page, href) in LINKS_TO_BROKEN {
            let html = page_text(&session, page);
            assert!(
                html.contains(&format!("href=\"{href}\"")),
                "{round}: {page} lacks {href}"
            );
        }
        assert_equals_full_build(&mut session, root, round);
        replace_in(&root.join(BROKEN_ARTICLE), BROKEN_TITLE.1, BROKEN_TITLE.0);
        let r = session.apply(&changes(&[BROKEN_ARTICLE]));
        assert!(!r.ok, "{round}: broken again");
        only_its_own(&r);
    }
}

#[test]
fn a_file_added_while_an_article_is_broken_is_published_once_it_is_fixed() {
    let site = TestSite::example();
    let root = site.root.as_path();
    let mut session = Session::publishing(opts(root));
    assert!(session.build().ok);
    replace_in(&root.join(ARTICLE), "title:", "titel:");
    assert!(!session.apply(&changes(&[ARTICLE])).ok);
    // A static file and an image added while the site is broken.
    fs::create_dir_all(root.join("static")).unwrap();
    fs::write(root.join("static/note.txt"), "à lire").unwrap();
    let r = session.apply(&changes(&["static/note.txt"]));
    assert!(!r.ok, "the site is still broken");
    // The writer fixes the article: everything saved meanwhile is there.
    replace_in(&root.join(ARTICLE), "titel:", "title:");
    let r = session.apply(&changes(&[ARTICLE]));
    assert_built(&r);
    assert!(
        session.files().contains_key("note.txt"),
        "the file added while broken is missing"
    );
    assert_equals_full_build(&mut session, root, "after the fix");
}

#[test]
fn a_static_file_or_an_alias_taking_a_page_is_an_error_until_removed() {
    let site = TestSite::example();
    let root = site.root.as_path();
    let mut session = Session::publishing(opts(root));
    let first = session.build();
    assert_built(&first);
    // Only a static file changes: the fast path still checks every path.
    fs::create_dir_all(root.join("static")).unwrap();
    fs::write(root.join("static/404.html"), "<p>perdu</p>").unwrap();
    let r = session.apply(&changes(&["static/404.html"]));
    assert!(!r.ok, "a static file took the not-found page");
    assert_eq!(
        r.diagnostics.render(gazette::language::Language::Fr),
        "erreur : deux sources écriraient le même fichier /404.html : le fichier static/404.html et la page « introuvable » (404.html)\n --> static/404.html\n = aide : renommez ou déplacez le fichier\n"
    );
    fs::remove_file(root.join("static/404.html")).unwrap();
    let r = session.apply(&changes(&["static/404.html"]));
    assert_built(&r);
    // A front-matter change: the whole site is assembled and checked.
    let rel = "content/actualites/comment-publier-sur-l-intranet.md";
    let article = root.join(rel);
    replace_in(&article, "title:", "aliases: [/sitemap.xml]\ntitle:");
    let r = session.apply(&changes(&[rel]));
    assert!(!r.ok, "an alias took the sitemap");
    assert!(
        r.diagnostics.render(gazette::language::Language::Fr)
            .starts_with("erreur : /sitemap.xml serait à la fois un fichier, pour le plan du site (sitemap.xml), et un dossier"),
        "{}",
        r.diagnostics.render(gazette::language::Language::Fr)
    );
    replace_in(&article, "aliases: [/sitemap.xml]\n", "");
    let r = session.apply(&changes(&[rel]));
    assert_built(&r);
    assert_equals_full_build(&mut session, root, "paths fixed");
}

#[test]
fn a_registry_logo_deleted_from_static_is_an_error_until_it_is_back() {
    let site = TestSite::example();
    let root = site.root.as_path();
    fs::create_dir_all(root.join("static/images/logos")).unwrap();
    fs::write(
        root.join("static/images/logos/cnav.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    replace_in(
        &root.join("content/_organisations.yaml"),
        "  short: Cnav\n",
        "  short: Cnav\n  logo: /images/logos/cnav.svg\n",
    );
    let mut session = Session::publishing(opts(root));
    let first = session.build();
    assert_built(&first);
    // Only a static file changes: the fast path still checks the registry.
    fs::remove_file(root.join("static/images/logos/cnav.svg")).unwrap();
    let r = session.apply(&changes(&["static/images/logos/cnav.svg"]));
    assert!(!r.ok, "a logo the registry names is gone");
    let shown = r.diagnostics.render(gazette::language::Language::Fr);
    assert!(
        shown.contains("le fichier « /images/logos/cnav.svg » n’existe pas dans le site")
            && shown.contains("content/_organisations.yaml"),
        "{shown}"
    );
    fs::write(
        root.join("static/images/logos/cnav.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    let r = session.apply(&changes(&["static/images/logos/cnav.svg"]));
    assert_built(&r);
    assert_equals_full_build(&mut session, root, "logo back");
}

#[test]
fn the_watcher_sees_editor_saves_deletes_and_renames() {
    let site = TestSite::example();
    let root = site.root.as_path();
    let mut watcher = SourceWatcher::start(root).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let timeout = || Instant::now() > deadline;
    // A vim-style save: probe file, backup, new file renamed over.
    let target = root.join(ARTICLE);
    fs::write(root.join("content/actualites/4913"), "").unwrap();
    fs::remove_file(root.join("content/actualites/4913")).unwrap();
    fs::copy(&target, root.join(format!("{ARTICLE}~"))).unwrap();
    fs::write(root.join("content/actualites/.x.md.swp"), "swap").unwrap();
    let tmp = root.join("content/actualites/.accord.tmp");
    fs::write(&tmp, fs::read(&target).unwrap()).unwrap();
    fs::rename(&tmp, &target).unwrap();
    let c = watcher
        .next(Duration::from_millis(50), &timeout)
        .expect("changes");
    assert_eq!(c.articles.iter().collect::<Vec<_>>(), [Path::new(ARTICLE)]);
    assert!(
        !c.structure && !c.templates && c.statics.is_empty(),
        "{c:?}"
    );
    // A delete and a rename.
    let other = "content/actualites/semaine-qvct-2026.md";
    fs::remove_file(root.join(other)).unwrap();
    let c = watcher
        .next(Duration::from_millis(50), &timeout)
        .expect("changes");
    assert!(c.articles.contains(Path::new(other)), "{c:?}");
    let renamed = "content/actualites/nouveau-nom.md";
    fs::rename(root.join(ARTICLE), root.join(renamed)).unwrap();
    let c = watcher
        .next(Duration::from_millis(50), &timeout)
        .expect("changes");
    assert!(c.articles.contains(Path::new(ARTICLE)), "{c:?}");
    assert!(c.articles.contains(Path::new(renamed)), "{c:?}");
    // A static folder created after the start is watched too.
    fs::create_dir_all(root.join("static")).unwrap();
    let _ = watcher.next(Duration::from_millis(50), &timeout);
    fs::write(root.join("static/robots-extra.txt"), "x").unwrap();
    let mut seen = false;
    while let Some(c) = watcher.next(Duration::from_millis(50), &timeout) {
        if c.statics.contains(Path::new("static/robots-extra.txt")) {
            seen = true;
            break;
        }
    }
    assert!(seen, "a file in a new static/ folder was not seen");
}

/// The preview's session encodes nothing: a photo without variants in the
/// cache is shown as uploaded and sent to the worker; once the worker has
/// made them, the site assembled again names them, a body edit on the
/// fast path keeps them, and a new preview of the same site has them from
/// its first build.
#[test]
fn the_preview_takes_cached_variants_and_keeps_them_on_a_body_edit() {
    let site = TestSite::with_settings("");
    let article = "content/actualites/forum/index.md";
    site.write(
        article,
        "---\ntitle: Forum des métiers\ndate: 2026-03-12\n---\nLe forum revient.\n\n![La salle](salle.png)\n",
    );
    site.write(
        "content/actualites/forum/salle.png",
        crate::support::png(1000, 600),
    );
    let page = "actualites/forum/index.html";
    let picture = "<picture>";
    let (queue, jobs) = gazette::serve::photos::queue();
    let (made_tx, made_rx) = std::sync::mpsc::channel();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let _worker = jobs
        .start(site.path(""), stop.clone(), move |made| {
            let _ = made_tx.send(made);
        })
        .unwrap();
    let mut preview = Session::preview(opts(&site.path(""))).with_queue(queue);
    assert!(preview.build().ok);
    let first = page_text(&preview, page);
    assert!(!first.contains(picture), "nothing encoded yet: {first}");
    assert!(
        first.contains("<img src=\"/actualites/forum/salle.png\""),
        "{first}"
    );

    let made = made_rx
        .recv_timeout(Duration::from_secs(120))
        .expect("the worker made them");
    assert_eq!(made, 1);
    let again = Changes {
        structure: true,
        ..Changes::default()
    };
    assert!(preview.apply(&again).ok);
    let swapped = page_text(&preview, page);
    assert!(swapped.contains(picture), "{swapped}");
    assert!(
        preview
            .files()
            .contains_key("actualites/forum/salle.800w.png")
    );

    append(&site.path(article), "\nMot-ajouté.\n");
    let r = preview.apply(&changes(&[article]));
    assert_eq!(r.route, Route::Articles);
    let edited = page_text(&preview, page);
    assert!(
        edited.contains("Mot-ajouté.") && edited.contains(picture),
        "{edited}"
    );

    let mut warm = Session::preview(opts(&site.path("")));
    assert!(warm.build().ok);
    assert!(page_text(&warm, page).contains(picture));
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
}

#[test]
fn a_static_logo_in_variants_replaced_is_published_again_in_variants() {
    let site = TestSite::example();
    let root = site.root.as_path();
    fs::create_dir_all(root.join("static/images/logos")).unwrap();
    fs::write(
        root.join("static/images/logos/cnav.png"),
        crate::support::png(300, 100),
    )
    .unwrap();
    replace_in(
        &root.join("content/_organisations.yaml"),
        "  short: Cnav\n",
        "  short: Cnav\n  logo: /images/logos/cnav.png\n",
    );
    let mut session = Session::publishing(opts(root));
    let first = session.build();
    assert_built(&first);
    let files = session.files_complete();
    assert!(files.contains_key("images/logos/cnav.192w.png"));
    // 64 pixels high at 1× to 3×: 300 pixels wide is all there is.
    assert!(!files.contains_key("images/logos/cnav.384w.png"));
    // Only the static file changes: its variants are made again, not the
    // upload copied over its largest one.
    fs::write(
        root.join("static/images/logos/cnav.png"),
        crate::support::png(600, 200),
    )
    .unwrap();
    let r = session.apply(&changes(&["static/images/logos/cnav.png"]));
    assert_built(&r);
    assert_ne!(r.route, Route::Statics);
    let files = session.files_complete();
    for width in [192, 384, 576] {
        let path = format!("images/logos/cnav.{width}w.png");
        assert!(files.contains_key(&path), "{path}");
    }
    assert_equals_full_build(&mut session, root, "logo replaced");
}

#[test]
fn a_move_renders_again_only_the_pages_that_show_the_article_differently() {
    let site = TestSite::example();
    let root = site.root.as_path();
    let mut before = Session::preview(opts(root));
    assert_built(&before.build());
    // The article goes from the middle of the lists to their end.
    replace_in(&root.join(ARTICLE), "date: 2026-02-16", "date: 2024-01-08");
    let mut after = Session::preview(opts(root));
    assert_built(&after.build());
    let (old, new) = (before.site().unwrap(), after.site().unwrap());
    let theme = after.pipeline().theme().unwrap();
    let moved = gazette::render::moved::render_moved(old, new, theme, &mut Vec::new())
        .expect("only articles moved");
    assert!(moved.errors.is_empty() && moved.gone.is_empty());
    let rendered: Vec<&str> = moved.pages.keys().map(String::as_str).collect();
    for page in [
        ARTICLE_PAGE,
        "actualites/index.html",
        "mots-cles/intranet/index.html",
        "atom.xml",
        "sitemap.xml",
    ] {
        assert!(
            rendered.contains(&page),
            "{page} not rendered: {rendered:?}"
        );
    }
    // Every other article whose « À lire aussi » is what it was is left
    // as it was rendered, and so are the pages of the settings alone.
    let paths = |site: &gazette::site::Site, list: &[usize]| -> Vec<String> {
        list.iter()
            .map(|&i| site.articles[i].content_path.as_str().to_string())
            .collect()
    };
    let mut kept = 0;
    for a in &new.articles {
        let was = old
            .articles
            .iter()
            .find(|o| o.content_path == a.content_path)
            .unwrap();
        let page = a.rel_url.page_file();
        if page != ARTICLE_PAGE && paths(new, &a.related) == paths(old, &was.related) {
            assert!(!rendered.contains(&page.as_str()), "{page} rendered again");
            kept += 1;
        }
    }
    assert!(kept >= 10, "{kept}");
    assert!(!rendered.contains(&"404.html"));
    assert!(rendered.len() * 3 < after.files().len(), "{rendered:?}");
    // The files the session ends with after the same move are a full
    // build's (`incremental_rebuilds_equal_full_builds` for the others).
    let r = before.apply(&changes(&[ARTICLE]));
    assert_eq!(r.route, Route::Moved);
    assert!(before.files() == after.files());
}

/// A deterministic xorshift generator: the same edits on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % n as u64).unwrap_or_default()
    }
}

/// `text` with its first line starting with `key:` replaced by `line`.
fn with_line(text: &str, key: &str, line: &str) -> String {
    let prefix = format!("\n{key}:");
    let at = text.find(&prefix).expect("the key is there") + 1;
    let end = text[at..].find('\n').map_or(text.len(), |e| at + e);
    format!("{}{line}{}", &text[..at], &text[end..])
}

#[test]
fn random_moves_each_equal_a_full_build() {
    let site = TestSite::example();
    let root = site.root.as_path();
    let articles: Vec<String> = [
        "content/actualites/challenge-mobilite-douce.md",
        "content/actualites/mobilite-interne-2027.md",
        "content/actualites/semaine-qvct-2026.md",
        "content/portraits/premiers-jours.md",
        "content/vie-au-travail/reunions-efficaces.md",
        "content/actualites/bilan-social-2025/index.md",
        ARTICLE,
    ]
    .map(String::from)
    .to_vec();
    let dates = [
        "2024-03-02",
        "2025-12-03",
        "2026-02-16",
        "2026-06-30",
        "2026-11-11",
    ];
    let tags = [
        "formation",
        "Formation",
        "mobilité",
        "accueil",
        "télétravail",
        "tout-nouveau",
        "autre-neuf",
    ];
    let fresh = "content/actualites/note-aleatoire.md";
    let mut session = Session::publishing(opts(root));
    assert_built(&session.build());
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    let mut routes = std::collections::BTreeSet::new();
    for step in 0..14 {
        let path = if rng.below(5) == 0 {
            // An article that comes and goes.
            if root.join(fresh).exists() {
                fs::remove_file(root.join(fresh)).unwrap();
            } else {
                let day = dates[rng.below(dates.len())];
                let text = format!(
                    "---\ntitle: Note {step}\ndate: {day}\ntags: [{}]\n---\nUne note.\n",
                    tags[rng.below(tags.len())]
                );
                fs::write(root.join(fresh), text).unwrap();
            }
            fresh.to_string()
        } else {
            let path = articles[rng.below(articles.len())].clone();
            let text = fs::read_to_string(root.join(&path)).unwrap();
            let text = match rng.below(3) {
                0 => with_line(
                    &text,
                    "date",
                    &format!("date: {}", dates[rng.below(dates.len())]),
                ),
                1 => {
                    let chosen: Vec<&str> = (0..1 + rng.below(3))
                        .map(|_| tags[rng.below(tags.len())])
                        .collect();
                    with_line(&text, "tags", &format!("tags: [{}]", chosen.join(", ")))
                }
                _ if text.contains("\npinned: true") => text.replacen("\npinned: true", "", 1),
                _ => text.replacen("\ntitle:", "\npinned: true\ntitle:", 1),
            };
            fs::write(root.join(&path), text).unwrap();
            path
        };
        let r = session.apply(&changes(&[path.as_str()]));
        assert_built(&r);
        routes.insert(format!("{:?}", r.route));
        assert_equals_full_build(&mut session, root, &format!("step {step}: {path}"));
    }
    // The edits went through the route that compares the two sites.
    assert!(routes.contains("Moved"), "{routes:?}");

    // A term is named as its newest article writes it: written otherwise
    // there, it is renamed on each of its pages, the later ones showing the
    // same articles as before. (Older articles give the term a second
    // page.)
    let older: Vec<String> = (1..=6)
        .map(|k| format!("content/actualites/formation-{k}.md"))
        .collect();
    for (k, path) in older.iter().enumerate() {
        let text = format!(
            "---\ntitle: Formation {k}\ndate: 2023-0{}-01\ntags: [formation]\n---\nTexte.\n",
            k + 1
        );
        fs::write(root.join(path), text).unwrap();
    }
    let older: Vec<&str> = older.iter().map(String::as_str).collect();
    assert_built(&session.apply(&changes(&older)));
    let (path, pages) = {
        let site = session.site().unwrap();
        let tags = site
            .taxonomies
            .get(gazette::site::taxonomy::Kind::Tags)
            .unwrap();
        let term = tags.terms.iter().find(|t| t.name == "formation").unwrap();
        let newest = &site.articles[term.articles[0]];
        let per_page = site.config.paginate_by;
        let path = format!("content/{}", newest.content_path.as_str());
        (path, term.articles.len().div_ceil(per_page))
    };
    assert!(pages >= 2, "{pages}");
    let text = fs::read_to_string(root.join(&path)).unwrap();
    let line = text.lines().find(|l| l.starts_with("tags:")).unwrap();
    let line = line.replacen("formation", "Formation", 1);
    fs::write(root.join(&path), with_line(&text, "tags", &line)).unwrap();
    let r = session.apply(&changes(&[path.as_str()]));
    assert_built(&r);
    assert!(
        r.changed
            .contains(&"mots-cles/formation/page/2/index.html".to_string()),
        "{:?}",
        r.changed
    );
    assert_equals_full_build(&mut session, root, "a term written otherwise");
}
