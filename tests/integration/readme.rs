//! The README's promises to a new writer, kept true: the article of
//! "Writing an article (quick start)" is read from README.md itself (its
//! fenced block, the file it names, the page it says to open), written into
//! a copy of the example site and built, so README and test cannot drift.

use crate::support::*;

/// The heading of the README's quick start.
const QUICK_START: &str = "## Writing an article (quick start)";

/// The README's quick-start section: the lines from its heading to the
/// next heading of its level (a `## ` inside a fenced block is not one).
fn quick_start() -> String {
    let readme = std::fs::read_to_string(manifest_dir().join("README.md")).expect("read README.md");
    let mut lines = readme.lines().skip_while(|line| *line != QUICK_START);
    assert!(
        lines.next().is_some(),
        "README.md has no heading {QUICK_START:?}"
    );
    let mut fenced = false;
    let mut section = String::new();
    for line in lines {
        if line.starts_with("```") {
            fenced = !fenced;
        } else if !fenced && line.starts_with("## ") {
            break;
        }
        section.push_str(line);
        section.push('\n');
    }
    section
}

/// The first inline code of `text`'s prose (fenced blocks left out) that
/// starts with `prefix`.
#[track_caller]
fn code_starting(text: &str, prefix: &str) -> String {
    let mut fenced = false;
    let prose: Vec<&str> = text
        .lines()
        .filter(|line| {
            if line.starts_with("```") {
                fenced = !fenced;
                return false;
            }
            !fenced
        })
        .collect();
    prose
        .join("\n")
        .split('`')
        .skip(1)
        .step_by(2)
        .find(|code| code.starts_with(prefix) && !code.contains(char::is_whitespace))
        .unwrap_or_else(|| panic!("no `{prefix}…` in the quick start:\n{text}"))
        .to_string()
}

/// The first ```` ```markdown ```` block of `text`.
#[track_caller]
fn markdown_block(text: &str) -> String {
    let open = "```markdown\n";
    let start = text
        .find(open)
        .unwrap_or_else(|| panic!("no ```markdown block in the quick start:\n{text}"))
        + open.len();
    let len = text[start..].find("\n```").expect("the block is closed");
    format!("{}\n", &text[start..start + len])
}

#[test]
fn the_quick_start_article_builds_as_written_on_the_example_site() {
    let section = quick_start();
    let source = code_starting(&section, "content/");
    let page = code_starting(&section, "output/");
    let article = markdown_block(&section);
    let title = article
        .lines()
        .find_map(|line| line.strip_prefix("title: "))
        .expect("the article has a title")
        .to_string();

    let site = TestSite::example();
    assert!(
        !site.path(&source).exists(),
        "{source} is already a file of the example site"
    );
    site.write(&source, &article);
    let run = site.build_ok(&[]);
    assert_eq!(run.stderr, "", "a clean build, no warning");

    let html = site.page(page.strip_prefix("output/").expect("under output/"));
    let typeset = gazette::typography::typeset(gazette::language::Language::Fr, &title);
    assert_eq!(
        only(&html, "h1"),
        typeset,
        "{page} shows the article's title"
    );
}
