//! People as readers meet them: who gets a public person page (declared
//! people only: a witness signed inline stays anonymous; nobody with
//! `person_pages: false`), and how names, roles and organisations read
//! (typeset, shown as written, a role never after a comma).

use crate::support::*;

/// A registry person, who speaks in [`DECLARED`].
const REGISTRY: &str = "\
helene-marchal:
  name: Hélène Marchal
  role: Directrice des ressources humaines
  organisation: caf-rhone
";

/// A registry organisation whose names have apostrophes.
const ORGANISATIONS: &str = "\
caf-rhone:
  name: Caisse d'allocations familiales du Rhône
  short: Caf du Rhône
";

/// An article whose testimony and pull quote are signed inline.
const WITNESS: &str = r#"---
title: Une journée à l'accueil
date: 2026-03-12
tags: [l'accueil]
authors: [Service d'information]
testimonials:
  - text: "On apprend chaque jour."
    by: {name: Karim B., role: Conseiller d'accueil, organisation: Caf de l'Ain}
quotes:
  sens:
    text: "L'accueil, c'est un métier."
    by: {name: Karim B., role: Conseiller d'accueil}
---
Le texte.

{{ quote(id="sens") }}
"#;

/// An article where a registry person speaks.
const DECLARED: &str = r#"---
title: L'accord est signé
date: 2026-03-10
testimonials:
  - text: "Un cadre clair pour tous."
    by: helene-marchal
---
Le texte.
"#;

/// A site with both articles, settings followed by `extra`.
fn site_with(extra: &str) -> TestSite {
    let site = TestSite::with_settings(extra);
    site.write("content/_people.yaml", REGISTRY);
    site.write("content/_organisations.yaml", ORGANISATIONS);
    site.write("content/actualites/accueil.md", WITNESS);
    site.write("content/actualites/accord.md", DECLARED);
    site
}

/// The output files that mention `needle`.
fn mentioning(site: &TestSite, needle: &str) -> Vec<String> {
    site.output_texts()
        .into_iter()
        .filter(|(_, text)| text.contains(needle))
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn a_witness_signed_inline_gets_no_page_and_no_link() {
    let site = site_with("");
    site.build_ok(&[]);
    // The declared person has her page, linked from her testimony.
    assert!(site.has("personnes/helene-marchal/index.html"));
    let accord = site.page("actualites/accord/index.html");
    assert!(
        accord.contains("href=\"/personnes/helene-marchal/\""),
        "{accord}"
    );
    // The witness is quoted, by name, where she speaks…
    let html = site.page("actualites/accueil/index.html");
    assert!(html.contains("Karim B."), "{html}");
    // …and nowhere else: no page, no link, no entry in the people's index,
    // the sitemap or the search index.
    assert!(!site.has("personnes/karim-b/index.html"));
    assert_eq!(mentioning(&site, "personnes/karim-b"), Vec::<String>::new());
    let people = main_of(&site.page("personnes/index.html"));
    assert!(people.contains("Hélène Marchal"), "{people}");
    assert!(!people.contains("Karim"), "{people}");

    // A declared person who bears the same name gets a page, with her own
    // article only; the inline witness's card still links nowhere.
    // (The witness signed inline first in that article does not hide the
    // declared one.)
    site.write(
        "content/actualites/homonyme.md",
        "---\ntitle: Un homonyme\ndate: 2026-03-11\npeople:\n  kb: {name: Karim B.}\n\
         testimonials:\n  - text: Bonsoir.\n    by: {name: Karim B.}\n\
         quotes:\n  q:\n    text: Bonjour.\n    by: kb\n---\nLe texte.\n",
    );
    site.build_ok(&[]);
    let page = main_of(&site.page("personnes/karim-b/index.html"));
    assert!(page.contains("Un homonyme"), "{page}");
    assert!(!page.contains("Une journée"), "{page}");
    let html = site.page("actualites/accueil/index.html");
    assert!(!html.contains("/personnes/karim-b/"), "{html}");
}

#[test]
fn person_pages_false_writes_no_person_page_and_no_link() {
    // On (the default), the people's folder is taken: a section of that
    // name collides with it.
    let site = site_with("");
    site.write("content/personnes/equipe.md", article("L’équipe", ""));
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("personnes"), "{}", run.stderr);

    // Off: no person page, no index of people, no link to one, and the
    // folder is free for the section.
    let site = site_with("person_pages: false\n");
    site.write("content/personnes/equipe.md", article("L’équipe", ""));
    site.build_ok(&[]);
    assert!(site.has("personnes/equipe/index.html"));
    // `personnes/` is the section's listing, not an index of people.
    let listing = main_of(&site.page("personnes/index.html"));
    assert!(listing.contains("L’équipe"), "{listing}");
    assert!(!listing.contains("Hélène"), "{listing}");
    assert!(!site.has("personnes/helene-marchal/index.html"));
    assert_eq!(
        mentioning(&site, "personnes/helene-marchal"),
        Vec::<String>::new()
    );
    // The cards are still there, without a link.
    let accord = site.page("actualites/accord/index.html");
    assert!(
        accord.contains("<span class=\"person-name\">Hélène Marchal</span>"),
        "{accord}"
    );
}

#[test]
fn names_roles_and_organisations_are_typeset_and_shown_as_written() {
    let site = site_with("");
    site.build_ok(&[]);
    let html = site.page("actualites/accueil/index.html");
    // An inline role: typeset, capital kept, on its own line.
    assert!(
        html.contains("<span class=\"person-role\"><span class=\"visually-hidden\" data-pagefind-ignore>, </span>Conseiller d’accueil</span>"),
        "{html}"
    );
    // In the pull quote, under the name, never after a comma.
    assert!(
        html.contains("<span class=\"pullquote-name\">Karim B.</span><span class=\"pullquote-role\">Conseiller d’accueil</span>"),
        "{html}"
    );
    // An inline organisation, a tag, an author.
    for typeset in ["Caf de l’Ain", "l’accueil", "Service d’information"] {
        assert!(html.contains(typeset), "{typeset} in {html}");
    }
    assert!(!html.contains("d'accueil"), "{html}");
    // A registry person's organisation, on her card and on its page.
    let accord = site.page("actualites/accord/index.html");
    assert!(
        accord.contains("Caisse d’allocations familiales du Rhône"),
        "{accord}"
    );
    let org = main_of(&site.page("organismes/caf-rhone/index.html"));
    assert!(
        org.contains("Caisse d’allocations familiales du Rhône (Caf du Rhône)"),
        "{org}"
    );
    // The authors of a feed.
    let feed = site.page("atom.xml");
    assert!(
        feed.contains("<author><name>Service d’information</name></author>"),
        "{feed}"
    );
}

#[test]
fn the_theme_never_recases_a_role() {
    // The role is shown as written: no rule of the stylesheets changes the
    // case of a person's text or of a pull quote's attribution.
    for sheet in ["gazette.css", "print.css"] {
        let css =
            std::fs::read_to_string(manifest_dir().join("themes/gazette/static/css").join(sheet))
                .expect("stylesheet");
        for rule in css.split('}') {
            // The selectors of the innermost block (an `@media` one's too).
            let Some((before, body)) = rule.rsplit_once('{') else {
                continue;
            };
            let selectors = before.rsplit(['{', ';']).next().unwrap_or(before);
            let about_people = ["person", "pullquote-by", "pullquote-role", "testimony-by"]
                .iter()
                .any(|class| selectors.contains(class));
            let recases = body.contains("text-transform") || selectors.contains("first-letter");
            assert!(!(about_people && recases), "{sheet}: {}", rule.trim());
        }
    }
}
