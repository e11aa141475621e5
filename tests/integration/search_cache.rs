//! The search index's build cache (`.gazette-cache/search/`): a rebuild
//! takes the parts of the index whose pages did not change from it, and
//! publishes the same bytes as a build without a cache (the example site
//! and a generated site of 1,000 articles, after an edit); a cache of
//! another version, a truncated entry and an entry edited by hand are
//! each ignored with a warning, and the output is still right.

use std::collections::BTreeMap;
use std::fs;

use crate::support::{TestSite, copy_dir, replace_in};

/// The line a build prints when it took `reused` of `total` parts of the
/// index from the cache.
fn cached_line(reused: usize, total: usize) -> String {
    let parts = if reused == 1 { "partie" } else { "parties" };
    let taken = if reused == 1 { "reprise" } else { "reprises" };
    format!(
        "index de recherche : {reused} {parts} sur {total} {taken} du cache (.gazette-cache/search/)"
    )
}

/// What `site`'s build printed about the cache: its line, if any.
fn cache_report(stdout: &str) -> Option<&str> {
    stdout.lines().find(|l| l.starts_with("index de recherche"))
}

/// A copy of `site`'s sources (not its output, not its search cache nor
/// its record of published pages).
pub(crate) fn sources_of(site: &TestSite) -> TestSite {
    let copy = TestSite::new();
    for rel in ["content", "themes", "static", "templates", ".gazette-cache"] {
        if site.path(rel).is_dir() {
            copy_dir(&site.path(rel), &copy.path(rel));
        }
    }
    fs::copy(site.path("site.yaml"), copy.path("site.yaml")).expect("site.yaml");
    let _ = fs::remove_dir_all(copy.path(".gazette-cache/search"));
    let _ = fs::remove_dir_all(copy.path(".gazette-cache/pages"));
    copy
}

/// Builds `site` and another copy of its sources without a search cache,
/// and checks that both published the same bytes; returns the build's
/// standard output.
#[track_caller]
fn assert_same_as_cold(site: &TestSite, what: &str) -> String {
    let run = site.build_ok(&[]);
    let cold = sources_of(site);
    let cold_run = cold.build_ok(&[]);
    assert_eq!(cache_report(&cold_run.stdout), None, "{}", cold_run.stdout);
    assert_same_files(&site.output(), &cold.output(), what);
    run.stdout
}

#[track_caller]
pub(crate) fn assert_same_files(
    a: &BTreeMap<String, Vec<u8>>,
    b: &BTreeMap<String, Vec<u8>>,
    what: &str,
) {
    let differ: Vec<&String> = a
        .keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .collect();
    assert!(
        differ.is_empty(),
        "{what}: the rebuild from the cache and the cold build differ in {differ:?}"
    );
}

