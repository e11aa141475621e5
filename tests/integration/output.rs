//! The output folder: a failed build leaves it as it was, a successful one
//! leaves no stale file, the same sources give the same bytes, and a rebuild
//! of an unchanged site writes nothing.

use std::fs;
use std::time::{Duration, SystemTime};

use crate::support::{TestSite, assert_work_folder_settled, entries, manifest_dir, tree};

/// `12 pages en 0,13 s dans ./output (21 fichiers écrits, 0 supprimés)`:
/// (pages, written, removed). A rebuild may say on lines of their own that
/// it kept pages as published (`page_cache`) and took the search index
/// from the cache (`search_cache`), nothing else.
#[track_caller]
fn summary(stdout: &str) -> (usize, usize, usize) {
    let mut lines = stdout.trim_end().lines();
    let line = lines.next().unwrap_or_default();
    let others: Vec<&str> = lines.collect();
    assert!(
        others
            .iter()
            .all(|l| l.starts_with("index de recherche : ") || l.starts_with("pages : ")),
        "one summary line: {stdout:?}"
    );
    let number = |text: &str| -> usize {
        text.trim()
            .parse()
            .unwrap_or_else(|_| panic!("not a number {text:?} in {line:?}"))
    };
    let (pages, rest) = line
        .split_once(" pages en ")
        .unwrap_or_else(|| panic!("{line:?}"));
    let (time, rest) = rest
        .split_once(" s dans ")
        .unwrap_or_else(|| panic!("{line:?}"));
    assert!(time.contains(','), "French decimal comma: {line:?}");
    let (folder, counts) = rest.split_once(" (").unwrap_or_else(|| panic!("{line:?}"));
    assert_eq!(folder, "./output", "{line:?}");
    let (written, rest) = counts
        .split_once(" fichiers écrits, ")
        .unwrap_or_else(|| panic!("{line:?}"));
    let removed = rest
        .strip_suffix(" supprimés)")
        .unwrap_or_else(|| panic!("{line:?}"));
    (number(pages), number(written), number(removed))
}

/// The theme's article template with an undefined variable: article pages
/// fail to render while the other pages render.
fn failing_article_template() -> String {
    fs::read_to_string(manifest_dir().join("themes/gazette/templates/article.html"))
        .expect("theme article template")
        .replacen(
            "{% block content %}",
            "{% block content %}{{ nothing.here }}",
            1,
        )
}

#[test]
fn failed_build_leaves_the_previous_output_intact() {
    let site = TestSite::fixture("ok/newsroom");
    site.build_ok(&[]);
    let before = site.output();
    assert!(before.len() > 15);

    // A typo in one article, a new article, a deleted one: none of it may
    // reach the output while the site has an error.
    site.write(
        "content/actualites/forum-des-metiers.md",
        "---\ntitel: Forum des métiers\ndate: 2026-03-05\n---\nLe forum revient.\n",
    );
    site.write(
        "content/actualites/nouveau.md",
        "---\ntitle: Nouveau\ndate: 2026-05-20\n---\nNouveau.\n",
    );
    site.remove("content/portraits/zoe.md");
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .ends_with("échec : 1 erreur ; le dossier de sortie n’a pas été modifié\n"),
        "{}",
        run.stderr
    );

    let after = site.output();
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &before {
        assert!(after.get(path) == Some(bytes), "{path} changed");
    }
}

