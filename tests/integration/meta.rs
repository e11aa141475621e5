//! What a page says about itself in its `<head>`: a meta description on
//! every kind of page, and the Open Graph and Twitter card tags a link
//! pasted into Teams or Outlook is previewed from (`partials/meta.html`).
//!
//! The values are read as a crawler reads them: the `content` of each
//! `<meta>` of the head, still escaped as written in the HTML.

use crate::support::{TestSite, attr, head_title, png, void_tags};

/// The `content` of every `<meta property=key>` or `<meta name=key>` of a
/// page's head, in order.
fn metas(html: &str, key: &str) -> Vec<String> {
    let head = &html[..html.find("</head>").expect("a </head>")];
    void_tags(head, "meta")
        .iter()
        .filter(|attrs| {
            attr(attrs, "property").as_deref() == Some(key)
                || attr(attrs, "name").as_deref() == Some(key)
        })
        .filter_map(|attrs| attr(attrs, "content"))
        .collect()
}

/// The only `<meta>` named `key` of a page's head.
#[track_caller]
fn meta(html: &str, key: &str) -> String {
    let all = metas(html, key);
    assert_eq!(all.len(), 1, "expected one <meta> {key}, found {all:?}");
    all.into_iter().next().unwrap_or_default()
}

#[test]
fn every_kind_of_page_describes_itself() {
    let site = TestSite::example();
    // A section without a description of its own.
    site.write(
        "content/actualites/_index.md",
        "---\ntitle: Actualités\n---\n",
    );
    site.build_ok(&[]);
    let description = |rel: &str| meta(&site.page(rel), "description");
    let site_description = "L’actualité des ressources humaines, les portraits et la vie au \
                            travail dans les organismes de sécurité sociale du réseau.";
    assert_eq!(description("index.html"), site_description);
    // A section with a description of its own says it; one without names itself.
    assert_eq!(
        description("vie-au-travail/index.html"),
        "Qualité de vie et des conditions de travail\u{a0}: repères, engagements et bonnes \
         pratiques pour travailler mieux, ensemble."
    );
    let expected = [
        (
            "actualites/index.html",
            "Actualités\u{a0}: tous les articles de la rubrique, du plus récent au plus ancien.",
        ),
        (
            "mots-cles/index.html",
            "Tous les mots-clés des articles, chacun avec le nombre de ses articles.",
        ),
        (
            "mots-cles/teletravail/index.html",
            "Les articles du mot-clé «\u{a0}télétravail\u{a0}», du plus récent au plus ancien.",
        ),
        (
            "personnes/index.html",
            "Toutes les personnes qui s’expriment dans les articles, chacune avec le nombre \
             de ses articles.",
        ),
        (
            "personnes/martine-roussel/index.html",
            "Les articles où s’exprime Martine Roussel, du plus récent au plus ancien.",
        ),
        (
            "organismes/caf-rhone/index.html",
            "Caf du Rhône\u{a0}: les articles qui parlent de cet organisme, du plus récent \
             au plus ancien.",
        ),
        (
            "auteurs/anne-sophie-morel/index.html",
            "Les articles signés par Anne-Sophie Morel, du plus récent au plus ancien.",
        ),
        (
            "recherche/index.html",
            "Cherchez un mot, un nom ou un sujet dans tous les articles du site.",
        ),
        (
            "404.html",
            "La page demandée n’existe pas ou a changé d’adresse.",
        ),
        (
            "accessibilite/index.html",
            "L’état de conformité du site au RGAA (partiellement conforme), ce qui n’est pas \
             accessible et comment obtenir l’information autrement.",
        ),
        (
            "actualites/forum-des-metiers/index.html",
            "Pour sa deuxième édition, le forum des métiers de la sécurité sociale a réuni \
             salariés, alternants et demandeurs d’emploi autour de vingt stands.",
        ),
    ];
    for (page, text) in expected {
        assert_eq!(description(page), text, "{page}");
    }
    // And every page the build writes has one, with an Open Graph twin.
    for (path, text) in site.output_texts() {
        if path.ends_with(".html") && text.contains("<meta name=\"description\"") {
            assert_eq!(
                metas(&text, "description"),
                metas(&text, "og:description"),
                "{path}"
            );
        } else if path.ends_with(".html") && !text.contains("http-equiv=\"refresh\"") {
            panic!("{path} has no meta description");
        }
    }
}

