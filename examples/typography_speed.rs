//! How fast French typography runs on real text: the paragraphs of the
//! Markdown files of a folder, typeset 15 times by one [`Typographer`], the
//! best time reported in MB/s, with a hash of the output (two builds that
//! typeset alike print the same hash).
//!
//! `cargo run --release --example typography_speed -- <folder of .md files>`
//! (the first 3,000 files; the benchmark corpora of `scripts/bench` serve).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Instant;

use gazette::language::Language;
use gazette::typography::Typographer;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: typography_speed <folder of .md files>");
        std::process::exit(2);
    };
    let mut paragraphs = Vec::new();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        eprintln!("{dir}: {e}");
        std::process::exit(1);
    });
    for entry in entries.flatten().take(3000) {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        // Every block after the front matter's, on one line.
        paragraphs.extend(text.split("\n\n").skip(1).map(|p| p.replace('\n', " ")));
    }
    let bytes: usize = paragraphs.iter().map(String::len).sum();
    let mut out = String::new();
    let mut best = f64::MAX;
    let mut hash = 0u64;
    for _ in 0..15 {
        let started = Instant::now();
        let mut typographer = Typographer::new(Language::Fr);
        let mut hasher = DefaultHasher::new();
        for p in &paragraphs {
            out.clear();
            typographer.run_into(p, &mut out);
            typographer.end_block();
            out.hash(&mut hasher);
        }
        best = best.min(started.elapsed().as_secs_f64());
        hash = hasher.finish();
    }
    println!(
        "{:.1} MB in {:.1} ms: {:.0} MB/s (output hash {hash:016x})",
        bytes as f64 / 1e6,
        best * 1e3,
        bytes as f64 / best / 1e6
    );
}
