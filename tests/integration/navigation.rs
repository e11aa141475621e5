//! Navigation and publishing: taxonomy, person and organisation pages,
//! feeds, sitemap, search index, the accessibility statement, and the
//! lifecycle (embargo, expiry) across every output file.

use std::collections::{BTreeMap, BTreeSet};

use crate::support::*;

/// 2026-09-02: the embargo (2026-09-01) has lifted, the expiry (2026-07-01) passed.
const AFTER: i64 = 1_788_307_200;

fn built_at(now: i64) -> TestSite {
    let site = TestSite::fixture("ok/navigation");
    site.gazette_at(now, &["build"]).assert_ok();
    site
}

/// Every output file as text: pagefind's gzipped data unpacked.
fn texts(site: &TestSite) -> BTreeMap<String, String> {
    site.output_texts()
}

fn files_mentioning(texts: &BTreeMap<String, String>, word: &str) -> BTreeSet<String> {
    texts
        .iter()
        .filter(|(_, t)| t.to_lowercase().contains(word))
        .map(|(p, _)| p.clone())
        .collect()
}

#[test]
fn taxonomy_person_and_organisation_pages() {
    let site = built_at(NOW);
    // Term pages, each with its feed.
    let tags = site.page("mots-cles/index.html");
    assert!(tags.contains("href=\"/mots-cles/teletravail/\""), "{tags}");
    let term = main_of(&site.page("mots-cles/teletravail/index.html"));
    assert!(term.contains("De nouveaux outils pour travailler à distance"));
    assert!(term.contains("L’accord télétravail est signé"));
    assert!(site.has("mots-cles/teletravail/atom.xml"));
    assert!(
        main_of(&site.page("categories/dialogue-social/index.html"))
            .contains("L’accord télétravail est signé")
    );
    assert!(site.has("rubriques/preparer-demain/index.html"));
    let author = main_of(&site.page("auteurs/mehdi-lounes/index.html"));
    assert!(author.contains("De nouveaux outils"), "{author}");
    // The person who speaks, and her organisation (by its registry id).
    let person = main_of(&site.page("personnes/helene-marchal/index.html"));
    assert!(person.contains("Hélène Marchal"));
    assert!(person.contains("L’accord télétravail est signé"));
    assert!(!person.contains("De nouveaux outils"));
    let org = main_of(&site.page("organismes/cnav/index.html"));
    assert!(org.contains("L’accord télétravail est signé"), "{org}");
    // With the registry's logo, beside its name (which says it all: alt="").
    assert!(
        org.contains("<img class=\"org-logo\" src=\"/images/logos/cnav.svg\" alt=\"\""),
        "{org}"
    );
    assert!(site.has("images/logos/cnav.svg"));
    // An article links its tags to their pages, and listings announce feeds.
    let article = site.page("actualites/accord/index.html");
    assert!(article.contains("href=\"/mots-cles/teletravail/\""));
    // And the organisations it is about, to their pages.
    assert!(
        article.contains("<h2 class=\"tags-title\" id=\"gz-organismes\">Organismes</h2>")
            && article.contains("<a class=\"tag\" href=\"/organismes/cnav/\">Caisse nationale d’assurance vieillesse</a>"),
        "{article}"
    );
    assert!(
        article.contains("href=\"/personnes/helene-marchal/\""),
        "the testimony's card links to the person"
    );
    let section = site.page("actualites/index.html");
    assert!(section.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Le Fil RH\" href=\"/atom.xml\""
    ) || section.contains("href=\"/actualites/atom.xml\""));
}

#[test]
fn feeds_sitemap_robots_and_statement() {
    let site = built_at(NOW);
    let feed = site.page("atom.xml");
    assert!(feed.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">"));
    assert!(feed.contains("<id>https://intranet.example.org/actualites/accord/</id>"));
    assert!(feed.contains("<published>2026-03-10T00:00:00Z</published>"));
    // Newest first.
    let outils = feed.find("De nouveaux outils").unwrap_or(usize::MAX);
    let accord = feed.find("accord télétravail").unwrap_or(0);
    assert!(outils < accord, "{feed}");
    let term_feed = site.page("mots-cles/teletravail/atom.xml");
    assert_eq!(term_feed.matches("<entry>").count(), 2);

    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("<url><loc>https://intranet.example.org/actualites/accord/</loc><lastmod>2026-03-10</lastmod></url>"));
    assert!(sitemap.contains("<loc>https://intranet.example.org/mots-cles/teletravail/</loc>"));
    assert_eq!(
        site.page("robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://intranet.example.org/sitemap.xml\n"
    );
    // The statement, linked from every page's footer with its mention.
    let statement = site.page("accessibilite/index.html");
    assert!(statement.contains("partiellement conforme"));
    for page in [
        "index.html",
        "actualites/accord/index.html",
        "mots-cles/index.html",
    ] {
        let html = site.page(page);
        assert!(html.contains("href=\"/accessibilite/\""), "{page}");
        assert!(
            html.contains("Accessibilité\u{a0}: partiellement conforme"),
            "{page}"
        );
    }
}

