//! How long the studio's preview takes on a site: the preview's session
//! built once, then an article in the middle of the site previewed with an
//! unsaved edit, ten times each: its title (an edit that moves nothing,
//! previewed from the last site with that article patched) and its date
//! (an edit that moves it, previewed from a site assembled for it). Prints
//! the median and the range of each, in milliseconds.
//!
//! `cargo run --release --example studio_preview_speed -- <site folder>`
//! (the 10,000-article corpus of `scripts/bench-serve.py` serves).

use std::path::PathBuf;
use std::time::Instant;

use gazette::build::BuildOptions;
use gazette::serve::incremental::Session;
use gazette::studio::preview::preview;

fn main() {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: studio_preview_speed <site folder>");
        std::process::exit(2);
    };
    let mut session = Session::preview(BuildOptions {
        base_url: Some("http://127.0.0.1:1111/".into()),
        relative_urls: Some(false),
        ..BuildOptions::of(&root)
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
    let text = std::fs::read_to_string(PathBuf::from(&root).join(&path)).expect("the article");
    println!("{} articles; previewing {}", paths.len(), path.display());
    // The whole line of one key written anew.
    let with_line = |key: &str, line: &str| -> String {
        text.lines()
            .map(|l| if l.starts_with(key) { line } else { l })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    };
    for (what, unsaved) in [
        (
            "title",
            with_line("title:", "title: Un titre relu pour l’aperçu"),
        ),
        ("date", with_line("date:", "date: 2011-01-02")),
    ] {
        let mut times = Vec::new();
        for _ in 0..10 {
            let started = Instant::now();
            let shown = preview(&mut session, &path, &unsaved);
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            assert!(
                shown.html.is_some(),
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
}
