//! Blocks of the front matter (interview, testimonies, principles, quotes)
//! and boxed notes, placed by shortcodes or after the body.

use crate::support::{TestSite, position};

const ARTICLE: &str = r#"---
title: Mentorat, regards croisés
date: 2026-03-12
people:
  cb:
    name: Camille Bertin
    role: Contrôleuse de sécurité
interview:
  with: cb
  intro: "Camille a rejoint le service en **janvier**."
  questions:
    - q: Qu'attendiez-vous du mentorat ?
      a: Je ne savais pas trop.
    - q: Et aujourd'hui ?
      a: J'ai trouvé *ma* façon de faire.
testimonials:
  - text: "Je me suis sentie utile."
  - text: "J'ai découvert un autre métier."
    by: {name: Karim B., role: Gestionnaire}
principles:
  engagements:
    title: Nos engagements
    items:
      - Donner du sens
      - title: Une instance ouverte
        text: Ses réunions sont ouvertes à tous.
quotes:
  echange:
    text: "Le mentorat, c'est un échange."
    by: cb
---
Un an après, nous avons réuni un binôme.

{{ interview(questions="2") }}

Le shortcode `{{ interview() }}` s'écrit seul sur sa ligne.

{% aside(title="À savoir") %}
Le mentorat est **volontaire**.
{% end %}

Fin de l'article.
"#;

fn build() -> String {
    let site = TestSite::with_settings("");
    site.write("content/portraits/mentorat.md", ARTICLE);
    site.build_ok(&[]);
    site.page("portraits/mentorat/index.html")
}

#[test]
fn blocks_are_placed_where_the_body_says_then_after_it() {
    let html = build();
    let nnbsp = '\u{202f}';
    // Placed by the body, in the body's order.
    let intro = position(&html, "<p>Un an après, nous avons réuni un binôme.</p>");
    let question = position(&html, &format!("Et aujourd’hui{nnbsp}?"));
    let answer = position(&html, "<p>J’ai trouvé <em>ma</em> façon de faire.</p>");
    let code = position(
        &html,
        "<p>Le shortcode <code>{{ interview() }}</code> s’écrit seul sur sa ligne.</p>",
    );
    let aside = position(&html, "<p>Le mentorat est <strong>volontaire</strong>.</p>");
    let end = position(&html, "<p>Fin de l’article.</p>");
    // Not placed: after the body, as interview, testimonials, principles, quotes.
    let testimony = position(&html, "<p>Je me suis sentie utile.</p>");
    let testimony2 = position(&html, "<p>J’ai découvert un autre métier.</p>");
    let principle = position(&html, "Donner du sens");
    let titled = position(&html, "<p>Ses réunions sont ouvertes à tous.</p>");
    let quote = position(&html, "Le mentorat, c’est un échange.");
    let order = [
        intro, question, answer, code, aside, end, testimony, testimony2, principle, titled, quote,
    ];
    assert!(order.is_sorted(), "{order:?}\n{html}");

    // Only question 2 is placed: question 1 and the intro (shown with
    // question 1) are not on the page.
    assert!(!html.contains("Qu’attendiez-vous"), "{html}");
    assert!(!html.contains("janvier"), "{html}");

    // The answer is introduced by the speaker's initials; the aside keeps
    // its title; people and speakers get their cards.
    assert!(html[question..answer].contains(">CB<"), "{html}");
    assert!(html[code..aside].contains("À savoir"), "{html}");
    assert!(html[testimony2..principle].contains("Karim B."), "{html}");
    assert!(html[quote..].contains("Camille Bertin"), "{html}");
    assert!(html[testimony2..principle].contains("Nos engagements"));
    assert!(html[principle..titled].contains("Une instance ouverte"));
}

#[test]
fn a_simple_article_needs_no_shortcode() {
    let site = TestSite::new();
    site.write("site.yaml", "title: Le Fil RH\n");
    site.write(
        "content/citation.md",
        "---\ntitle: Une citation\ndate: 2026-03-12\nquotes:\n  sens:\n    text: \"Le sens se construit ensemble.\"\n---\nLe texte.\n",
    );
    site.build_ok(&[]);
    let html = site.page("citation/index.html");
    let body = position(&html, "<p>Le texte.</p>");
    let quote = position(&html, "Le sens se construit ensemble.");
    assert!(body < quote, "{html}");
}