#[test]
fn an_embargo_keeps_an_article_out_of_every_output_until_its_date() {
    let before = texts(&built_at(NOW));
    assert_eq!(
        files_mentioning(&before, "zygomorphe"),
        BTreeSet::new(),
        "nothing mentions the embargoed article before its date"
    );
    assert!(!before.contains_key("actualites/embargo/index.html"));
    // Its speaker has no page yet either.
    assert!(!before.contains_key("personnes/zoe-martin/index.html"));

    let after = texts(&built_at(AFTER));
    let mentions = files_mentioning(&after, "zygomorphe");
    for expected in [
        "actualites/embargo/index.html",
        "index.html",
        "actualites/index.html",
        "atom.xml",
        "actualites/atom.xml",
        "mots-cles/teletravail/index.html",
        "mots-cles/teletravail/atom.xml",
        "categories/dialogue-social/index.html",
        "auteurs/claire-vasseur/index.html",
        "personnes/zoe-martin/index.html",
    ] {
        assert!(
            mentions.contains(expected),
            "{expected} after the embargo; mentions: {mentions:#?}"
        );
    }
    assert!(after["sitemap.xml"].contains("/actualites/embargo/"));
    assert!(
        mentions.iter().any(|p| p.starts_with("pagefind/fragment/")),
        "the search index has it after the embargo"
    );
}

#[test]
fn an_expired_article_leaves_every_output() {
    let before = texts(&built_at(NOW));
    let mentions = files_mentioning(&before, "xylographiques");
    assert!(mentions.contains("actualites/inscriptions/index.html"));
    assert!(mentions.contains("mots-cles/accord/index.html"));
    assert!(mentions.iter().any(|p| p.starts_with("pagefind/fragment/")));

    let after = texts(&built_at(AFTER));
    assert_eq!(files_mentioning(&after, "xylographiques"), BTreeSet::new());
    assert!(!after["sitemap.xml"].contains("/actualites/inscriptions/"));
}

#[test]
fn next_change_prints_the_next_embargo_or_expiry() {
    let site = TestSite::fixture("ok/navigation");
    let run = site.gazette_at(NOW, &["next-change"]);
    run.assert_ok();
    assert_eq!(
        run.stdout, "2026-07-01T00:00:00Z\n",
        "the expiry comes first"
    );
    let run = site.gazette_at(1_782_864_001, &["next-change"]);
    assert_eq!(run.stdout, "2026-09-01T00:00:00Z\n", "then the embargo");
    let run = site.gazette_at(AFTER, &["next-change"]);
    assert_eq!(run.stdout, "", "then nothing");
}

#[test]
fn every_page_is_reachable_from_the_home_page() {
    let site = built_at(NOW);
    let output = site.output();
    let pages: BTreeSet<String> = output
        .keys()
        .filter(|p| p.ends_with(".html") && p.as_str() != "404.html")
        .cloned()
        .collect();
    let mut seen = BTreeSet::new();
    let mut todo = vec!["index.html".to_string()];
    while let Some(page) = todo.pop() {
        if !seen.insert(page.clone()) {
            continue;
        }
        let Some(bytes) = output.get(&page) else {
            continue;
        };
        let html = String::from_utf8_lossy(bytes);
        for href in html
            .split("href=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
        {
            let path = href.split('#').next().unwrap_or("");
            let Some(path) = path.strip_prefix('/') else {
                continue;
            };
            let file = if path.is_empty() || path.ends_with('/') {
                format!("{path}index.html")
            } else {
                path.to_string()
            };
            if file.ends_with(".html") {
                todo.push(file);
            }
        }
    }
    let unreached: Vec<&String> = pages.difference(&seen).collect();
    assert!(
        unreached.is_empty(),
        "not reachable from the home page: {unreached:#?}"
    );
}

#[test]
fn a_section_introduction_links_like_an_article_of_its_folder() {
    let site = TestSite::new();
    site.write(
        "site.yaml",
        "title: Le Fil RH\nbase_url: https://intranet.example.org/\n",
    );
    site.write(
        "content/actualites/_index.md",
        "---\ntitle: Actualités\n---\nVoir [l’accord](accord.md#signature) et [le site](https://example.org).\n",
    );
    site.write(
        "content/actualites/accord.md",
        "---\ntitle: Accord\ndate: 2026-03-12\n---\n## Signature\n\nLe texte.\n",
    );
    site.build_ok(&[]);
    let listing = site.page("actualites/index.html");
    assert!(
        listing.contains("Voir <a href=\"/actualites/accord/#signature\">l’accord</a> et <a href=\"https://example.org\">le site</a>."),
        "{listing}"
    );
    assert!(
        !listing.contains('\u{E000}'),
        "a link marker reached the page"
    );

    site.write(
        "content/actualites/_index.md",
        "---\ntitle: Actualités\n---\nVoir [rien](absent.md).\n",
    );
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr,
        "erreur : la cible du lien « absent.md » est introuvable (content/actualites/absent.md)\n --> content/actualites/_index.md:4:6\n  |\n4 | Voir [rien](absent.md).\n  |      ^^^^^^^^^^^^^^^^^\n  = aide : vérifiez le nom du fichier et le chemin, relatif au dossier de l’article\n\néchec : 1 erreur ; le dossier de sortie n’a pas été modifié\n"
    );
}

