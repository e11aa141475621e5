//! Every diagnostic a site can trigger, as a writer sees it: one fixture per
//! mistake under `tests/fixtures/errors/<case>/`, `gazette build` run on a
//! copy, and its whole standard error snapshotted with the exit code (the
//! temporary folder's path replaced by `[SITE]`).
//!
//! Each snapshot was read by eye: the line and column are where an editor
//! shows the mistake, and the message and hint make sense to a writer.

use std::fs;

use crate::support::{TestSite, fixture_dir};

/// Builds a copy of the fixture and returns what the writer sees.
fn report(case: &str, args: &[&str]) -> String {
    let site = TestSite::fixture(&format!("errors/{case}"));
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let run = site.gazette(&all);
    assert_eq!(run.stdout, "", "{case}: a failed build prints no summary");
    assert!(
        !site.path("output").exists(),
        "{case}: a failed build writes nothing"
    );
    format!("exit code: {}\n---\n{}", run.code, site.redact(&run.stderr))
}

macro_rules! cases {
    ($($name:ident: $case:literal $([$($arg:literal),*])?;)*) => {
        /// The fixtures that have a test.
        const CASES: &[&str] = &[$($case),*];
        $(
            #[test]
            fn $name() {
                let args: &[&str] = &[$($($arg),*)?];
                insta::assert_snapshot!($case, report($case, args));
            }
        )*
    };
}

cases! {
    // Front matter.
    unknown_key: "unknown-key";
    unknown_keys: "unknown-keys";
    missing_title: "missing-title";
    missing_date: "missing-date";
    empty_title: "empty-title";
    bad_date: "bad-date";
    bad_date_format: "bad-date-format";
    wrong_type: "wrong-type";
    wrong_shape: "wrong-shape";
    block_unknown_key: "block-unknown-key";
    duplicate_key: "duplicate-key";
    yaml_syntax: "yaml-syntax";
    yaml_unclosed_quote: "yaml-unclosed-quote";
    yaml_leading_sign: "yaml-leading-sign";
    yaml_tab: "yaml-tab";
    missing_front_matter: "missing-front-matter";
    unclosed_front_matter: "unclosed-front-matter";
    image_without_alt: "image-without-alt";
    download_title: "download-title";
    interview_by: "interview-by";
    missing_photo: "missing-photo";
    bad_slug: "bad-slug";
    invalid_alias: "invalid-alias";
    // Files.
    not_utf8: "not-utf8";
    crlf_bom_front_matter: "crlf-bom-front-matter";
    crlf_bom_body: "crlf-bom-body";
    no_title_bom: "no-title-bom";
    content_missing: "content-missing";
    // Sections and registries.
    section_unknown_value: "section-unknown-value";
    section_bad_paginate: "section-bad-paginate";
    registry_unknown_key: "registry-unknown-key";
    registry_missing_file: "registry-missing-file";
    // Site settings and theme.
    site_unknown_key: "site-unknown-key";
    site_unknown_value: "site-unknown-value";
    site_missing_title: "site-missing-title";
    site_bad_base_url: "site-bad-base-url";
    site_several_errors: "site-several-errors";
    site_bad_accessibility: "site-bad-accessibility";
    missing_site_yaml: "missing-site-yaml";
    site_not_utf8: "site-not-utf8";
    unknown_theme: "unknown-theme";
    theme_incomplete: "theme-incomplete";
    template_syntax_error: "template-syntax-error";
    template_render_error: "template-render-error";
    template_unknown: "template-unknown";
    content_and_template: "content-and-template";
    bad_base_url_flag: "bad-base-url-flag" ["--base-url", "intranet/rh"];
    // Addresses and links.
    url_collision: "url-collision";
    url_reserved: "url-reserved";
    alias_collision: "alias-collision";
    broken_link: "broken-link";
    missing_anchor: "missing-anchor";
    link_to_draft: "link-to-draft";
    link_outside_content: "link-outside-content";
    missing_image_file: "missing-image-file";
    missing_cover_image: "missing-cover-image";
    missing_download_file: "missing-download-file";
    unknown_person: "unknown-person";
    unknown_related: "unknown-related";
    // Shortcodes.
    unknown_shortcode: "unknown-shortcode";
    shortcode_unknown_id: "shortcode-unknown-id";
    shortcode_missing_id: "shortcode-missing-id";
    shortcode_no_interview: "shortcode-no-interview";
    shortcode_unknown_argument: "shortcode-unknown-argument";
    shortcode_duplicate_argument: "shortcode-duplicate-argument";
    question_range: "question-range";
    unterminated_aside: "unterminated-aside";
    shortcode_unexpected_end: "shortcode-unexpected-end";
    shortcode_nested: "shortcode-nested";
    malformed_argument: "malformed-argument";
    // Output folder.
    output_unsafe: "output-unsafe" ["--output", "content"];
    output_write: "output-write" ["--output", "sortie"];
    output_not_a_folder: "output-not-a-folder" ["--output", "occupe"];
    output_not_owned: "output-not-owned" ["--output", "publie"];
    output_foreign_file: "output-foreign-file" ["--output", "publie", "--take-over"];
    // All at once.
    several_errors: "several-errors";
}

#[test]
fn every_error_fixture_has_a_test() {
    let mut on_disk: Vec<String> = fs::read_dir(fixture_dir("errors"))
        .expect("errors fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    on_disk.sort();
    let mut tested: Vec<&str> = CASES.to_vec();
    tested.sort();
    assert_eq!(on_disk, tested);
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
            "error: clé inconnue « titel »\n",
            " --> content/actualites/teletravail.md:2:1\n",
            "  |\n",
            "2 | titel: L'accord télétravail est signé\n",
            "  | ^^^^^\n",
            "  = help: vouliez-vous écrire « title » ?\n",
            "\n",
            "échec : 1 erreur ; le dossier de sortie n’a pas été modifié\n",
        )
    );
    assert_eq!(run.stderr.matches("error:").count(), 1);
}

/// Several mistakes in several files: all reported in one run, sorted by
/// file then line, and counted right.
#[test]
fn all_errors_of_a_run_are_reported_in_order() {
    let site = TestSite::fixture("errors/several-errors");
    let run = site.gazette(&["build"]);
    assert_eq!(run.code, 1);
    let places: Vec<&str> = run
        .stderr
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .collect();
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
    let errors = run.stderr.matches("\nerror: ").count() + 1;
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
        let shown = run.stderr.matches("error: ").count();
        let expected = if shown == 1 {
            "échec : 1 erreur ;".to_string()
        } else {
            format!("échec : {shown} erreurs ;")
        };
        assert!(run.stderr.contains(&expected), "{case}: {}", run.stderr);
    }
}
