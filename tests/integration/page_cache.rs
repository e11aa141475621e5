//! The build cache's record of published pages (`.gazette-cache/pages/`):
//! a rebuild renders only the pages whose inputs changed and keeps the
//! others as published, and publishes the bytes of a cold build; a page
//! edited by hand in the output is rendered again; a record of another
//! version, cut short or edited is ignored with a warning; a theme edit
//! renders every page; a page kept whose search record is lost is read
//! back for the index.

use std::fs;

use crate::search_cache::{assert_same_files, generated_site, index_text, sources_of};
use crate::support::{TestSite, append, replace_in};

/// What a build said of the pages it kept: (kept, of how many), when it
/// kept any.
fn kept(stdout: &str) -> Option<(usize, usize)> {
    let line = stdout.lines().find(|l| l.starts_with("pages : "))?;
    let numbers: Vec<usize> = line
        .split(' ')
        .filter_map(|w| w.replace('\u{202f}', "").parse().ok())
        .collect();
    assert_eq!(numbers.len(), 2, "{line}");
    assert!(
        line.ends_with("telles que publiées (.gazette-cache/pages/)"),
        "{line}"
    );
    Some((numbers[0], numbers[1]))
}

/// The published pages (of those a build may keep: articles, aliases,
/// listings, terms, feeds) whose text holds `needle`.
fn pages_showing(site: &TestSite, needle: &str) -> Vec<String> {
    site.output_texts()
        .into_iter()
        .filter(|(path, text)| {
            let single = ["404.html", "sitemap.xml", "robots.txt"].contains(&path.as_str())
                || path.starts_with("recherche/")
                || path.starts_with("accessibilite/")
                || path.starts_with("pagefind/");
            let taxonomy_index =
                ["mots-cles/index.html", "categories/index.html"].contains(&path.as_str());
            !single && !taxonomy_index && text.contains(needle)
        })
        .map(|(path, _)| path)
        .collect()
}

/// Builds a copy of `site`'s sources with no cache and checks that `site`'s
/// output is the same, byte for byte.
#[track_caller]
fn assert_cold(site: &TestSite, what: &str) {
    let cold = sources_of(site);
    let run = cold.build_ok(&[]);
    assert_eq!(kept(&run.stdout), None, "{what}: {}", run.stdout);
    assert_same_files(&site.output(), &cold.output(), what);
}

#[test]
fn a_rebuild_renders_again_only_the_pages_that_show_what_changed() {
    let site = generated_site(90);
    let first = site.build_ok(&[]);
    assert_eq!(kept(&first.stdout), None, "{}", first.stdout);
    let published = site.output();

    // Nothing changed: every page kept, nothing written.
    let again = site.build_ok(&[]);
    let (reused, total) = kept(&again.stdout).expect("pages kept");
    assert_eq!(reused, total, "{}", again.stdout);
    assert!(total > 90, "articles, listings, terms, feeds: {total}");
    assert!(
        again.stdout.contains("(0 fichiers écrits, 0 supprimés)"),
        "{}",
        again.stdout
    );
    assert_eq!(site.output(), published);

    // One article's body: its page and the pages that show it are
    // rendered again (the listing, section and term pages that list it,
    // the articles whose "further reading" names it), no other.
    let article = "content/metiers/article-0040.md";
    let address = "/metiers/article-0040/";
    let showing = pages_showing(&site, address);
    assert!(showing.len() >= 4, "{showing:?}");
    append(
        &site.path(article),
        "\nLes dirigeables arrivent à la caisse.\n",
    );
    let run = site.build_ok(&[]);
    assert_eq!(
        kept(&run.stdout),
        Some((total - showing.len(), total)),
        "rendered again: {showing:?}\n{}",
        run.stdout
    );
    assert!(
        site.page("metiers/article-0040/index.html")
            .contains("dirigeables")
    );
    assert!(index_text(&site).contains("dirigeables"));
    assert_cold(&site, "after a body edit");

    // Its title: the same pages again, and its new title everywhere.
    replace_in(
        &site.path(article),
        "title: Article numéro 40",
        "title: Les montgolfières",
    );
    let run = site.build_ok(&[]);
    assert_eq!(
        kept(&run.stdout),
        Some((total - showing.len(), total)),
        "{}",
        run.stdout
    );
    for page in &showing {
        assert!(site.page(page).contains("montgolfières"), "{page}");
    }
    assert_cold(&site, "after a title edit");

    // A new article, the newest: the lists shift, and the cold build's
    // bytes still come out.
    site.write(
        "content/actualites/nouveau.md",
        "---\ntitle: Les zeppelins\ndate: 2026-06-01\ntags: [caisse]\n---\nLe service des zeppelins ouvre.\n",
    );
    let run = site.build_ok(&[]);
    let (reused, now) = kept(&run.stdout).expect("pages kept");
    assert!(reused < now && now > total, "{}", run.stdout);
    assert_cold(&site, "after a new article");

    // An article removed: its page goes, as in a cold build.
    fs::remove_file(site.path("content/vie-interne/article-0002.md")).unwrap();
    site.build_ok(&[]);
    assert!(!site.has("vie-interne/article-0002/index.html"));
    assert_cold(&site, "after an article was removed");
}