/// The breadcrumb of a page: the `aria-label` of its `<nav class="breadcrumb">`
/// and each item as `(href, text, aria-current)`.
#[track_caller]
fn breadcrumb(html: &str) -> (String, Vec<(String, String, Option<String>)>) {
    let navs: Vec<(String, String)> = elements_with_attrs(html, "nav")
        .into_iter()
        .filter(|(attrs, _)| {
            attr(attrs, "class").is_some_and(|c| c.split(' ').any(|w| w == "breadcrumb"))
        })
        .collect();
    assert_eq!(navs.len(), 1, "one breadcrumb expected in {html}");
    let (attrs, inner) = &navs[0];
    assert_eq!(elements(inner, "ol").len(), 1, "an ordered list: {inner}");
    let items = elements(inner, "li")
        .iter()
        .map(|li| {
            let (a, text) = elements_with_attrs(li, "a")
                .pop()
                .expect("a link in each item");
            (
                attr(&a, "href").unwrap_or_default(),
                text,
                attr(&a, "aria-current"),
            )
        })
        .collect();
    (attr(attrs, "aria-label").unwrap_or_default(), items)
}

fn crumb(href: &str, text: &str, current: bool) -> (String, String, Option<String>) {
    (href.into(), text.into(), current.then(|| "page".into()))
}

#[test]
fn articles_term_and_person_pages_have_a_breadcrumb_ending_at_the_page() {
    let site = built_at(NOW);
    let (name, items) = breadcrumb(&site.page("actualites/accord/index.html"));
    assert_eq!(name, "Fil d’Ariane");
    assert_eq!(
        items,
        [
            crumb("/", "Accueil", false),
            crumb("/actualites/", "Actualités", false),
            crumb(
                "/actualites/accord/",
                "L’accord télétravail est signé",
                true
            ),
        ]
    );
    let (_, items) = breadcrumb(&site.page("mots-cles/teletravail/index.html"));
    assert_eq!(
        items,
        [
            crumb("/", "Accueil", false),
            crumb("/mots-cles/", "Mots-clés", false),
            crumb("/mots-cles/teletravail/", "télétravail", true),
        ]
    );
    let (_, items) = breadcrumb(&site.page("personnes/helene-marchal/index.html"));
    assert_eq!(
        items,
        [
            crumb("/", "Accueil", false),
            crumb("/personnes/", "Personnes", false),
            crumb("/personnes/helene-marchal/", "Hélène Marchal", true),
        ]
    );
    // Listings and the home page have none.
    for page in [
        "index.html",
        "actualites/index.html",
        "mots-cles/index.html",
    ] {
        assert!(!site.page(page).contains("class=\"breadcrumb"), "{page}");
    }
}

#[test]
fn an_english_site_names_its_breadcrumb_in_english() {
    let site = TestSite::fixture("ok/navigation");
    replace_in(&site.path("site.yaml"), "language: fr", "language: en");
    site.gazette_at(NOW, &["build"]).assert_ok();
    let (name, items) = breadcrumb(&site.page("actualites/accord/index.html"));
    assert_eq!(name, "Breadcrumb");
    assert_eq!(items[0], crumb("/", "Home", false));
    assert_eq!(items.len(), 3, "{items:?}");
    assert_eq!(items[2].2.as_deref(), Some("page"));
}