/// Every word of the search index's files, unpacked, in one text.
pub(crate) fn index_text(site: &TestSite) -> String {
    site.output_texts()
        .into_iter()
        .filter(|(p, _)| p.starts_with("pagefind/") && p.contains(".pf_"))
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn the_example_site_rebuilt_from_its_cache_is_its_cold_build_byte_for_byte() {
    let site = TestSite::example();
    let _ = fs::remove_dir_all(site.path(".gazette-cache/search"));
    let first = site.build_ok(&[]);
    assert_eq!(cache_report(&first.stdout), None, "{}", first.stdout);
    let before = site.output();
    let again = site.build_ok(&[]);
    assert_eq!(
        cache_report(&again.stdout),
        Some(cached_line(1, 1).as_str())
    );
    assert_same_files(&site.output(), &before, "a rebuild with no change");

    // One article's text changes: its part of the index is made again.
    let article = "content/actualites/2026-03-12-accord-teletravail-signe.md";
    assert!(site.path(article).is_file(), "the example has {article}");
    crate::support::append(
        &site.path(article),
        "\nLes hélicoptères restent au garage.\n",
    );
    let stdout = assert_same_as_cold(&site, "the example after an edit");
    assert_eq!(cache_report(&stdout), None, "{stdout}");
    assert!(index_text(&site).contains("hélicoptères"));
    assert_ne!(site.output(), before);
}

/// A generated site of `count` articles in three sections, with tags and
/// a few paragraphs of French words each (a fixed sequence: the same site
/// every run).
pub(crate) fn generated_site(count: usize) -> TestSite {
    const WORDS: &[&str] = &[
        "caisse",
        "assurés",
        "accueil",
        "conseillère",
        "dossier",
        "prestation",
        "remboursement",
        "formation",
        "équipe",
        "réunion",
        "télétravail",
        "agence",
        "retraite",
        "allocation",
        "famille",
        "cotisation",
        "entreprise",
        "numérique",
        "service",
        "projet",
        "réforme",
        "déménagement",
        "bilan",
        "qualité",
    ];
    const SECTIONS: &[&str] = &["actualites", "metiers", "vie-interne"];
    let site = TestSite::with_settings("paginate_by: 20\n");
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for i in 0..count {
        let mut body = String::new();
        for _ in 0..3 {
            let words: Vec<&str> = (0..40).map(|_| WORDS[next(WORDS.len())]).collect();
            body.push_str(&format!("Le {} de la {}.\n\n", words[0], words.join(" ")));
        }
        let tags = format!("[{}, {}]", WORDS[next(WORDS.len())], WORDS[next(8)]);
        let section = SECTIONS[i % SECTIONS.len()];
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        let year = 2020 + i / (28 * 12);
        site.write(
            &format!("content/{section}/article-{i:04}.md"),
            format!(
                "---\ntitle: Article numéro {i}\ndate: {year}-{month:02}-{day:02}\ntags: {tags}\n---\n{body}"
            ),
        );
    }
    site
}

#[test]
fn a_generated_site_of_a_thousand_articles_remakes_only_the_part_that_changed() {
    let site = generated_site(1_000);
    let first = site.build_ok(&[]);
    assert_eq!(cache_report(&first.stdout), None, "{}", first.stdout);
    // A thousand articles: two parts, each page in the one its address
    // falls in.
    assert_eq!(
        fs::read_to_string(site.path("output/pagefind/gazette-parts.json")).unwrap(),
        "[\"parts/2/\"]"
    );
    // After each change: the output a cold build's, one part of two taken
    // from the cache, the new word in the index.
    let one_part_remade = |what: &str, word: &str| {
        let stdout = assert_same_as_cold(&site, what);
        assert_eq!(
            cache_report(&stdout),
            Some(cached_line(1, 2).as_str()),
            "{what}: {stdout}"
        );
        assert!(index_text(&site).contains(word), "{what}: {word}");
    };
    replace_in(
        &site.path("content/metiers/article-0004.md"),
        "title: Article numéro 4",
        "title: Article numéro 4 sur les dirigeables",
    );
    one_part_remade("1,000 articles after an edit", "dirigeables");
    // One page record per article: the edited page's old one is pruned,
    // those of the part taken whole are kept.
    assert_eq!(files_in(&site, "pages").len(), 1_000);
    // A new article, the newest: first in the site's order, which moves
    // every other article one place, yet it changes its own part only.
    site.write(
        "content/actualites/nouvel-article.md",
        "---\ntitle: Les montgolfières arrivent\ndate: 2025-06-01\ntags: [caisse]\n---\nLe service des montgolfières ouvre.\n",
    );
    one_part_remade("1,000 articles after a new one", "montgolfières");
}

/// Every entry of the site's search cache, by path: its parts.
fn entries_of(site: &TestSite) -> Vec<std::path::PathBuf> {
    files_in(site, "parts")
}

/// Every file of a folder of the site's search cache.
fn files_in(site: &TestSite, folder: &str) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = fs::read_dir(site.path(&format!(".gazette-cache/search/{folder}")))
        .expect("the cache's parts")
        .map(|e| e.expect("entry").path())
        .collect();
    found.sort();
    found
}

