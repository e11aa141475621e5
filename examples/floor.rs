//! The floor of a build: the least work any generator does for a site of
//! Markdown articles, measured on the same machine as the benchmark.
//!
//! Reads every `.md` file under a folder, renders its body (after the front
//! matter) with pulldown-cmark on all cores (rayon) and writes one
//! `<name>/index.html` per article. No front matter parsing, typography,
//! templates, listings, feeds or links: a generator's wall time divided by
//! this one's says how much it adds to the unavoidable work.
//!
//! ```sh
//! cargo run --release --example floor -- /dev/shm/site/content /dev/shm/floor-out
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

fn main() -> Result<(), String> {
    let mut args = std::env::args_os().skip(1);
    let (Some(content), Some(out)) = (args.next(), args.next()) else {
        return Err("usage: floor <content folder> <output folder>".into());
    };
    let (content, out) = (PathBuf::from(content), PathBuf::from(out));
    let started = Instant::now();
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(walkdir::DirEntry::into_path)
        .collect();
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let bytes: usize = files
        .par_iter()
        .map(|path| render(path, &out))
        .collect::<Result<Vec<usize>, String>>()?
        .into_iter()
        .sum();
    println!(
        "{} articles, {:.1} MB of HTML in {:.3} s",
        files.len(),
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Renders one article into `out`; returns the bytes written.
fn render(path: &Path, out: &Path) -> Result<usize, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let body = text
        .strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|end| &rest[end + 5..]))
        .unwrap_or(&text);
    let mut html = String::with_capacity(body.len() * 3 / 2 + 64);
    html.push_str("<!doctype html><html lang=\"fr\"><title>Article</title><body>");
    let parser = pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::all());
    pulldown_cmark::html::push_html(&mut html, parser);
    html.push_str("</body></html>\n");
    let name = path.file_stem().unwrap_or_default();
    let dir = out.join(name);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    std::fs::write(dir.join("index.html"), &html).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(html.len())
}