#[test]
fn an_article_previews_with_its_title_description_cover_and_dates() {
    let site = TestSite::example();
    site.build_ok(&[]);
    let page = site.page("actualites/forum-des-metiers/index.html");
    let url = "https://intranet.example.org/actualites/forum-des-metiers/";
    assert_eq!(meta(&page, "og:type"), "article");
    assert_eq!(
        meta(&page, "og:title"),
        "Forum des métiers\u{a0}: plus de 400 visiteurs à Rouen"
    );
    assert_eq!(meta(&page, "og:description"), meta(&page, "description"));
    assert_eq!(meta(&page, "og:url"), url);
    assert_eq!(meta(&page, "og:site_name"), "Le Fil RH");
    assert_eq!(meta(&page, "og:locale"), "fr_FR");
    assert_eq!(meta(&page, "og:image"), format!("{url}cover.png"));
    // The size is read from the PNG's header.
    assert_eq!(meta(&page, "og:image:width"), "1200");
    assert_eq!(meta(&page, "og:image:height"), "675");
    assert_eq!(
        meta(&page, "og:image:alt"),
        "Illustration abstraite : cercles jaunes entrelacés sur un fond dégradé du \
         bordeaux à l&#39;orange."
    );
    assert_eq!(
        meta(&page, "article:published_time"),
        "2025-11-20T00:00:00Z"
    );
    assert!(metas(&page, "article:modified_time").is_empty());
    assert_eq!(meta(&page, "twitter:card"), "summary_large_image");
    assert_eq!(
        meta(&page, "twitter:image:alt"),
        meta(&page, "og:image:alt")
    );

    // A listing is a website, with the site's title on the home page.
    let home = site.page("index.html");
    assert_eq!(meta(&home, "og:type"), "website");
    assert_eq!(meta(&home, "og:title"), "Le Fil RH");
    assert_eq!(meta(&home, "og:url"), "https://intranet.example.org/");
    assert!(metas(&home, "og:image").is_empty());
    assert!(metas(&home, "article:published_time").is_empty());
    assert_eq!(meta(&home, "twitter:card"), "summary");
    let tag = site.page("mots-cles/teletravail/index.html");
    assert_eq!(meta(&tag, "og:title"), "télétravail – Mots-clés");
    assert_eq!(
        meta(&tag, "og:url"),
        "https://intranet.example.org/mots-cles/teletravail/"
    );
}