#[test]
fn a_pinned_article_s_first_paragraph_edited_renders_the_home_page_again() {
    let site = generated_site(30);
    // The oldest article: only its pin puts it on the home page's first
    // page (the others' list it on the second).
    let article = site.path("content/actualites/article-0000.md");
    replace_in(&article, "\ntitle:", "\npinned: true\ntitle:");
    site.build_ok(&[]);
    replace_in(&article, "\n---\nLe ", "\n---\nAvant tout, le ");
    let run = site.build_ok(&[]);
    assert!(kept(&run.stdout).is_some(), "{}", run.stdout);
    assert!(site.page("index.html").contains("Avant tout, le "));
    assert_cold(&site, "a pinned article's summary");
}

#[test]
fn a_published_page_edited_by_hand_is_rendered_again() {
    let site = generated_site(12);
    site.build_ok(&[]);
    let published = site.output();
    let page = site.path("output/actualites/article-0003/index.html");
    append(&page, "<!-- à la main -->");
    let run = site.build_ok(&[]);
    let (reused, total) = kept(&run.stdout).expect("pages kept");
    assert_eq!(reused, total - 1, "{}", run.stdout);
    assert_eq!(site.output(), published, "the page is the build's again");

    // Removed: made again likewise.
    fs::remove_file(&page).unwrap();
    site.build_ok(&[]);
    assert_eq!(site.output(), published);
}

/// Each line of the record that disagrees with the published file it
/// names (size, modification time in nanoseconds), as `path: recorded ≠
/// found`.
fn record_disagreements(site: &TestSite) -> Vec<String> {
    let record = fs::read_to_string(site.path(".gazette-cache/pages/index")).expect("the record");
    let lines: Vec<&str> = record.lines().collect();
    let mut wrong = Vec::new();
    for line in &lines[3..lines.len() - 1] {
        let fields: Vec<&str> = line.splitn(5, ' ').collect();
        let (size, modified, path) = (fields[1], fields[2], fields[4]);
        let meta = fs::metadata(site.path("output").join(path)).expect("a published file");
        let found_modified = meta
            .modified()
            .unwrap()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let found = format!("{} {found_modified}", meta.len());
        let recorded = format!("{size} {modified}");
        if recorded != found {
            wrong.push(format!("{path}: {recorded} ≠ {found}"));
        }
    }
    wrong
}

#[test]
fn the_record_names_each_file_as_published_after_a_rebuild() {
    let site = generated_site(12);
    site.build_ok(&[]);
    // A rebuild that keeps most pages and renders an edited article's
    // again; then one that renders again a page edited by hand (its key
    // unchanged, its file not the recorded one).
    let edits = [
        site.path("content/metiers/article-0004.md"),
        site.path("output/actualites/article-0003/index.html"),
    ];
    for (edited, text) in edits
        .iter()
        .zip(["\nUne phrase de plus.\n", "<!-- à la main -->"])
    {
        append(edited, text);
        let run = site.build_ok(&[]);
        let (reused, total) = kept(&run.stdout).expect("pages kept");
        assert!(reused > 0 && reused < total, "{}", run.stdout);
        assert_eq!(record_disagreements(&site), Vec::<String>::new());
    }
    // And so the next build keeps every page.
    let run = site.build_ok(&[]);
    let (reused, total) = kept(&run.stdout).expect("pages kept");
    assert_eq!(reused, total, "{}", run.stdout);
}