#[test]
fn links_reach_interview_questions_and_headings_inside_blocks() {
    let site = TestSite::new();
    site.write("site.yaml", SITE_YAML);
    site.write(
        "content/portraits/mentorat.md",
        ARTICLE
            .replace(
                "Un an après, nous avons réuni un binôme.",
                "Un an après, nous avons réuni un binôme ([la deuxième question](#entretien-q2), [l’encadré](#encadre-en-pratique)).\n\n## En pratique",
            )
            .replace(
                "Le mentorat est **volontaire**.",
                "## En pratique\n\nLe mentorat est **volontaire**.",
            ),
    );
    site.write(
        "content/actualites/renvoi.md",
        "---\ntitle: Un renvoi\ndate: 2026-03-13\n---\nLisez [la deuxième réponse](../portraits/mentorat.md#entretien-q2).\n",
    );
    site.build_ok(&[]);
    let html = site.page("portraits/mentorat/index.html");
    // The body's heading and the aside's have different ids.
    assert!(
        html.contains("<h2 id=\"en-pratique\">En pratique</h2>"),
        "{html}"
    );
    assert!(
        html.contains("<h2 id=\"encadre-en-pratique\">En pratique</h2>"),
        "{html}"
    );
    assert!(html.contains("id=\"entretien-q2\""), "{html}");
    assert!(
        html.contains("<a href=\"#entretien-q2\">la deuxième question</a>"),
        "{html}"
    );
    let other = site.page("actualites/renvoi/index.html");
    assert!(
        other.contains("href=\"/portraits/mentorat/#entretien-q2\""),
        "{other}"
    );
    // The body places question 2 only: question 1 is not on the page, and a
    // link to it is an error, like one to a question the interview lacks.
    assert!(!html.contains("id=\"entretien-q1\""), "{html}");
    for missing in ["entretien-q1", "entretien-q5"] {
        site.write(
            "content/actualites/renvoi.md",
            format!("---\ntitle: Un renvoi\ndate: 2026-03-13\n---\nLisez [la réponse](../portraits/mentorat.md#{missing}).\n"),
        );
        let run = site.gazette(&["build"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(run.stderr.contains(missing), "{}", run.stderr);
    }
}

const SITE_YAML: &str =
    "title: Le Fil RH\nbase_url: https://intranet.example.org/\nsearch: false\n";

#[test]
fn a_site_shortcode_template_takes_named_arguments_and_a_body() {
    let site = TestSite::new();
    site.write("site.yaml", SITE_YAML);
    site.write(
        "templates/shortcodes/chiffre.html",
        "<p class=\"chiffre\"><strong>{{ valeur }}</strong> {{ legende }}{% if body_html %}{{ body_html | safe }}{% endif %}</p>\n",
    );
    site.write(
        "content/actualites/bilan.md",
        "---\ntitle: Le bilan\ndate: 2026-03-01\n---\nAvant.\n\n{{ chiffre(valeur=1300, legende=\"agents formés\") }}\n\n{% chiffre(valeur=\"12 %\", legende=\"de plus\") %}\nEn **un an**.\n{% end %}\n\nAprès.\n",
    );
    site.build_ok(&[]);
    let page = site.page("actualites/bilan/index.html");
    assert!(
        page.contains(
            "<p>Avant.</p>\n<p class=\"chiffre\"><strong>1300</strong> agents formés</p>"
        ),
        "{page}"
    );
    assert!(
        page.contains("<p class=\"chiffre\"><strong>12 %</strong> de plus<p>En <strong>un an</strong>.</p>\n</p>"),
        "{page}"
    );
    let after = page.find("<p>Après.</p>").unwrap_or(0);
    let block = page.find("de plus").unwrap_or(usize::MAX);
    assert!(block < after, "blocks stay where the body places them");
}

#[test]
fn a_site_restyles_a_built_in_block() {
    let site = TestSite::new();
    site.write("site.yaml", SITE_YAML);
    site.write(
        "templates/shortcodes/quote.html",
        "<blockquote class=\"maison\">{{ quote.text_html | safe }}</blockquote>\n",
    );
    site.write(
        "content/actualites/q.md",
        "---\ntitle: Citation\ndate: 2026-03-01\nquotes:\n  sens:\n    text: Le sens *ensemble*.\n---\nTexte.\n",
    );
    site.build_ok(&[]);
    let page = site.page("actualites/q/index.html");
    assert!(
        page.contains("<blockquote class=\"maison\">Le sens <em>ensemble</em>.</blockquote>"),
        "{page}"
    );
}

#[test]
fn gazette_new_starts_a_draft_of_each_kind_that_builds() {
    let site = TestSite::new();
    site.write("site.yaml", SITE_YAML);
    for kind in ["article", "interview", "testimonials", "principles"] {
        let path = format!("actualites/essai-{kind}");
        let run = site.gazette(&["new", &path, "--kind", kind]);
        run.assert_ok();
        assert_eq!(
            run.stdout,
            format!("brouillon créé : content/actualites/essai-{kind}.md\n")
        );
        let text =
            std::fs::read_to_string(site.path(&format!("content/{path}.md"))).unwrap_or_default();
        assert!(text.contains(&format!("title: \"Essai {kind}\"")), "{text}");
        assert!(text.contains("draft: true"), "{text}");
    }
    // Drafts stay out of a normal build, and build with --drafts.
    site.build_ok(&[]);
    assert!(!site.has("actualites/essai-interview/index.html"));
    site.build_ok(&["--drafts"]);
    for kind in ["article", "interview", "testimonials", "principles"] {
        assert!(
            site.has(&format!("actualites/essai-{kind}/index.html")),
            "{kind}"
        );
    }
    // Never overwrites.
    let again = site.gazette(&["new", "actualites/essai-article"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("existe déjà"), "{}", again.stderr);
}

#[test]
fn texts_of_blocks_rendered_apart_never_share_an_id() {
    let site = TestSite::new();
    site.write("site.yaml", "title: Le Fil RH\n");
    site.write(
        "content/deux-encadres.md",
        "---\ntitle: Deux encadrés\ndate: 2026-03-12\ntestimonials:\n  voix:\n    items:\n      - by: { name: Aline M. }\n        text: \"Un témoignage[^1].\\n\\n[^1]: Première note.\"\n      - by: { name: Karim B. }\n        text: \"Un autre[^1].\\n\\n[^1]: Seconde note.\"\n---\n\
         Avant.\n\n{% aside(title=\"Un\") %}\n## À retenir\n\nUn premier point.\n{% end %}\n\n\
         {% aside(title=\"Deux\") %}\n## À retenir\n\nUn second point.\n{% end %}\n\n\
         Lire [le second encadré](#encadre-2-a-retenir).\n",
    );
    site.build_ok(&[]);
    let html = site.page("deux-encadres/index.html");
    assert!(
        html.contains("<h2 id=\"encadre-a-retenir\">À retenir</h2>"),
        "{html}"
    );
    assert!(
        html.contains("<h2 id=\"encadre-2-a-retenir\">À retenir</h2>"),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"#encadre-2-a-retenir\">le second encadré</a>"),
        "{html}"
    );
    // Every id of the page is there once.
    let mut ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "an id appears twice:\n{html}");
    assert!(html.contains("temoignage-2-"), "{html}");

    // A group written as a list is told in a writer's words, not Rust's.
    site.write(
        "content/deux-encadres.md",
        "---\ntitle: Deux encadrés\ndate: 2026-03-12\ntestimonials:\n  voix:\n    - text: Un témoignage.\n---\nAvant.\n",
    );
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "valeur du mauvais type : il faut des clés indentées et non une liste (dans « testimonials.voix »)"
        ),
        "{}",
        run.stderr
    );
}