/// The warnings of a build, with the temporary folder and the entry's
/// name (a hash of the pages, which changes with the theme) redacted.
fn warnings(site: &TestSite, stderr: &str) -> String {
    let text = site.redact(stderr);
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("parts/").or_else(|| rest.find("pages/")) {
        out.push_str(&rest[..at + 6]);
        rest = &rest[at + 6..];
        let hex = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
        if hex == 32 {
            out.push_str("[KEY]");
            rest = &rest[32..];
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn a_cache_of_another_version_a_truncated_entry_and_an_edited_one_are_ignored_with_a_warning() {
    let site = generated_site(6);
    // Each build without the record of published pages, which would keep
    // the index's files as published without asking this cache.
    let build = || {
        let _ = fs::remove_dir_all(site.path(".gazette-cache/pages"));
        site.build_ok(&[])
    };
    build();
    let cold = site.output();
    let stamp = site.path(".gazette-cache/search/version");
    let written = fs::read_to_string(&stamp).expect("the cache's version stamp");
    assert!(written.starts_with("gazette "), "{written}");

    // Another version's folder: ignored whole, rewritten as this one's.
    fs::write(&stamp, "gazette 0.0.1 search-cache 1; pagefind 1.5.0").unwrap();
    let run = build();
    insta::assert_snapshot!("other-version", warnings(&site, &run.stderr));
    assert_eq!(cache_report(&run.stdout), None, "{}", run.stdout);
    assert_same_files(&site.output(), &cold, "after another version's cache");
    assert_eq!(fs::read_to_string(&stamp).unwrap(), written);
    let run = build();
    assert_eq!(run.stderr, "", "the rewritten cache is sound");
    assert_eq!(cache_report(&run.stdout), Some(cached_line(1, 1).as_str()));

    // An entry cut short.
    let entries = entries_of(&site);
    assert_eq!(entries.len(), 1, "{entries:?}");
    let entry = &entries[0];
    let bytes = fs::read(entry).unwrap();
    // Each damage: the warning, the part made again (none from the cache),
    // the output the cold build's, the entry written again whole.
    let damaged = |name: &str, damage: &[u8]| {
        fs::write(entry, damage).unwrap();
        let run = build();
        insta::assert_snapshot!(name, warnings(&site, &run.stderr));
        assert_eq!(cache_report(&run.stdout), None, "{name}: {}", run.stdout);
        assert_same_files(&site.output(), &cold, name);
        assert_eq!(fs::read(entry).unwrap(), bytes, "{name}: written again");
    };
    damaged("truncated", &bytes[..bytes.len() / 2]);

    // An entry edited by hand: one byte of a file changed, its length kept.
    let mut edited = bytes.clone();
    let at = bytes.len() / 2;
    edited[at] = edited[at].wrapping_add(1);
    damaged("edited", &edited);

    // A page's record cut short, its part gone: the page is read again.
    let records = files_in(&site, "pages");
    assert_eq!(records.len(), 6, "one record per article: {records:?}");
    let record = &records[3];
    let whole = fs::read(record).unwrap();
    fs::write(record, &whole[..whole.len() - 1]).unwrap();
    fs::remove_file(entry).unwrap();
    let run = build();
    insta::assert_snapshot!("truncated-page", warnings(&site, &run.stderr));
    assert_same_files(&site.output(), &cold, "after a truncated page record");
    assert_eq!(
        fs::read(record).unwrap(),
        whole,
        "the record is written again"
    );
    assert_eq!(fs::read(entry).unwrap(), bytes, "and the part");

    // A file of someone else's in the folder is left alone, and entries
    // no build uses any more are pruned.
    let theirs = site.path(".gazette-cache/search/parts/README");
    fs::write(&theirs, "notes").unwrap();
    crate::support::append(
        &site.path("content/actualites/article-0000.md"),
        "\nAjout.\n",
    );
    build();
    let now = entries_of(&site);
    assert_eq!(now.len(), 2, "{now:?}");
    assert!(now.contains(&theirs) && !now.contains(entry), "{now:?}");
    // The edited page's record as it was is gone with its part: one record
    // per article still.
    let now = files_in(&site, "pages");
    assert_eq!(now.len(), 6, "{now:?}");
    assert_eq!(
        records.iter().filter(|r| !now.contains(r)).count(),
        1,
        "the edited page's old record only: {now:?}"
    );
}

#[test]
fn the_watching_session_remakes_only_the_part_of_the_index_that_changed() {
    use gazette::build::BuildOptions;
    use gazette::serve::incremental::Session;
    use gazette::serve::watch::Changes;

    let site = generated_site(1_000);
    let opts = BuildOptions::of(&site.root);
    // `build --watch`'s session: its index goes through the site's cache.
    let mut session = Session::publishing(opts.clone());
    assert!(session.build().ok);
    session.files_complete();
    let before = entries_of(&site);
    assert_eq!(before.len(), 2, "two parts: {before:?}");
    let written = |p: &std::path::Path| fs::metadata(p).and_then(|m| m.modified()).unwrap();
    let times: Vec<_> = before.iter().map(|p| written(p)).collect();

    let article = "content/vie-interne/article-0998.md";
    crate::support::append(&site.path(article), "\nLes montgolfières décollent.\n");
    let mut changes = Changes::default();
    changes.add(std::path::Path::new(article));
    assert!(session.apply(&changes).ok);
    let index: BTreeMap<String, Vec<u8>> = session
        .files_complete()
        .iter()
        .filter(|(p, _)| p.starts_with("pagefind/"))
        .map(|(p, c)| match c {
            gazette::render::Content::Bytes(b) => (p.clone(), b.clone()),
            other => panic!("{p}: {other:?}"),
        })
        .collect();
    // The same index as a build of the edited site from nothing.
    let full = gazette::build::build_in_memory(&opts);
    let full_index: BTreeMap<String, Vec<u8>> = full
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("pagefind/"))
        .map(|(p, c)| match c {
            gazette::render::Content::Bytes(b) => (p.clone(), b.clone()),
            other => panic!("{p}: {other:?}"),
        })
        .collect();
    assert_same_files(&index, &full_index, "the watching session's index");
    // The part without the edited article was taken from the cache, not
    // written again; the other was made and its old entry dropped.
    let after = entries_of(&site);
    assert_eq!(after.len(), 2, "{after:?}");
    let kept: Vec<_> = before
        .iter()
        .zip(&times)
        .filter(|(p, t)| after.contains(p) && written(p) == **t)
        .collect();
    assert_eq!(
        kept.len(),
        1,
        "one part kept as it was: {before:?} → {after:?}"
    );
}