#[test]
fn a_template_failing_while_pages_are_written_leaves_the_output_intact() {
    let site = TestSite::fixture("ok/newsroom");
    site.build_ok(&[]);
    let before = site.output();

    // Pages are written as they are rendered, into a staging folder: a
    // template that fails on the article pages only (listings and the other
    // pages render, and are staged) must still leave no trace.
    site.write("templates/article.html", failing_article_template());
    site.write(
        "content/actualites/nouveau.md",
        "---\ntitle: Nouveau\ndate: 2026-05-20\n---\nNouveau.\n",
    );
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stderr
            .ends_with("le dossier de sortie n’a pas été modifié\n"),
        "{}",
        run.stderr
    );
    assert!(site.output() == before, "the output changed");
    assert!(!site.has(".gazette-staging"), "staging folder left behind");

    // A first build that fails creates no output folder at all.
    let fresh = TestSite::fixture("ok/newsroom");
    fresh.write("templates/article.html", failing_article_template());
    assert_eq!(fresh.gazette(&["build"]).code, 1);
    assert!(!fresh.path("output").exists(), "output folder created");
}

#[test]
fn what_a_killed_build_leaves_beside_the_output_is_cleared_or_put_back() {
    let site = TestSite::fixture("ok/newsroom");
    site.build_ok(&[]);
    let expected = site.output();
    // Killed while filling its new tree: half a tree in the work folder,
    // beside the output, which is untouched.
    site.write(".output.gazette/lock", "");
    site.write(".output.gazette/stage/index.html", "<p>moitié de page");
    site.write(".output.gazette/stage/actualites/index.html", "");
    site.build_ok(&[]);
    assert_work_folder_settled(&site.root, "output");
    assert!(site.output() == expected);

    // Killed between the two renames of a file system that cannot exchange
    // folders: the old tree aside, no output folder. It is put back.
    fs::create_dir_all(site.path(".output.gazette")).expect("mkdir");
    fs::rename(site.path("output"), site.path(".output.gazette/previous")).expect("rename");
    let run = site.build_ok(&[]);
    assert_work_folder_settled(&site.root, "output");
    assert!(site.output() == expected);
    // Put back as it was: nothing to write.
    assert_eq!(summary(&run.stdout).1, 0, "{}", run.stdout);
}

#[test]
fn a_folder_of_the_output_can_become_a_file_and_back() {
    let site = TestSite::fixture("ok/newsroom");
    site.write("static/notes/lisez-moi.txt", "un dossier");
    site.build_ok(&[]);
    assert_eq!(site.page("notes/lisez-moi.txt"), "un dossier");

    fs::remove_dir_all(site.path("static/notes")).expect("remove the folder");
    site.write("static/notes", "un fichier");
    site.build_ok(&[]);
    assert_eq!(site.page("notes"), "un fichier");

    site.remove("static/notes");
    site.write("static/notes/lisez-moi.txt", "de nouveau un dossier");
    site.build_ok(&[]);
    assert_eq!(site.page("notes/lisez-moi.txt"), "de nouveau un dossier");
    assert!(!site.has(".gazette-staging"));
}

#[test]
fn parallel_and_single_threaded_builds_are_identical() {
    let one = TestSite::fixture("ok/newsroom");
    let many = TestSite::fixture("ok/newsroom");
    // Drafts and embargoed articles too: every kind of page.
    let args = ["build", "--drafts", "--future"];
    one.gazette_with(&[("RAYON_NUM_THREADS", "1")], &args)
        .assert_ok();
    // More threads than cores, so that pages finish in a shuffled order.
    many.gazette_with(&[("RAYON_NUM_THREADS", "8")], &args)
        .assert_ok();
    let (a, b) = (one.output(), many.output());
    assert!(a.len() > 40, "{}", a.len());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(b.get(path) == Some(bytes), "{path} differs");
    }
}

