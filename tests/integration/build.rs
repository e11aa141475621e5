//! Whole sites built into temporary folders, checked on the HTML a reader
//! gets. The fixture `ok/newsroom` is a small intranet newsroom; "now" is
//! 2026-06-01 (`SOURCE_DATE_EPOCH`).
//!
//! Exact fragments are asserted where Gazette writes the HTML itself (the
//! Markdown body, addresses, typography); the theme's own markup is found by
//! element (`<h1>`, `<img>`, `<time>`), not by class names, so polishing the
//! theme does not break these tests but a wrong title, date or address does.

use gazette::render::fingerprint::{FINGERPRINTED, hashed_name};
use std::fs;

use crate::support::{
    TestSite, addresses, article, attr, elements, elements_with_attrs, head_title, html_lang,
    listed, manifest_dir, only, tree, void_tags,
};

const NBSP: char = '\u{a0}';

fn newsroom() -> TestSite {
    let site = TestSite::fixture("ok/newsroom");
    site.build_ok(&[]);
    site
}

#[test]
fn article_page_has_everything_a_reader_needs() {
    let site = newsroom();
    let html = site.page("actualites/bilan-social/index.html");

    assert_eq!(html_lang(&html).as_deref(), Some("fr"));
    let title = format!("Bilan social{NBSP}: les chiffres de l’année");
    assert_eq!(only(&html, "h1"), title);
    let in_head = head_title(&html);
    assert!(in_head.starts_with(&title), "<title>{in_head}</title>");

    // The lead (summary), inline Markdown with French typography.
    assert!(
        html.contains(&format!(
            ">Effectifs, formation, absentéisme{NBSP}: ce que dit le <em>bilan social</em>.</"
        )),
        "lead missing: {html}"
    );

    // The cover image, copied beside the page, with its alternative text.
    let cover: Vec<String> = void_tags(&html, "img")
        .into_iter()
        .filter(|a| attr(a, "src").as_deref() == Some("/actualites/bilan-social/couverture.png"))
        .collect();
    assert_eq!(cover.len(), 1, "one cover image: {cover:?}");
    assert_eq!(
        attr(&cover[0], "alt").as_deref(),
        Some("Graphique des effectifs : barres orange sur fond clair, l&#39;an dernier à gauche"),
        "an attribute gets no typography"
    );
    assert!(html.contains("Studio du réseau"), "cover credit");

    // Body: headings with stable ids, accents folded.
    assert!(html.contains("<h2 id=\"les-chiffres-cles\">Les chiffres clés</h2>\n"));
    assert!(html.contains("<h2 id=\"ce-qui-reste-a-faire\">Ce qui reste à faire</h2>\n"));

    // A GFM table, with its alignment.
    assert!(html.contains(concat!(
        "<table><thead><tr><th>Indicateur</th>",
        "<th style=\"text-align: right\">2017</th>",
        "<th style=\"text-align: right\">2018</th></tr></thead><tbody>\n",
        "<tr><td>Effectif</td><td style=\"text-align: right\">1250</td>",
        "<td style=\"text-align: right\">1300</td></tr>\n",
    )));

    // Strikethrough, and a footnote call that leads to its note and back.
    assert!(html.contains(concat!(
        "<p>Le taux d’absentéisme <del>augmente</del> baisse",
        "<sup class=\"footnote-ref\"><a href=\"#note-rh\" id=\"appel-rh\" aria-label=\"Note 1\">1</a></sup>.</p>"
    )));
    assert!(html.contains(concat!(
        "<li id=\"note-rh\"><p>Chiffres du service RH, juin 2018. ",
        "<a href=\"#appel-rh\" class=\"footnote-back\" aria-label=\"Retour au texte, appel de note 1\">↩</a></p></li>"
    )));

    // An image of the body, published beside the page as a <picture> of
    // its variants (a 1-pixel PNG: one width).
    assert!(html.contains(concat!(
        "<picture><source type=\"image/webp\" srcset=\"/actualites/bilan-social/graphique.1w.webp 1w\" sizes=\"(min-width: 44rem) 40rem, 100vw\">",
        "<img src=\"/actualites/bilan-social/graphique.png\" srcset=\"/actualites/bilan-social/graphique.1w.png 1w\" sizes=\"(min-width: 44rem) 40rem, 100vw\" ",
        "width=\"1\" height=\"1\" alt=\"Évolution des effectifs\" loading=\"lazy\" decoding=\"async\"></picture>"
    )));

    // A task list: two checkboxes, the first one ticked.
    let items = elements(&html, "li");
    let done = items
        .iter()
        .find(|li| li.contains("Publier le bilan"))
        .expect("first task");
    let todo = items
        .iter()
        .find(|li| li.contains("Le présenter en comité"))
        .expect("second task");
    assert!(
        done.contains("type=\"checkbox\"") && done.contains("checked"),
        "{done}"
    );
    assert!(
        todo.contains("type=\"checkbox\"") && !todo.contains("checked"),
        "{todo}"
    );

    // Category, date written the French way, tags, authors, source.
    assert!(html.contains(">Qualité de vie au travail<"), "category");
    let dates: Vec<(String, String)> = elements_with_attrs(&html, "time");
    assert!(
        dates.iter().any(
            |(a, t)| attr(a, "datetime").as_deref() == Some("2018-07-17") && t == "17 juillet 2018"
        ),
        "date: {dates:?}"
    );
    assert!(
        html.contains(">bilan social<") && html.contains(">égalité<"),
        "tags"
    );
    assert!(
        html.contains("Claire Vasseur") && html.contains("Paul Durand"),
        "authors"
    );
    assert!(html.contains("<cite>Rapport annuel 2018</cite>"), "source");
    assert!(html.contains("61"), "source page");

    // The attached document, with its title.
    let download = elements_with_attrs(&html, "a")
        .into_iter()
        .find(|(a, _)| attr(a, "href").as_deref() == Some("/actualites/bilan-social/rapport.pdf"))
        .expect("download link");
    assert!(download.1.contains("Le rapport complet"), "{download:?}");
}