#[test]
fn a_theme_edit_or_another_output_folder_renders_every_page() {
    let site = generated_site(12);
    site.build_ok(&[]);
    let template = site.path("themes/gazette/templates/article.html");
    assert!(template.is_file());
    replace_in(&template, "</article>", "</article><!-- version 2 -->");
    let run = site.build_ok(&[]);
    assert_eq!(kept(&run.stdout), None, "{}", run.stdout);
    assert!(
        site.page("actualites/article-0003/index.html")
            .contains("version 2")
    );
    assert_cold(&site, "after a theme edit");

    // The record is of `output/`: a build elsewhere renders every page,
    // and does not make the next build of `output/` render them again.
    let elsewhere = site.parent().join("ailleurs");
    let run = site.build_ok(&["-o", elsewhere.to_str().unwrap()]);
    assert_eq!(kept(&run.stdout), None, "{}", run.stdout);
    let run = site.build_ok(&[]);
    assert_eq!(
        kept(&run.stdout),
        None,
        "the record is the other folder's now"
    );
    let run = site.build_ok(&[]);
    let (reused, total) = kept(&run.stdout).expect("pages kept");
    assert_eq!(reused, total);
}

#[test]
fn a_record_of_another_version_cut_short_or_edited_is_ignored_with_a_warning() {
    let site = generated_site(6);
    site.build_ok(&[]);
    let published = site.output();
    let record = site.path(".gazette-cache/pages/index");
    let whole = fs::read_to_string(&record).expect("the record");
    let lines: Vec<&str> = whole.lines().collect();
    assert_eq!(lines[0], "gazette page cache 2");
    assert!(lines[1].starts_with("build "), "{}", lines[1]);
    assert!(lines.last().unwrap().starts_with("end "), "{whole}");

    // Each: the warning, every page rendered, the output the same, the
    // record written again whole.
    let ignored = |name: &str, damage: &str| {
        fs::write(&record, damage).unwrap();
        let run = site.build_ok(&[]);
        insta::assert_snapshot!(name, site.redact(&run.stderr));
        assert_eq!(kept(&run.stdout), None, "{name}: {}", run.stdout);
        assert_eq!(site.output(), published, "{name}");
        assert_eq!(fs::read_to_string(&record).unwrap(), whole, "{name}");
        let run = site.build_ok(&[]);
        assert_eq!(run.stderr, "", "{name}: the rewritten record is sound");
        assert!(kept(&run.stdout).is_some(), "{name}");
    };
    ignored(
        "other-version",
        &whole.replacen(lines[1], "build 0.0.1+0123456789abcdef", 1),
    );
    ignored("cut-short", &whole[..whole.len() / 2]);
    // One digit of a page's size changed: the end line's hash tells.
    let edited = whole.replacen(lines[5], &lines[5].replacen(' ', " 1", 1), 1);
    assert_ne!(edited, whole);
    ignored("edited", &edited);
}

#[test]
fn a_kept_page_whose_search_record_is_lost_is_read_back_for_the_index() {
    let site = generated_site(30);
    site.build_ok(&[]);
    let published = site.output();
    fs::remove_dir_all(site.path(".gazette-cache/search")).unwrap();
    let run = site.build_ok(&[]);
    let (reused, total) = kept(&run.stdout).expect("pages kept");
    assert_eq!(reused, total, "{}", run.stdout);
    assert_eq!(
        site.output(),
        published,
        "the index made from the pages read back"
    );
    assert!(index_text(&site).contains("caisse"));
}

#[test]
fn a_site_that_opens_from_disk_with_search_renders_every_page() {
    // Its offline index holds the text of every article page.
    let site = TestSite::with_settings("relative_urls: true\n");
    site.write(
        "content/actualites/un.md",
        "---\ntitle: Un\ndate: 2026-01-05\n---\nLes dirigeables.\n",
    );
    site.build_ok(&[]);
    let run = site.build_ok(&[]);
    assert_eq!(kept(&run.stdout), None, "{}", run.stdout);
    assert!(
        site.page("pagefind/gazette-offline.js")
            .contains("dirigeables")
    );
}