#[test]
fn successful_rebuild_leaves_no_stale_file() {
    let site = TestSite::fixture("ok/newsroom");
    site.build_ok(&["--drafts", "--future"]);
    assert!(site.has("actualites/brouillon/index.html"));
    assert!(site.has("actualites/page/3/index.html"));

    let before = site.output();
    site.remove("content/portraits/zoe.md");
    site.remove("static/documents/charte.txt");
    let run = site.build_ok(&[]);
    let (_, written, removed) = summary(&run.stdout);

    // Exactly what a fresh build of the same sources gives.
    let fresh = TestSite::fixture("ok/newsroom");
    fresh.remove("content/portraits/zoe.md");
    fresh.remove("static/documents/charte.txt");
    fresh.build_ok(&[]);
    let rebuilt = site.output();
    let expected = fresh.output();
    assert_eq!(
        rebuilt.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    assert!(rebuilt == expected, "same files, different bytes");

    // Drafts, embargo page 3 and the deleted files are gone, folders too.
    for gone in [
        "portraits/zoe",
        "documents",
        "actualites/brouillon",
        "actualites/embargo",
        "actualites/page/3",
    ] {
        assert!(!site.has(gone), "{gone} left behind");
    }
    // The summary counts what happened.
    let gone = before.keys().filter(|p| !rebuilt.contains_key(*p)).count();
    let new_or_changed = rebuilt
        .iter()
        .filter(|(p, bytes)| before.get(*p) != Some(*bytes))
        .count();
    assert!(gone >= 5, "{gone}");
    assert_eq!((written, removed), (new_or_changed, gone), "{}", run.stdout);
    // No temporary file left either.
    assert!(
        rebuilt.keys().all(|p| !p.contains(".gazette-tmp")),
        "{:?}",
        rebuilt.keys()
    );
}

#[test]
fn same_sources_give_identical_trees() {
    let one = TestSite::fixture("ok/newsroom");
    let two = TestSite::fixture("ok/newsroom");
    one.build_ok(&[]);
    two.build_ok(&[]);
    let a = one.output();
    let b = two.output();
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(b.get(path) == Some(bytes), "{path} differs between builds");
    }
    // And no build leaks where it ran from.
    for (path, bytes) in &a {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains(&one.root.display().to_string()),
            "{path} names the temporary folder"
        );
    }
}

#[test]
fn rebuilding_an_unchanged_site_writes_nothing() {
    let site = TestSite::fixture("ok/newsroom");
    let first = site.build_ok(&[]);
    let out = site.path("output");
    let files = site.output();
    // With Gazette's manifest, which is rewritten when the list of files
    // changes, and only then.
    let everything = tree(&out);
    let html = files.keys().filter(|p| p.ends_with(".html")).count();
    assert_eq!(
        summary(&first.stdout),
        (html, files.len(), 0),
        "{}",
        first.stdout
    );

    // Age every file, so a rewrite would show in its modification time.
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    for path in tree(&out).keys() {
        let file = fs::File::options()
            .write(true)
            .open(out.join(path))
            .expect("open");
        file.set_modified(old).expect("set mtime");
    }
    // The output folder too: no staging folder is made when nothing changes.
    fs::File::open(&out)
        .and_then(|dir| dir.set_modified(old))
        .expect("set the folder's mtime");
    let rewritten = || -> Vec<String> {
        tree(&out)
            .into_keys()
            .filter(|p| {
                fs::metadata(out.join(p))
                    .and_then(|m| m.modified())
                    .map(|m| m != old)
                    .unwrap_or(true)
            })
            .collect()
    };

    let second = site.build_ok(&[]);
    assert_eq!(summary(&second.stdout), (html, 0, 0), "{}", second.stdout);
    assert!(second.stdout.contains("(0 fichiers écrits, 0 supprimés)\n"));
    assert_eq!(rewritten(), Vec::<String>::new());
    assert!(site.output() == files);
    assert_eq!(
        fs::metadata(&out).and_then(|m| m.modified()).ok(),
        Some(old),
        "the output folder was touched"
    );

    // One changed article rewrites exactly the files whose bytes change:
    // its page and the listings that show it, and nothing else.
    site.write(
        "content/portraits/elodie.md",
        "---\ntitle: Élodie Ravel, infirmière du travail\ndate: 2026-01-15\n---\nÉlodie reçoit les salariés chaque après-midi.\n",
    );
    let third = site.build_ok(&[]);
    let after = tree(&out);
    let differ: Vec<String> = after
        .iter()
        .filter(|(p, bytes)| everything.get(*p) != Some(*bytes))
        .map(|(p, _)| p.clone())
        .collect();
    let gone = files.keys().filter(|p| !after.contains_key(*p)).count();
    let changed = rewritten();
    assert_eq!(changed, differ);
    let (_, written, removed) = summary(&third.stdout);
    // The search index's file names changed, so the manifest did; the
    // summary counts the site's files, not the manifest.
    assert_eq!(changed[0], ".gazette-manifest");
    assert_eq!(
        (written, removed),
        (changed.len() - 1, gone),
        "{}",
        third.stdout
    );
    for page in [
        "index.html",
        "portraits/elodie/index.html",
        "portraits/index.html",
    ] {
        assert!(
            changed.iter().any(|c| c == page),
            "{page} not rewritten: {changed:?}"
        );
    }
    for page in [
        "portraits/nadia/index.html",
        "actualites/index.html",
        "404.html",
    ] {
        assert!(
            !changed.iter().any(|c| c == page),
            "{page} rewritten: {changed:?}"
        );
    }
}