#[test]
fn french_typography_in_text_but_not_in_code() {
    let site = newsroom();
    let html = site.page("actualites/bilan-social/index.html");
    assert!(
        html.contains(&format!(
            "<p>Le bilan social de l’année vient de paraître. À la question du télétravail, la direction a répondu «{NBSP}oui{NBSP}».</p>"
        )),
        "{html}"
    );
    let code = elements(&html, "pre");
    assert_eq!(code.len(), 1, "{code:?}");
    assert!(code[0].contains("&quot;</span>oui<span"), "{}", code[0]);
    assert!(
        !code[0].contains('«') && !code[0].contains('’'),
        "{}",
        code[0]
    );
}

#[test]
fn pretty_urls_from_file_and_folder_names() {
    let site = newsroom();
    for page in [
        // A leading date is dropped, from a bundle folder and from a file.
        "actualites/bilan-social/index.html",
        "actualites/accord-signe/index.html",
        // Accents folded, spaces made dashes: `À la Cnav.md`.
        "actualites/a-la-cnav/index.html",
        "actualites/forum-des-metiers/index.html",
        "portraits/nadia/index.html",
        "index.html",
        "actualites/index.html",
        "portraits/index.html",
    ] {
        assert!(site.has(page), "{page} missing");
    }
    for absent in [
        "actualites/2024-03-01-bilan-social",
        "actualites/2026-04-01-accord-signe",
        "actualites/À la Cnav",
        "actualites/bilan-social.html",
        "actualites/bilan-social/index.md",
    ] {
        assert!(!site.has(absent), "{absent} should not exist");
    }
}

#[test]
fn bundle_files_are_copied_beside_the_page() {
    let site = newsroom();
    let bundle = site.path("content/actualites/2024-03-01-bilan-social");
    let out = site.path("output/actualites/bilan-social");
    assert_eq!(
        fs::read(out.join("rapport.pdf")).ok(),
        fs::read(bundle.join("rapport.pdf")).ok()
    );
    // A photo's address serves its largest variant (1 pixel wide here),
    // re-encoded without metadata, not the upload.
    for (name, largest) in [
        ("couverture.png", "couverture.1w.png"),
        ("graphique.png", "graphique.1w.png"),
    ] {
        let published = fs::read(out.join(name)).expect(name);
        assert_eq!(
            fs::read(out.join(largest)).ok(),
            Some(published.clone()),
            "{name}"
        );
        let pixels = image::load_from_memory(&published).expect("decodes");
        assert_eq!((pixels.width(), pixels.height()), (1, 1), "{name}");
    }
}