const LONG_FIRST_PARAGRAPH: &str = "---
title: Le \"forum\" <2026> & après
date: 2026-03-12
updated: 2026-03-20
image: {src: cover.png, alt: 'Un \"dessin\" <b> & co'}
---
Le **forum des métiers** revient à [Rouen](https://example.org/rouen) : R&amp;D, \
&lt;ateliers&gt; et _vingt stands_ tenus par des salariés volontaires, des alternants \
et des demandeurs d'emploi venus de toute la région pour découvrir les métiers du réseau.

## La suite

Un second paragraphe.
";

#[test]
fn an_article_without_a_summary_is_described_by_its_first_paragraph_cut_cleanly() {
    let site = TestSite::with_settings("");
    site.write("content/_index.md", "---\ntitle: Accueil\n---\n");
    site.write("content/actualites/forum/index.md", LONG_FIRST_PARAGRAPH);
    site.write("content/actualites/forum/cover.png", png(800, 450));
    site.write(
        "content/actualites/court.md",
        "---\ntitle: Court\ndate: 2026-03-13\n---\nUn texte *court*, avec un [lien](forum/index.md).\n\nLa suite.\n",
    );
    site.build_ok(&[]);
    let page = site.page("actualites/forum/index.html");
    let description = meta(&page, "description");
    // Plain text: no markup, each character reference decoded then escaped
    // once; cut between two words, with « … », at about 160 characters.
    assert_eq!(
        description,
        "Le forum des métiers revient à Rouen\u{a0}: R&amp;D, &lt;ateliers&gt; et vingt \
         stands tenus par des salariés volontaires, des alternants et des demandeurs \
         d’emploi venus…"
    );
    assert_eq!(meta(&page, "og:description"), description);
    // Front-matter text is escaped: quotes (typeset), `<`, `&`.
    let title = "Le «\u{a0}forum\u{a0}» &lt;2026&gt; &amp; après";
    assert_eq!(meta(&page, "og:title"), title);
    assert_eq!(head_title(&page), format!("{title} – Le Fil RH"));
    assert_eq!(
        meta(&page, "og:image:alt"),
        "Un &quot;dessin&quot; &lt;b&gt; &amp; co"
    );
    assert_eq!(
        meta(&page, "og:image"),
        "https://intranet.example.org/actualites/forum/cover.png"
    );
    assert_eq!(meta(&page, "og:image:width"), "800");
    assert_eq!(meta(&page, "og:image:height"), "450");
    assert_eq!(
        meta(&page, "article:published_time"),
        "2026-03-12T00:00:00Z"
    );
    assert_eq!(meta(&page, "article:modified_time"), "2026-03-20T00:00:00Z");
    let head = &page[..page.find("</head>").unwrap()];
    assert!(!head.contains("<2026>") && !head.contains("<b>"), "{head}");

    // A short first paragraph is kept whole, its emphasis and link as text.
    let short = site.page("actualites/court/index.html");
    assert_eq!(meta(&short, "description"), "Un texte court, avec un lien.");
}

#[test]
fn an_english_site_previews_in_english() {
    // No content/_index.md: the home page is described by the site's
    // description, typeset.
    let site = TestSite::with_settings("language: en\ndescription: The network's news.\n");
    site.write(
        "content/news/first.md",
        "---\ntitle: First\ndate: 2026-03-12\ntags: [remote work]\n---\nThe first article.\n",
    );
    site.build_ok(&[]);
    let home = site.page("index.html");
    assert_eq!(meta(&home, "og:locale"), "en_US");
    assert_eq!(meta(&home, "description"), "The network’s news.");
    assert_eq!(
        meta(&site.page("news/index.html"), "description"),
        "News: every article of this section, newest first."
    );
    assert_eq!(
        meta(
            &site.page("mots-cles/remote-work/index.html"),
            "description"
        ),
        "Articles tagged “remote work”, newest first."
    );
    assert_eq!(
        meta(&site.page("search/index.html"), "description"),
        "Search every article of the site for a word, a name or a subject."
    );
    assert_eq!(
        meta(&site.page("404.html"), "description"),
        "The page you asked for does not exist or has moved."
    );
    assert_eq!(
        meta(&site.page("news/first/index.html"), "description"),
        "The first article."
    );
}

#[test]
fn without_a_base_url_no_tag_points_to_localhost() {
    let site = TestSite::new();
    site.write("site.yaml", "title: Le Fil RH\n");
    site.write("content/_index.md", "---\ntitle: Accueil\n---\n");
    site.write("content/actualites/forum/index.md", LONG_FIRST_PARAGRAPH);
    site.write("content/actualites/forum/cover.png", png(800, 450));
    site.build_ok(&[]);
    let page = site.page("actualites/forum/index.html");
    for key in ["og:url", "og:image", "og:image:alt", "twitter:image:alt"] {
        assert!(metas(&page, key).is_empty(), "{key}");
    }
    assert_eq!(meta(&page, "twitter:card"), "summary");
    assert_eq!(meta(&page, "og:type"), "article");
    assert_eq!(meta(&page, "og:site_name"), "Le Fil RH");
    assert!(!meta(&page, "og:description").is_empty());
}

#[test]
fn the_site_share_image_previews_the_pages_without_one() {
    let site = TestSite::with_settings(
        "share_image:\n  src: /images/partage.png\n  alt: Le logo du Fil RH.\n",
    );
    site.write("static/images/partage.png", png(800, 450));
    site.write("content/_index.md", "---\ntitle: Accueil\n---\n");
    site.write("content/actualites/forum/index.md", LONG_FIRST_PARAGRAPH);
    site.write("content/actualites/forum/cover.png", png(800, 450));
    site.write(
        "content/actualites/court.md",
        "---\ntitle: Court\ndate: 2026-03-13\n---\nUn texte court.\n",
    );
    site.build_ok(&[]);
    let shared = "https://intranet.example.org/images/partage.png";
    for page in [
        "index.html",
        "actualites/court/index.html",
        "mots-cles/index.html",
        "404.html",
    ] {
        let html = site.page(page);
        assert_eq!(meta(&html, "og:image"), shared, "{page}");
        assert_eq!(meta(&html, "og:image:alt"), "Le logo du Fil RH.", "{page}");
        assert_eq!(meta(&html, "og:image:width"), "800", "{page}");
        assert_eq!(meta(&html, "twitter:card"), "summary_large_image", "{page}");
    }
    // An article's cover wins.
    assert_eq!(
        meta(&site.page("actualites/forum/index.html"), "og:image"),
        "https://intranet.example.org/actualites/forum/cover.png"
    );
    assert!(site.has("images/partage.png"));
}

#[test]
fn a_site_in_a_sub_folder_previews_with_its_whole_addresses() {
    let site = TestSite::with_settings(
        "share_image:\n  src: images/partage.png\n  alt: Le logo du Fil RH.\n",
    );
    site.write("static/images/partage.png", png(800, 450));
    site.write("content/actualites/forum/index.md", LONG_FIRST_PARAGRAPH);
    site.write("content/actualites/forum/cover.png", png(800, 450));
    site.build_ok(&["--base-url", "https://intranet.example.org/rh"]);
    let article = site.page("actualites/forum/index.html");
    assert_eq!(
        meta(&article, "og:url"),
        "https://intranet.example.org/rh/actualites/forum/"
    );
    assert_eq!(
        meta(&article, "og:image"),
        "https://intranet.example.org/rh/actualites/forum/cover.png"
    );
    assert_eq!(
        meta(&site.page("index.html"), "og:image"),
        "https://intranet.example.org/rh/images/partage.png"
    );
}