#[test]
fn a_build_into_an_empty_folder_writes_in_place_and_a_failed_one_empties_it_again() {
    // An output folder that exists and holds nothing (a mount point, a CI
    // cache): there is nothing to keep, so pages are written in place.
    let site = TestSite::fixture("ok/newsroom");
    fs::create_dir_all(site.path("output")).expect("create the output folder");
    // Listings render and are written before the article pages fail.
    site.write("templates/article.html", failing_article_template());
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(site.path("output").is_dir(), "the folder itself is kept");
    assert_eq!(entries(&site.path("output")), Vec::<String>::new());

    site.remove("templates/article.html");
    let run = site.build_ok(&[]);
    let (_, written, removed) = summary(&run.stdout);
    let built = site.output();
    assert_eq!((written, removed), (built.len(), 0), "{}", run.stdout);
    assert!(!site.has(".gazette-staging"));
    // The same bytes as a build through the staging folder.
    let (_, written, _) = summary(&site.build_ok(&[]).stdout);
    assert_eq!(written, 0);
    assert!(site.output() == built, "a rebuild changed the output");
}

#[test]
fn a_failed_build_into_a_new_nested_folder_leaves_no_folder_behind() {
    let site = TestSite::fixture("ok/newsroom");
    site.write("templates/article.html", failing_article_template());
    let run = site.gazette(&["build", "--output", "publie/site/v2"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        !site.path("publie").exists(),
        "the folders the build created are removed"
    );
    // A folder that was there before stays.
    fs::create_dir_all(site.path("deja")).expect("create a folder");
    let run = site.gazette(&["build", "--output", "deja/site"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(site.path("deja").is_dir());
    assert!(!site.path("deja/site").exists());
}

#[test]
fn a_static_file_cannot_take_a_page_of_its_path_and_the_output_stays() {
    let site = TestSite::fixture("ok/newsroom");
    site.build_ok(&[]);
    let before = tree(&site.root.join("output"));
    site.write(
        "static/actualites/index.html",
        "<p>liste faite à la main</p>",
    );
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "erreur : deux sources écriraient le même fichier /actualites/index.html : le fichier static/actualites/index.html et la rubrique content/actualites/\n --> static/actualites/index.html\n = aide : renommez ou déplacez le fichier\n\néchec : 1 erreur ; le dossier de sortie n’a pas été modifié\n"
    );
    assert!(
        tree(&site.root.join("output")) == before,
        "the output changed"
    );
    assert!(!site.has(".gazette-staging"));
    // The site's static/ still replaces a theme file of the same path.
    site.remove("static/actualites/index.html");
    site.write("static/css/code-light.css", "/* couleurs maison */\n");
    site.build_ok(&[]);
    assert_eq!(site.page("css/code-light.css"), "/* couleurs maison */\n");
}