#[test]
fn section_lists_articles_newest_first_and_paginates() {
    let site = newsroom();
    let page1 = site.page("actualites/index.html");
    let page2 = site.page("actualites/page/2/index.html");
    assert_eq!(
        listed(&page1),
        [
            "/actualites/accord-signe/",
            "/actualites/forum-des-metiers/"
        ]
    );
    assert_eq!(
        listed(&page2),
        ["/actualites/a-la-cnav/", "/actualites/bilan-social/"]
    );
    assert!(!site.has("actualites/page/3"));
    // The pages lead to each other.
    assert!(addresses(&page1).contains(&"/actualites/page/2/".to_string()));
    assert!(addresses(&page2).contains(&"/actualites/".to_string()));
    // Page 1 is the section's own address, never `page/1/`.
    assert!(!site.has("actualites/page/1"));
    assert_eq!(only(&page1, "h1"), "Actualités");
}

#[test]
fn section_sorted_by_title_ignores_accents() {
    let site = newsroom();
    assert_eq!(
        listed(&site.page("portraits/index.html")),
        ["/portraits/elodie/", "/portraits/nadia/", "/portraits/zoe/"]
    );
}

#[test]
fn home_lists_pinned_articles_first() {
    let site = newsroom();
    assert_eq!(
        listed(&site.page("index.html")),
        [
            "/portraits/nadia/",
            "/portraits/zoe/",
            "/actualites/accord-signe/",
            "/actualites/forum-des-metiers/",
            "/actualites/a-la-cnav/",
            "/portraits/elodie/",
            "/actualites/bilan-social/",
        ]
    );
}

#[test]
fn not_found_page_and_language() {
    let site = newsroom();
    let html = site.page("404.html");
    assert!(head_title(&html).starts_with("Page introuvable"));
    let pages: Vec<String> = site
        .output()
        .into_keys()
        .filter(|p| p.ends_with(".html"))
        .collect();
    assert!(pages.len() >= 12, "{pages:#?}");
    for page in pages {
        let html = site.page(&page);
        assert_eq!(html_lang(&html).as_deref(), Some("fr"), "{page}");
    }
}

#[test]
fn static_files_of_theme_and_site_are_copied() {
    let site = newsroom();
    let out = site.output();
    let theme = tree(&manifest_dir().join("themes/gazette/static"));
    assert!(!theme.is_empty());
    for (path, bytes) in &theme {
        let mut expected = bytes.clone();
        if path == "css/gazette.css" {
            // The theme's code colours are appended: light, then dark in
            // its media query.
            expected.extend_from_slice(b"\n");
            expected.extend_from_slice(&theme["css/code-light.css"]);
            expected.extend_from_slice(b"\n@media (prefers-color-scheme: dark) {\n");
            expected.extend_from_slice(&theme["css/code-dark.css"]);
            expected.extend_from_slice(b"}\n");
        }
        // The pages' stylesheets and script under the hash of their bytes.
        let published = if FINGERPRINTED.contains(&path.as_str()) {
            assert!(!out.contains_key(path), "{path} published unhashed");
            hashed_name(path, &expected)
        } else {
            path.clone()
        };
        let copied = out
            .get(&published)
            .unwrap_or_else(|| panic!("theme file {path} not copied as {published}"));
        assert_eq!(copied, &expected, "{path}");
    }
    for path in ["documents/charte.txt", "images/logo.png"] {
        assert_eq!(
            out.get(path),
            fs::read(site.path("static").join(path)).ok().as_ref(),
            "site static file {path}"
        );
    }
}

