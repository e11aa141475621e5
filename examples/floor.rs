//! The floor of a build: the least work any generator does for a site of
//! Markdown articles, measured on the same machine as the benchmark.
//!
//! Reads every `.md` file under a folder, renders its body (after the front
//! matter) with pulldown-cmark on all cores (rayon) and writes one
//! `<name>/index.html` per article. No front matter parsing, typography,
//! templates, listings, feeds or links: a generator's wall time divided by
//! this one's says how much it adds to the unavoidable work.
//!
//! With `--stack`, each article also goes through the rest of the libraries
//! Gazette is built on, and nothing of Gazette's own: its front matter is
//! parsed by serde_yaml, and its page is filled by Tera 2 from the default
//! theme's `base.html` (the chrome of every page: head, header, footer) with
//! a short article block (title, lead, date, body). That is the least a
//! generator built on these libraries spends on the articles alone, before
//! listings, taxonomies, feeds, typography and links.
//!
//! ```sh
//! cargo run --release --example floor -- /dev/shm/site/content /dev/shm/floor-out
//! cargo run --release --example floor -- --stack /dev/shm/site/content /dev/shm/floor-out
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

fn main() -> Result<(), String> {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let stack = args.first().is_some_and(|a| a == "--stack");
    if stack {
        args.remove(0);
    }
    let mut args = args.into_iter();
    let (Some(content), Some(out)) = (args.next(), args.next()) else {
        return Err("usage: floor [--stack] <content folder> <output folder>".into());
    };
    let stack = if stack { Some(Stack::new()?) } else { None };
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
        .map(|path| match &stack {
            Some(stack) => stack.render(path, &out),
            None => render(path, &out),
        })
        .collect::<Result<Vec<usize>, String>>()?
        .into_iter()
        .sum();
    println!(
        "{}{} articles, {:.1} MB of HTML in {:.3} s",
        if stack.is_some() { "--stack: " } else { "" },
        files.len(),
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Renders one article into `out`; returns the bytes written.
fn render(path: &Path, out: &Path) -> Result<usize, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (_, body) = split(&text);
    let mut html = String::with_capacity(body.len() * 3 / 2 + 64);
    html.push_str("<!doctype html><html lang=\"fr\"><title>Article</title><body>");
    let parser = pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::all());
    pulldown_cmark::html::push_html(&mut html, parser);
    html.push_str("</body></html>\n");
    write_page(path, out, html.as_bytes())
}

/// The front matter (empty when there is none) and the body of a file.
fn split(text: &str) -> (&str, &str) {
    text.strip_prefix("---\n")
        .and_then(|rest| {
            rest.find("\n---\n")
                .map(|end| (&rest[..end], &rest[end + 5..]))
        })
        .unwrap_or(("", text))
}

/// Writes the page of the article at `path` to `<out>/<name>/index.html`;
/// returns the bytes written.
fn write_page(path: &Path, out: &Path, page: &[u8]) -> Result<usize, String> {
    let dir = out.join(path.file_stem().unwrap_or_default());
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    std::fs::write(dir.join("index.html"), page).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(page.len())
}

/// The article block filled into the default theme's `base.html`.
const ARTICLE: &str = r#"{% extends "base.html" %}
{% block content %}
<article class="article">
  <header class="article-header wrap narrow">
    <h1 class="article-title">{{ page.title }}</h1>
    {% if page.description %}<p class="lead">{{ page.description }}</p>{% endif %}
    <p class="byline-meta">{{ t.published_on }} <time datetime="{{ date }}">{{ date }}</time></p>
  </header>
  <div class="article-body wrap narrow">
    <div class="prose">
{{ body | safe }}
    </div>
  </div>
</article>
{% endblock content %}
"#;

/// serde_yaml and Tera 2, set up once and shared by the threads.
struct Stack {
    tera: tera::Tera,
    site: serde_json::Value,
    strings: serde_yaml::Value,
    assets: serde_json::Value,
}

impl Stack {
    fn new() -> Result<Self, String> {
        let mut tera = tera::Tera::new();
        tera.add_raw_templates(vec![
            (
                "base.html",
                include_str!("../themes/gazette/templates/base.html"),
            ),
            ("article.html", ARTICLE),
        ])
        .map_err(|e| format!("templates: {e}"))?;
        let strings = serde_yaml::from_str(include_str!("../themes/gazette/i18n/fr.yaml"))
            .map_err(|e| format!("fr.yaml: {e}"))?;
        let site = serde_json::json!({
            "title": "Banc d’essai Gazette",
            "language": "fr",
            "root": "/",
            "feed_url": "/atom.xml",
        });
        let assets = serde_json::json!({
            "css": "/css/gazette.css",
            "print_css": "/css/print.css",
            "js": "/js/gazette.js",
        });
        Ok(Stack {
            tera,
            site,
            strings,
            assets,
        })
    }

    /// Parses the front matter, renders the body and fills the page.
    fn render(&self, path: &Path, out: &Path) -> Result<usize, String> {
        let fail = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
        let text = std::fs::read_to_string(path).map_err(|e| fail(&e))?;
        let (yaml, body) = split(&text);
        let meta: serde_yaml::Value = serde_yaml::from_str(yaml).map_err(|e| fail(&e))?;
        let field = |key: &str| {
            meta.get(key)
                .and_then(serde_yaml::Value::as_str)
                .unwrap_or("")
        };
        let mut html = String::with_capacity(body.len() * 3 / 2);
        let parser = pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::all());
        pulldown_cmark::html::push_html(&mut html, parser);
        let name = path.file_stem().unwrap_or_default().to_string_lossy();
        let url = format!("/articles/{name}/");
        let mut context = tera::Context::new();
        context.insert("site", &self.site);
        context.insert("t", &self.strings);
        context.insert("assets", &self.assets);
        context.insert(
            "page",
            &serde_json::json!({
                "kind": "article",
                "title": field("title"),
                "description": field("summary"),
                "url": url,
                "permalink": format!("https://bench.example.org{url}"),
            }),
        );
        context.insert("date", field("date"));
        context.insert("body", &html);
        let mut page = Vec::with_capacity(html.len() + 16 * 1024);
        self.tera
            .render_to("article.html", &context, &mut page)
            .map_err(|e| fail(&e))?;
        write_page(path, out, &page)
    }
}
