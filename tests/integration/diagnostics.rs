//! Every diagnostic a site can trigger, as a writer sees it: one fixture per
//! mistake under `tests/fixtures/errors/<case>/`, `gazette build` run on a
//! copy (with the arguments of the case's `args.txt`, if any), and its whole
//! standard error snapshotted with the exit code (the temporary folder's
//! path replaced by `[SITE]`). The cases are the folders: `cases` walks
//! them, and fails on a case without a snapshot or a snapshot without a
//! case.
//!
//! Each snapshot was read by eye: the line and column are where an editor
//! shows the mistake, and the message and hint make sense to a writer.

use crate::cases::{self, Case};
use crate::support::{TestSite, addresses, replace_in};

/// Builds a copy of the case and returns what the writer sees.
fn report(case: &Case) -> String {
    let site = case.site();
    let run = site.gazette(&case.command_line(&["build"]));
    let name = &case.name;
    assert_eq!(run.stdout, "", "{name}: a failed build prints no summary");
    assert!(
        !site.path("output").exists(),
        "{name}: a failed build writes nothing"
    );
    format!("exit code: {}\n---\n{}", run.code, site.redact(&run.stderr))
}

#[test]
fn every_error_fixture_matches_its_snapshot() {
    let reports = cases::run_all(&cases::discover("errors"), |case| {
        vec![(case.name.clone(), report(case))]
    });
    cases::assert_snapshots(module_path!(), &reports, |name, text| {
        insta::assert_snapshot!(name, text);
    });
}

/// The acceptance check: a typo in a front-matter key gives exactly one
/// error, at its line and column, with the right key suggested, and the
/// build fails with exit code 1.
#[test]
fn typo_in_a_key_is_one_error_with_a_suggestion() {
    let site = TestSite::fixture("errors/unknown-key");
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        concat!(
            "erreur : clé inconnue « titel »\n",
            " --> content/actualites/teletravail.md:2:1\n",
            "  |\n",
            "2 | titel: L'accord télétravail est signé\n",
            "  | ^^^^^\n",
            "  = aide : vouliez-vous écrire « title » ?\n",
            "\n",
            "échec : 1 erreur ; le dossier de sortie n’a pas été modifié\n",
        )
    );
    assert_eq!(run.stderr.matches("erreur :").count(), 1);
}

/// Several mistakes in several files: all reported in one run, sorted by
/// file then line, and counted right.
#[test]
fn all_errors_of_a_run_are_reported_in_order() {
    let site = TestSite::fixture("errors/several-errors");
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1);
    let places = places(&run.stderr);
    assert_eq!(
        places,
        [
            "content/actualites/accord.md:3:7",
            "content/actualites/bilan.md:7:4",
            "content/actualites/bilan.md:11:13",
            "content/portraits/nadia.md:2:1",
            "content/portraits/zoe.md:4:1",
        ]
    );
    let errors = run.stderr.matches("\nerreur : ").count() + 1;
    assert_eq!(errors, places.len());
    assert!(
        run.stderr.ends_with(&format!(
            "échec : {errors} erreurs ; le dossier de sortie n’a pas été modifié\n"
        )),
        "{}",
        run.stderr
    );
}

/// The count of the last line matches the errors shown, even when one
/// mistake is found twice (a link in the first paragraph is also in the
/// listing summary).
#[test]
fn error_count_matches_the_errors_shown() {
    for case in [
        "broken-link",
        "missing-anchor",
        "link-to-draft",
        "crlf-bom-body",
    ] {
        let site = TestSite::fixture(&format!("errors/{case}"));
        let run = site.gazette(&["build"]);
        let shown = run.stderr.matches("erreur : ").count();
        let expected = if shown == 1 {
            "échec : 1 erreur ;".to_string()
        } else {
            format!("échec : {shown} erreurs ;")
        };
        assert!(run.stderr.contains(&expected), "{case}: {}", run.stderr);
    }
}

/// The article of `errors/broken-article-linked` that does not load, and
/// its mistake: a title with `: ` left unquoted.
pub const BROKEN_ARTICLE: &str = "content/actualites/bilan-social/index.md";
/// The broken title, and the same fixed.
pub const BROKEN_TITLE: (&str, &str) = (
    "title: Bilan social : les chiffres de 2025",
    "title: \"Bilan social : les chiffres de 2025\"",
);

/// What `errors/broken-article-linked`'s three other articles link to the
/// broken one with, once it is fixed, page by page: a body link, a
/// `related:` entry, a link with an anchor and a file of its bundle.
pub const LINKS_TO_BROKEN: [(&str, &str); 4] = [
    ("actualites/accord/index.html", "/actualites/bilan-social/"),
    ("actualites/forum/index.html", "/actualites/bilan-social/"),
    (
        "vie-au-travail/effectifs/index.html",
        "/actualites/bilan-social/#les-chiffres",
    ),
    (
        "vie-au-travail/effectifs/index.html",
        "/actualites/bilan-social/effectifs.csv",
    ),
];

/// No cascade: an article that exists but does not load is a known
/// target. The links and the `related:` entry to it are no errors (the
/// build fails on its own error alone), and once it is fixed they lead to
/// its page.
#[test]
fn links_to_a_broken_article_are_no_errors_and_resolve_once_it_is_fixed() {
    let site = TestSite::fixture("errors/broken-article-linked");
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1);
    let places = places(&run.stderr);
    assert_eq!(places, ["content/actualites/bilan-social/index.md:2:21"]);

    replace_in(&site.path(BROKEN_ARTICLE), BROKEN_TITLE.0, BROKEN_TITLE.1);
    site.build_ok(&[]);
    for (page, href) in LINKS_TO_BROKEN {
        let found = addresses(&site.page(page));
        assert!(
            found.iter().any(|a| a == href),
            "{page}: {href} not in {found:?}"
        );
    }
    assert!(site.has("actualites/bilan-social/effectifs.csv"));
}

/// The `--> file:line:column` of every diagnostic in `stderr`, in order.
fn places(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .collect()
}