#[test]
fn site_templates_and_static_files_override_the_theme() {
    let site = TestSite::fixture("ok/override");
    site.build_ok(&[]);
    assert_eq!(
        site.page("actualites/accord/index.html"),
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head><meta charset=\"utf-8\"><title>L’accord est signé</title></head>\n<body class=\"gabarit-du-site\">\n<h1>L’accord est signé</h1>\n<p>Trois jours par semaine au plus.</p>\n\n</body>\n</html>\n"
    );
    // Other pages still come from the theme.
    assert!(site.page("index.html").contains("<main"));
    // A site static file wins over the theme's file of the same name.
    let own = fs::read_to_string(site.path("static/css/print.css")).unwrap_or_default();
    assert_eq!(
        site.page(&hashed_name("css/print.css", own.as_bytes())),
        own
    );
}

#[test]
fn drafts_embargoes_and_expired_articles() {
    let draft = "actualites/brouillon/index.html";
    let embargo = "actualites/embargo/index.html";
    let expired = "actualites/perime/index.html";

    let site = newsroom();
    assert!(!site.has(draft) && !site.has(embargo) && !site.has(expired));
    let listing = site.page("actualites/index.html");
    assert!(!listing.contains("Un brouillon") && !listing.contains("Sous embargo"));

    site.build_ok(&["--drafts"]);
    assert!(site.has(draft) && !site.has(embargo) && !site.has(expired));

    site.build_ok(&["--future"]);
    assert!(!site.has(draft) && site.has(embargo) && !site.has(expired));

    site.build_ok(&["--drafts", "--future"]);
    assert!(site.has(draft) && site.has(embargo) && !site.has(expired));
    // Newest first, with the embargoed article on top; now three pages.
    assert_eq!(
        listed(&site.page("actualites/index.html")),
        ["/actualites/embargo/", "/actualites/accord-signe/"]
    );
    assert_eq!(
        listed(&site.page("actualites/page/3/index.html")),
        ["/actualites/brouillon/", "/actualites/bilan-social/"]
    );

    // The embargo lifts by itself on its date.
    let after = 1_788_220_800; // 2026-09-01T00:00:00Z
    assert_eq!(site.gazette_at(after - 1, &["build"]).code, 0);
    assert!(!site.has(embargo));
    assert_eq!(site.gazette_at(after, &["build"]).code, 0);
    assert!(site.has(embargo));
    // An expired article comes back only before its expiry date.
    let before_expiry = 1_767_225_599; // 2025-12-31T23:59:59Z
    assert_eq!(site.gazette_at(before_expiry, &["build"]).code, 0);
    assert!(site.has(expired));
}

#[test]
fn links_to_markdown_files_become_article_urls() {
    let site = newsroom();
    let cnav = site.page("actualites/a-la-cnav/index.html");
    assert!(
        cnav.contains(concat!(
            "<p>Lire <a href=\"/actualites/bilan-social/\">le bilan</a>, ",
            "<a href=\"/actualites/accord-signe/\">l’accord</a> et ",
            "<a href=\"/portraits/nadia/#son-parcours\">le portrait de Nadia</a>.</p>"
        )),
        "{cnav}"
    );
    assert!(
        cnav.contains(
            "<p>Le <a href=\"/actualites/bilan-social/rapport.pdf\">rapport</a> est en ligne.</p>"
        ),
        "{cnav}"
    );
    let accord = site.page("actualites/accord-signe/index.html");
    assert!(
        accord.contains(
            "<a href=\"/actualites/bilan-social/#les-chiffres-cles\">les chiffres du bilan</a>"
        ),
        "{accord}"
    );
    // No page anywhere links to a Markdown file.
    for (path, bytes) in site.output() {
        if path.ends_with(".html") {
            let html = String::from_utf8_lossy(&bytes);
            for a in addresses(&html) {
                assert!(!a.contains(".md"), "{path} links to {a}");
            }
        }
    }
}