#[test]
fn the_search_index_is_kept_as_published_when_its_pages_are() {
    let site = generated_site(30);
    site.build_ok(&[]);
    let published = site.output();
    // The search cache's parts cut short: a rebuild that changed no page
    // keeps the index as published, and does not even read them.
    let parts = site.path(".gazette-cache/search/parts");
    for entry in fs::read_dir(&parts).expect("the cache's parts") {
        let path = entry.expect("an entry").path();
        let bytes = fs::read(&path).unwrap();
        fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    }
    let run = site.build_ok(&[]);
    assert_eq!(run.stderr, "", "no entry read");
    assert_eq!(site.output(), published);

    // A file of the index changed by hand: the index is made again (the
    // entry cut short is reported), and published as a cold build's.
    let file = site.path("output/pagefind/pagefind-entry.json");
    append(&file, " ");
    let run = site.build_ok(&[]);
    assert!(run.stderr.contains("incomplète"), "{}", run.stderr);
    assert_eq!(site.output(), published);
}

/// The entries of the site's cache of rendered bodies, by path.
fn body_entries(site: &TestSite) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = fs::read_dir(site.path(".gazette-cache/bodies"))
        .expect("the cache of bodies")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n.len() == 32))
        .collect();
    found.sort();
    found
}

#[test]
fn a_body_cache_entry_cut_short_edited_or_of_another_version_is_ignored_with_a_warning() {
    let site = generated_site(6);
    site.build_ok(&[]);
    let published = site.output();
    let entries = body_entries(&site);
    assert_eq!(entries.len(), 6, "one body per article: {entries:?}");
    let whole: Vec<Vec<u8>> = entries.iter().map(|e| fs::read(e).unwrap()).collect();

    // Each: the warning, the bodies rendered again, the output the same,
    // the entries written again whole.
    let ignored = |name: &str| {
        let run = site.build_ok(&[]);
        insta::assert_snapshot!(name, site.redact(&run.stderr));
        assert_eq!(site.output(), published, "{name}");
        let now: Vec<Vec<u8>> = entries.iter().map(|e| fs::read(e).unwrap()).collect();
        assert_eq!(now, whole, "{name}: written again");
        let run = site.build_ok(&[]);
        assert_eq!(run.stderr, "", "{name}: the cache is sound again");
    };
    fs::write(&entries[1], &whole[1][..whole[1].len() / 2]).unwrap();
    ignored("body-cut-short");
    for entry in &entries[2..4] {
        let mut edited = fs::read(entry).unwrap();
        let at = edited.len() / 2;
        edited[at] = edited[at].wrapping_add(1);
        fs::write(entry, edited).unwrap();
    }
    ignored("bodies-edited");
    fs::write(
        site.path(".gazette-cache/bodies/version"),
        "0.0.1+0123456789abcdef",
    )
    .unwrap();
    ignored("bodies-of-another-version");

    // An article removed: its body goes with it.
    fs::remove_file(site.path("content/actualites/article-0003.md")).unwrap();
    site.build_ok(&[]);
    assert_eq!(body_entries(&site).len(), 5);
}

#[test]
fn the_headers_kept_cut_short_or_edited_are_ignored_with_a_warning() {
    let site = generated_site(6);
    site.build_ok(&[]);
    let published = site.output();
    let file = site.path(".gazette-cache/bodies/front-matter");
    let whole = fs::read(&file).expect("the headers read, kept");
    let ignored = |name: &str| {
        let run = site.build_ok(&[]);
        insta::assert_snapshot!(name, site.redact(&run.stderr));
        assert_eq!(site.output(), published, "{name}");
        assert_eq!(fs::read(&file).unwrap(), whole, "{name}: written again");
        let run = site.build_ok(&[]);
        assert_eq!(run.stderr, "", "{name}: the cache is sound again");
    };
    fs::write(&file, &whole[..whole.len() / 2]).unwrap();
    ignored("front-matter-cut-short");
    let mut edited = whole.clone();
    let at = edited.len() / 2;
    edited[at] = edited[at].wrapping_add(1);
    fs::write(&file, edited).unwrap();
    ignored("front-matter-edited");

    // A title edited is read again (the output is a cold build's), and an
    // article removed takes its header out of the file.
    replace_in(
        &site.path("content/actualites/article-0003.md"),
        "title: ",
        "title: Nouveau titre, ",
    );
    site.build_ok(&[]);
    assert_cold(&site, "a title edited");
    let with_six = fs::read(&file).unwrap();
    fs::remove_file(site.path("content/actualites/article-0003.md")).unwrap();
    site.build_ok(&[]);
    assert!(fs::read(&file).unwrap().len() < with_six.len());
}
