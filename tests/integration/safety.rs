//! Nothing a writer types can make Gazette write outside its output folder,
//! delete the sources, or run a script in a reader's browser.

use crate::support::{TestSite, article, elements, entries, head_title, only, tree};

fn simple_site() -> TestSite {
    TestSite::with_settings("")
}

/// Only the site folder in the temporary folder, and only the expected
/// entries in the site folder.
#[track_caller]
fn nothing_outside(site: &TestSite, expected_root: &[&str]) {
    assert_eq!(entries(site.parent()), ["site"]);
    assert_eq!(entries(&site.root), expected_root);
    // A build's cache (its articles' bodies, the record of its pages and
    // the search index's, this site having no photos) is in the site's
    // own cache folder.
    if expected_root.contains(&".gazette-cache") {
        assert_eq!(
            entries(&site.path(".gazette-cache")),
            ["bodies", "pages", "search"]
        );
    }
}

#[test]
fn slug_that_climbs_is_made_safe() {
    let site = simple_site();
    site.write(
        "content/actualites/accord.md",
        article("Accord", "slug: ../../evil\n"),
    );
    site.build_ok(&[]);
    nothing_outside(
        &site,
        &[".gazette-cache", "content", "output", "site.yaml", "themes"],
    );
    assert!(site.has("actualites/evil/index.html"));
    let evil: Vec<String> = site
        .output()
        .into_keys()
        .filter(|p| p.contains("evil"))
        .collect();
    assert_eq!(evil, ["actualites/evil/index.html"]);
    assert!(
        site.page("actualites/index.html")
            .contains("<a href=\"/actualites/evil/\">Accord</a>")
    );
}

#[test]
fn alias_that_climbs_is_an_error() {
    let site = simple_site();
    site.write(
        "content/actualites/accord.md",
        article("Accord", "aliases: [\"/../../evil/\"]\n"),
    );
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "erreur : « /../../evil/ » ne peut pas servir d’ancienne adresse\n --> content/actualites/accord.md:4:12\n  |\n4 | aliases: [\"/../../evil/\"]\n  |            ^^^^^^^^^^^^\n  = aide : écrivez un chemin du site, comme /anciennes-actus/mon-article/, sans « .. »\n\néchec : 1 erreur ; le dossier de sortie n’a pas été modifié\n"
    );
    // Nothing written at all.
    nothing_outside(&site, &["content", "site.yaml", "themes"]);
}

#[test]
fn aliases_write_redirects_inside_the_output() {
    let site = simple_site();
    site.write(
        "content/actualites/accord.md",
        article(
            "Accord",
            "aliases: [/anciennes-actus/accord/, /vieux/accord.html]\n",
        ),
    );
    site.build_ok(&[]);
    nothing_outside(
        &site,
        &[".gazette-cache", "content", "output", "site.yaml", "themes"],
    );
    for page in ["anciennes-actus/accord/index.html", "vieux/accord.html"] {
        let html = site.page(page);
        assert!(
            html.contains("<meta http-equiv=\"refresh\" content=\"0; url=/actualites/accord/\">"),
            "{page}: {html}"
        );
        assert!(html.contains(
            "<link rel=\"canonical\" href=\"https://intranet.example.org/actualites/accord/\">"
        ));
    }
}

fn refused(site: &TestSite, output: &str) {
    let before = tree(&site.root);
    let run = site.gazette(&["build", "--output", output]);
    assert_eq!(run.code, 2, "--output {output}: {run:?}");
    assert!(
        run.stderr.starts_with(&format!("erreur : le dossier de sortie {output} "))
            && run.stderr.contains(
                "= aide : choisissez un dossier à part, vide ou absent, par exemple --output output\n"
            ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .ends_with("échec : 1 erreur ; le dossier de sortie n’a pas été modifié\n"),
        "{}",
        run.stderr
    );
    let after = tree(&site.root);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "--output {output} changed the files"
    );
    assert!(before == after, "--output {output} changed some bytes");
}

#[test]
fn output_over_the_sources_is_refused_and_nothing_is_deleted() {
    let site = TestSite::fixture("ok/newsroom");
    site.build_ok(&[]);
    let root = site.root.display().to_string();
    for output in [
        ".",
        "content",
        "content/actualites",
        "themes",
        "static",
        "./content/",
        "..",
        root.as_str(),
    ] {
        refused(&site, output);
    }
    assert!(site.path("content/actualites/_index.md").is_file());
    assert!(site.has("index.html"));
}

#[test]
fn output_beside_the_site_is_allowed() {
    let site = TestSite::fixture("ok/override");
    site.build_ok(&["--output", "../public"]);
    assert!(
        site.parent()
            .join("public/actualites/accord/index.html")
            .is_file()
    );
    assert_eq!(entries(site.parent()), ["public", "site"]);
}

#[test]
fn script_in_a_title_is_escaped_everywhere() {
    let site = simple_site();
    site.write(
        "content/actualites/accord.md",
        article(
            "\"<script>alert(1)</script> & co\"",
            "aliases: [/ancien/]\n",
        ),
    );
    site.build_ok(&[]);
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co";
    let article = site.page("actualites/accord/index.html");
    assert!(head_title(&article).starts_with(escaped), "{article}");
    assert_eq!(only(&article, "h1"), escaped);
    for listing in ["index.html", "actualites/index.html", "ancien/index.html"] {
        let html = site.page(listing);
        assert!(
            elements(&html, "a").iter().any(|a| a == escaped),
            "{listing}: {html}"
        );
    }
    for (path, bytes) in site.output() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("<script>alert"), "{path}");
    }
}