#[test]
fn base_url_prefixes_every_internal_address() {
    let site = TestSite::fixture("ok/newsroom");
    site.build_ok(&["--base-url", "https://x.example/rh/"]);
    let mut checked = 0;
    for (path, bytes) in site.output() {
        // Not in a page, a feed, the sitemap or anything else.
        if let Ok(text) = std::str::from_utf8(&bytes) {
            assert!(!text.contains("intranet.example.org"), "{path}");
        }
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        for a in addresses(&html) {
            if a.starts_with('/') {
                assert!(a.starts_with("/rh/"), "{path}: {a}");
                checked += 1;
            } else if a.starts_with("http") && !a.contains("defenseurdesdroits.fr") {
                // (The statement's remedies are the Défenseur des droits'.)
                assert!(a.starts_with("https://x.example/rh/"), "{path}: {a}");
            }
        }
    }
    assert!(checked > 50, "only {checked} addresses checked");
    let cnav = site.page("actualites/a-la-cnav/index.html");
    assert!(cnav.contains(
        "<a href=\"/rh/actualites/bilan-social/\">le bilan</a>, <a href=\"/rh/actualites/accord-signe/\">"
    ));
    assert!(
        cnav.contains(
            "<link rel=\"canonical\" href=\"https://x.example/rh/actualites/a-la-cnav/\">"
        )
    );
    // The files stay where they are: the prefix is the server's business.
    assert!(site.has("actualites/a-la-cnav/index.html"));
    assert!(!site.has("rh"));
}

fn raw_html_site(mode: Option<&str>) -> String {
    let site = TestSite::new();
    let markdown = mode
        .map(|m| format!("markdown:\n  raw_html: {m}\n"))
        .unwrap_or_default();
    site.write("site.yaml", format!("title: Le Fil RH\n{markdown}"));
    site.write(
        "content/brut.md",
        "---\ntitle: Du HTML brut\ndate: 2026-03-12\n---\nAvant.\n\n<script>alert(1)</script>\n\nTexte <b onclick=\"x()\">gras</b>.\n",
    );
    site.build_ok(&[]);
    site.page("brut/index.html")
}

#[test]
fn raw_html_is_sanitized_by_default() {
    for mode in [None, Some("sanitize")] {
        let html = raw_html_site(mode);
        assert!(!html.contains("alert(1)"), "{mode:?}: {html}");
        assert!(!html.contains("onclick"), "{mode:?}: {html}");
        assert!(
            html.contains("<p>Avant.</p>\n\n<p>Texte <b>gras</b>.</p>\n"),
            "{mode:?}: {html}"
        );
    }
}

#[test]
fn raw_html_kept_when_allowed() {
    let html = raw_html_site(Some("allow"));
    assert!(
        html.contains(
            "<p>Avant.</p>\n<script>alert(1)</script>\n<p>Texte <b onclick=\"x()\">gras</b>.</p>\n"
        ),
        "{html}"
    );
}

#[test]
fn raw_html_shown_as_text_when_escaped() {
    let html = raw_html_site(Some("escape"));
    assert!(
        html.contains(
            "<p>Avant.</p>\n&lt;script&gt;alert(1)&lt;/script&gt;\n<p>Texte &lt;b onclick=\"x()\"&gt;gras&lt;/b&gt;.</p>\n"
        ),
        "{html}"
    );
    assert!(!html.contains("<script>alert"), "{html}");
}

#[test]
fn crlf_and_byte_order_mark_render_like_any_file() {
    let site = TestSite::fixture("ok/crlf-bom");
    let source = fs::read(site.path("content/actualites/accord.md")).unwrap_or_default();
    assert!(
        source.starts_with(b"\xEF\xBB\xBF---\r\n"),
        "the fixture lost its BOM or CRLF"
    );
    site.build_ok(&[]);
    let html = site.page("actualites/accord/index.html");
    assert!(
        !html.contains('\r') && !html.contains('\u{feff}'),
        "{html:?}"
    );
    assert_eq!(only(&html, "h1"), "L’accord télétravail est signé");
    assert!(
        html.contains(">Trois jours par semaine, au plus.</"),
        "lead"
    );
    assert!(html.contains(">17 juillet 2018</time>"));
    assert!(
        html.contains(">télétravail<") && html.contains(">accord<"),
        "tags"
    );
    assert!(html.contains(&format!(
        "<p>Le texte a été signé «{NBSP}hier{NBSP}».\nIl entre en vigueur en septembre.</p>\n<h2 id=\"les-chiffres-cles\">Les chiffres clés</h2>\n<ul>\n<li>un</li>\n<li>deux</li>\n</ul>\n<pre class=\"code\"><code>ligne 1\nligne 2\n</code></pre>\n<p>Voir <a href=\"#les-chiffres-cles\">les chiffres</a>.</p>\n"
    )), "{html}");
}