/// A pull quote that repeats the article stays for the eye only; one found
/// nowhere else is a quotation read and printed with its author; decided per
/// quote, whatever the typography or case of either.
#[test]
fn a_pull_quote_is_hidden_only_when_the_article_says_it_too() {
    let site = TestSite::fixture("check/quotes");
    site.build_ok(&[]);
    let html = site.page("portraits/adapter/index.html");
    let repeat = "<div class=\"pullquote pullquote--echo\" aria-hidden=\"true\" data-pagefind-ignore>\n  <div class=\"pullquote-text\">Adapter le poste est une nécessité";
    assert!(html.contains(repeat), "{html}");
    let unique = "<figure class=\"pullquote\">\n  <blockquote class=\"pullquote-text\">Le handicap n’est pas une affaire de spécialistes.</blockquote>";
    assert!(html.contains(unique), "{html}");
    // The mistyped one is no repeat either: read, and `check` warns.
    assert!(html.contains("<blockquote class=\"pullquote-text\">Chacun doit pouvoir"));
    assert_eq!(
        html.matches("aria-hidden=\"true\" data-pagefind-ignore>\n  <div class=\"pullquote-text\"")
            .count(),
        1
    );
    let print = site.page(&site.hashed_asset("css/print", "css"));
    assert!(print.contains(".pullquote--echo,") && !print.contains(".pullquote,"));
}

/// A quote with its author is a figure whose caption names them.
#[test]
fn a_quotation_pull_quote_names_its_author_in_its_caption() {
    let html = build();
    let figure = &html[position(&html, "<figure class=\"pullquote\">")..];
    let figure = &figure[..position(figure, "</figure>")];
    assert!(
        figure.contains("<figcaption class=\"pullquote-by\"><span class=\"pullquote-name\">Camille Bertin</span>"),
        "{figure}"
    );
}
