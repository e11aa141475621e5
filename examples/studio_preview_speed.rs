//! How long the studio's preview takes on a site: the preview's session
//! built once, then an article in the middle of the site previewed with an
//! unsaved edit, ten times each: its title (an edit that moves nothing,
//! previewed from the last site with that article patched), its date,
//! its tags (one of a neighbour's), a draft and a slug (edits that move it,
//! previewed from the last site with the article placed last), the same
//! text as a new article beside it, a tag no article has, and a link to
//! no article (an error: the site assembled for it). Prints the median and the range of each, in
//! milliseconds.
//!
//! `cargo run --release --example studio_preview_speed -- <site folder>`
//! (the 10,000-article corpus of `scripts/bench-serve.py` serves).

use std::path::{Path, PathBuf};
use std::time::Instant;

use gazette::build::BuildOptions;
use gazette::serve::incremental::Session;
use gazette::studio::preview::preview;

fn main() {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: studio_preview_speed <site folder>");
        std::process::exit(2);
    };
    let (mut session, path) = built(&root);
    let text = std::fs::read_to_string(PathBuf::from(&root).join(&path)).expect("the article");
    // The whole line of one key written anew.
    let with_line = |key: &str, line: &str| -> String {
        text.lines()
            .map(|l| if l.starts_with(key) { line } else { l })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    };
    // A tag another article has.
    let tag = session
        .site()
        .and_then(|s| s.articles.iter().find_map(|a| a.loaded.meta.tags.first()))
        .cloned()
        .unwrap_or_default();
    let beside = path.with_file_name("un-article-nouveau.md");
    for (what, unsaved, at) in [
        (
            "title",
            with_line("title:", "title: Un titre relu pour l’aperçu"),
            &path,
        ),
        ("date", with_line("date:", "date: 2011-01-02"), &path),
        ("tags", with_line("tags:", &format!("tags: [{tag}]")), &path),
        (
            "draft",
            with_line("title:", "title: Relu\ndraft: true"),
            &path,
        ),
        (
            "slug",
            with_line("title:", "title: Relu\nslug: une-autre-adresse"),
            &path,
        ),
        (
            "new article",
            with_line("title:", "title: Relu\nslug: un-article-nouveau"),
            &beside,
        ),
        (
            "new tag",
            with_line("tags:", "tags: [une étiquette jamais vue]"),
            &path,
        ),
        (
            // An error: the site is assembled for the preview, which
            // words it; no page.
            "broken link",
            text.clone() + "\n[Un lien](nulle-part.md)\n",
            &path,
        ),
    ] {
        time(&mut session, what, at, &unsaved);
    }
}

/// The preview's session of the site at `root`, built, and the article in
/// the middle of its sorted paths.
fn built(root: &str) -> (Session, PathBuf) {
    let mut session = Session::preview(BuildOptions {
        base_url: Some("http://127.0.0.1:1111/".into()),
        relative_urls: Some(false),
        ..BuildOptions::of(root)
    });
    let built = session.build();
    if !built.ok {
        eprintln!("{root}: the site does not build");
        std::process::exit(1);
    }
    let mut paths: Vec<PathBuf> = session
        .site()
        .map(|s| {
            s.articles
                .iter()
                .map(|a| a.loaded.origin.path.clone())
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    let Some(path) = paths.get(paths.len() / 2).cloned() else {
        eprintln!("{root}: no article");
        std::process::exit(1);
    };
    println!("{} articles; previewing {}", paths.len(), path.display());
    (session, path)
}

/// Previews `unsaved` at `at` ten times; prints the median and the range.
fn time(session: &mut Session, what: &str, at: &Path, unsaved: &str) {
    let mut times = Vec::new();
    for _ in 0..10 {
        let started = Instant::now();
        let shown = preview(session, at, unsaved);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        assert!(
            shown.html.is_some() || what == "broken link",
            "{what}: no page: {:?}",
            shown.diagnostics
        );
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{what} edit: median {:.1} ms (min {:.1}, max {:.1})",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );
}