#[test]
fn in_memory_build_gives_the_same_pages() {
    // A site without dates near "now", so the clock of this process (the
    // library reads no `SOURCE_DATE_EPOCH` here) builds the same site.
    let site = TestSite::fixture("ok/crlf-bom");
    site.build_ok(&[]);
    let result = gazette::build::build_in_memory(&gazette::build::BuildOptions::of(&site.root));
    assert!(
        !result.diagnostics.has_errors(),
        "{}",
        result.diagnostics.render(gazette::language::Language::Fr)
    );
    let on_disk = site.output();
    assert_eq!(
        result.files.keys().collect::<Vec<_>>(),
        on_disk.keys().collect::<Vec<_>>()
    );
    for (path, content) in &result.files {
        let bytes = match content {
            gazette::render::Content::Bytes(bytes) => bytes.clone(),
            gazette::render::Content::Copy(src) => {
                fs::read(site.root.join(src)).unwrap_or_default()
            }
        };
        assert_eq!(Some(&bytes), on_disk.get(path), "{path}");
    }
}

#[test]
fn the_listing_summary_links_where_the_first_paragraph_links() {
    let site = TestSite::new();
    site.write(
        "site.yaml",
        "title: Le Fil RH\nbase_url: https://intranet.example.org/\nsearch: false\n",
    );
    site.write(
        "content/actualites/a.md",
        "---\ntitle: A\ndate: 2026-03-01\n---\nTexte A.\n",
    );
    site.write(
        "content/actualites/b.md",
        "---\ntitle: B\ndate: 2026-03-02\n---\nTexte B.\n",
    );
    // A link in a list comes before the first paragraph's own link.
    site.write(
        "content/actualites/c.md",
        "---\ntitle: C\ndate: 2026-03-03\n---\n- voir [A](a.md)\n\nLire [l’article B](b.md) aussi.\n",
    );
    site.build_ok(&[]);
    let listing = site.page("actualites/index.html");
    assert!(
        listing.contains("Lire <a href=\"/actualites/b/\">l’article B</a> aussi."),
        "{listing}"
    );
}

#[test]
fn a_theme_reads_the_extra_map_of_articles_and_sections() {
    let site = TestSite::fixture("ok/newsroom");
    let article = "content/actualites/2026-04-01-accord-signe.md";
    let text = std::fs::read_to_string(site.path(article)).unwrap();
    site.write(
        article,
        text.replacen("---\n", "---\nextra:\n  couleur: vert\n  rang: 2\n", 1),
    );
    let index = "content/actualites/_index.md";
    let text = std::fs::read_to_string(site.path(index)).unwrap();
    site.write(
        index,
        text.replacen("---\n", "---\nextra:\n  bandeau: Spécial accords\n", 1),
    );
    site.write(
        "templates/partials/card.html",
        "<p class=\"carte\" data-couleur=\"{{ item.extra.couleur | default(value='aucune') }}\">{{ item.title }}</p>",
    );
    site.write(
        "templates/section.html",
        "<!DOCTYPE html><html lang=\"fr\"><head><title>{{ section.title }}</title></head><body><p class=\"bandeau\">{{ section.extra.bandeau | default(value='') }}</p>{% for item in pager.items %}{% include \"partials/card.html\" %}{% endfor %}</body></html>",
    );
    site.build_ok(&[]);
    let listing = site.page("actualites/index.html");
    assert!(
        listing.contains("<p class=\"bandeau\">Spécial accords</p>"),
        "{listing}"
    );
    assert!(
        listing.contains(
            "<p class=\"carte\" data-couleur=\"vert\">L’accord télétravail est signé</p>"
        ),
        "{listing}"
    );
    assert!(listing.contains("data-couleur=\"aucune\""), "{listing}");
}

#[test]
fn a_site_card_template_shows_in_every_listing_whether_copied_or_included() {
    let site = TestSite::fixture("ok/newsroom");
    // Rendered once per article and level, then copied into listings.
    site.write(
        "templates/partials/card.html",
        "<p class=\"carte\">{{ item.title }} ({{ card_level }})</p>",
    );
    site.build_ok(&[]);
    let card = "<li><p class=\"carte\">L’accord télétravail est signé (h2)</p></li>";
    assert!(site.page("actualites/index.html").contains(card));
    // The home page shows it at the third level.
    let home_card = "<li><p class=\"carte\">L’accord télétravail est signé (h3)</p></li>";
    assert!(site.page("index.html").contains(home_card));

    // A card that reads the page it is on cannot be rendered once: it is
    // rendered in each listing instead.
    site.write(
        "templates/partials/card.html",
        "<p class=\"carte\">{{ item.title }} sur {{ page.url }}</p>",
    );
    site.build_ok(&[]);
    assert!(site.page("actualites/index.html").contains(
        "<li><p class=\"carte\">L’accord télétravail est signé sur /actualites/</p></li>"
    ));
    assert!(
        site.page("index.html")
            .contains("<li><p class=\"carte\">L’accord télétravail est signé sur /</p></li>")
    );
}

#[test]
fn a_site_without_base_url_builds_with_a_warning() {
    let site = TestSite::fixture("ok/newsroom");
    let settings = fs::read_to_string(site.path("site.yaml")).expect("site.yaml");
    let without: String = settings
        .lines()
        .filter(|l| !l.starts_with("base_url:"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(without, settings, "the fixture sets a base_url");
    site.write("site.yaml", &without);
    let run = site.build_ok(&[]);
    insta::assert_snapshot!("no-base-url-warning", site.redact(&run.stderr));
    // The addresses it warns about.
    assert!(
        site.page("sitemap.xml")
            .contains("<loc>http://localhost/</loc>")
    );
    // `--base-url` gives one: no warning.
    let run = site.build_ok(&["--base-url", "https://intranet.example.org/"]);
    assert_eq!(run.stderr, "");
}

/// A section whose articles are all drafts publishes nothing: no page, no
/// feed, no sitemap entry, no menu entry, and a link to it is a link to a
/// draft; its subsections of drafts neither. With `--drafts` it is
/// published like any other, and so is its menu entry.
#[test]
fn a_section_of_drafts_only_is_published_with_drafts_only() {
    let site = TestSite::with_settings(concat!(
        "menu:\n",
        "  - {title: Actualités, url: /actualites/}\n",
        "  - {title: Portraits, url: /portraits/}\n",
        "  - {title: Dossiers, url: /dossiers}\n",
    ));
    site.write("content/actualites/accord.md", article("L'accord", ""));
    site.write(
        "content/portraits/binome.md",
        article("Un binôme", "draft: true\n"),
    );
    site.write(
        "content/dossiers/rh/paie.md",
        article("La paie", "draft: true\n"),
    );
    site.build_ok(&[]);
    let gone = [
        "portraits/index.html",
        "portraits/atom.xml",
        "dossiers/index.html",
        "dossiers/atom.xml",
        "dossiers/rh/index.html",
    ];
    for page in gone {
        assert!(!site.has(page), "{page} is published");
    }
    let menu = |html: &str| -> Vec<String> {
        let nav = &html[html.find("<nav").expect("a menu")..];
        addresses(&nav[..nav.find("</nav>").expect("the menu's end")])
    };
    assert_eq!(menu(&site.page("index.html")), ["/actualites/"]);
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("/actualites/"), "{sitemap}");
    assert!(
        !sitemap.contains("/portraits/") && !sitemap.contains("/dossiers/"),
        "{sitemap}"
    );
    // A link to it leads to a draft.
    site.write(
        "content/actualites/accord.md",
        article("L'accord", "").replace("Le texte.", "Voir [les portraits](../portraits/)."),
    );
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("mène à un brouillon"), "{}", run.stderr);

    site.build_ok(&["--drafts"]);
    for page in gone {
        assert!(site.has(page), "{page} is not published with --drafts");
    }
    assert_eq!(
        menu(&site.page("index.html")),
        ["/actualites/", "/portraits/", "/dossiers"]
    );
    assert!(site.page("sitemap.xml").contains("/portraits/"));
}
