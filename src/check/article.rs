//! The lints of one article: accessibility (alt texts, heading levels,
//! link texts, table headers), code in an unknown language, interview
//! questions placed twice or never.
//!
//! Each lint reads what loading recorded (`Rendered` fragments, the front
//! matter, `placed_questions`) or, for raw HTML and tables, the `markup`
//! reading of the same Markdown; the page-level heading lint reads the page
//! as rendered. Positions are those of the writer's file: exact in the body,
//! at the block's key for Markdown written in the front matter.

use crate::diagnostics::Code;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::check::{html, markup};
use crate::config::RawHtml;
use crate::content::article::BlockUse;
use crate::content::front_matter::{self, RawPrinciple};
use crate::content::markdown::{LinkKind, OffsetMap, Rendered};
use crate::diagnostics::{Diagnostic, SourceText};
use crate::language::Language;
use crate::messages::t;
use crate::render::{Content, Files};
use crate::site::{Article, PageFolder, Site};

/// Every lint of one article; `page` is its rendered HTML, when rendering
/// got that far.
pub fn lint(site: &Site, article: &Article, page: Option<&str>, files: &Files) -> Vec<Diagnostic> {
    let lang = site.config.language;
    let loaded = &article.loaded;
    let source = &*loaded.source;
    let mut out = Vec::new();
    let rendered = fragments(article);
    for r in &rendered {
        images(r, source, lang, &mut out);
        links(r, source, lang, &mut out);
        site_paths(r, source, site, files, &mut out);
        code_languages(r, source, lang, &mut out);
    }
    let raw_html = site.config.raw_html != RawHtml::Escape;
    for (text, offsets) in markdown_texts(article) {
        let m = markup::read(&text, &offsets, raw_html);
        raw_images(&m, source, lang, &mut out);
        for span in m.headless_tables {
            out.push(table_header(source, span, lang));
        }
    }
    let flagged = body_headings(article, lang, &mut out);
    if let Some(page) = page {
        page_headings(article, &rendered, page, &flagged, lang, &mut out);
    }
    interview(article, lang, &mut out);
    out.extend(crate::check::quotes::lint(article, lang));
    out.extend(crate::check::foreign::lint(
        source,
        &loaded.split,
        &site.config.foreign_terms,
        lang,
    ));
    out
}

/// Links written as a site path (`/actualites/bilan/`, `/images/logo.png`)
/// must lead to a page or a file of the built site, and their `#anchor` to
/// an id of that page. A path outside the site's root folder belongs to
/// another application of the server and is left alone.
fn site_paths(
    r: &Rendered,
    source: &SourceText,
    site: &Site,
    files: &Files,
    out: &mut Vec<Diagnostic>,
) {
    let lang = site.config.language;
    let root = site.config.root_path.as_str();
    for link in &r.links {
        let dest = link.dest.as_str();
        if !dest.starts_with('/') || dest.starts_with("//") {
            continue;
        }
        let (path, anchor) = dest.split_once('#').unwrap_or((dest, ""));
        let path = path.split_once('?').map_or(path, |(p, _)| p);
        let rel = if root != "/" && path.starts_with(root) {
            &path[root.len()..]
        } else if root == "/" {
            path.trim_start_matches('/')
        } else {
            continue;
        };
        let rel = crate::site::links::percent_decode(rel);
        let candidates = match PageFolder::of_address(&rel) {
            Some(folder) => vec![folder.page_file()],
            None => vec![rel.clone(), PageFolder::slash_missing(&rel).page_file()],
        };
        let Some(target) = candidates.iter().find_map(|c| files.get(c)) else {
            if leads_to_unloaded(site, &rel) {
                // An article with errors of its own, reported at its
                // place: the link is right once it is fixed.
                continue;
            }
            out.push(
                Diagnostic::warning(
                    Code::LinkUnknownPath,
                    t!(lang, "check-link-unknown-path", dest = dest),
                )
                .at(source, link.span.clone())
                .with_help(t!(lang, "check-link-unknown-path-help")),
            );
            continue;
        };
        if anchor.is_empty() || anchor == "top" {
            continue;
        }
        let Content::Bytes(page) = target else {
            continue;
        };
        let id = format!("id=\"{}\"", crate::site::links::percent_decode(anchor));
        if memchr::memmem::find(page, id.as_bytes()).is_none() {
            out.push(
                Diagnostic::warning(
                    Code::LinkUnknownPath,
                    t!(
                        lang,
                        "check-link-unknown-anchor",
                        anchor = anchor,
                        path = path
                    ),
                )
                .at(source, link.span.clone())
                .with_help(t!(lang, "check-link-unknown-anchor-help")),
            );
        }
    }
}

/// Whether the site path `rel` (from the site's root) is where an article
/// that could not be loaded, or a file of its bundle, would be (see
/// `site::unloaded`).
fn leads_to_unloaded(site: &Site, rel: &str) -> bool {
    let url = site.config.url(rel);
    let with_slash = PageFolder::slash_missing(rel);
    let folder = site.config.url(with_slash.as_str());
    site.resolver
        .unloaded
        .values()
        .any(|u| *u == url || *u == folder)
}

/// The article's rendered Markdown: body, lead, blocks of the front matter,
/// and the bodies of asides and custom shortcodes.
fn fragments(article: &Article) -> Vec<&Rendered> {
    let loaded = &article.loaded;
    let c = &loaded.content;
    let mut out: Vec<&Rendered> = vec![&loaded.body];
    out.extend(loaded.summary.iter());
    out.extend(c.interview_intro.iter());
    for q in &c.questions {
        out.push(&q.question);
        out.push(&q.answer);
    }
    out.extend(c.testimonials.values().flatten());
    out.extend(c.principles.values().flatten().map(|(_, r)| r));
    out.extend(c.quotes.values());
    for block in &loaded.blocks {
        match block {
            BlockUse::Aside { body, .. } => out.push(body),
            BlockUse::Custom {
                body: Some(body), ..
            } => out.push(body),
            _ => {}
        }
    }
    out
}

/// The Markdown as written, with where it is in the file: the body, and
/// each Markdown value of the front matter (reported at its block's key).
fn markdown_texts(article: &Article) -> Vec<(String, OffsetMap)> {
    let loaded = &article.loaded;
    let (source, split, meta) = (&*loaded.source, &loaded.split, &loaded.meta);
    let at = |key: &str| OffsetMap::fixed(front_matter::locate(source, split, &[key]).start);
    let mut out = vec![(
        source.text[split.body.clone()].to_string(),
        OffsetMap::contiguous(split.body.start),
    )];
    if let Some(s) = &meta.summary {
        out.push((s.clone(), at("summary")));
    }
    if let Some(i) = &meta.interview {
        let texts = i
            .intro
            .iter()
            .chain(i.questions.iter().flat_map(|q| [&q.q, &q.a]));
        out.extend(texts.map(|t| (t.0.clone(), at("interview"))));
    }
    for group in meta.testimonials.values() {
        out.extend(
            group
                .items
                .iter()
                .map(|i| (i.text.0.clone(), at("testimonials"))),
        );
    }
    for list in meta.principles.values() {
        for item in &list.items {
            let text = match item {
                RawPrinciple::Plain(t) => Some(t),
                RawPrinciple::Titled(t) => t.text.as_ref(),
            };
            out.extend(text.map(|t| (t.0.clone(), at("principles"))));
        }
    }
    out.extend(
        meta.quotes
            .values()
            .map(|q| (q.text.0.clone(), at("quotes"))),
    );
    out
}

fn images(r: &Rendered, source: &SourceText, lang: Language, out: &mut Vec<Diagnostic>) {
    for image in &r.images {
        if image.alt.trim().is_empty() {
            out.push(image_alt(source, image.span.clone(), lang));
        }
    }
}

fn image_alt(source: &SourceText, span: Range<usize>, lang: Language) -> Diagnostic {
    Diagnostic::warning(Code::A11yImageAlt, t!(lang, "check-image-alt"))
        .at(source, span)
        .with_help(t!(lang, "check-image-alt-help"))
}

fn raw_images(m: &markup::Markup, source: &SourceText, lang: Language, out: &mut Vec<Diagnostic>) {
    for image in &m.raw_images {
        match &image.alt {
            None => out.push(
                Diagnostic::warning(Code::A11yImageAlt, t!(lang, "check-img-no-alt"))
                    .at(source, image.span.clone())
                    .with_help(t!(lang, "check-img-no-alt-help")),
            ),
            Some(alt) if alt.trim().is_empty() && !image.decorative => out.push(
                Diagnostic::warning(Code::A11yImageAlt, t!(lang, "check-img-empty-alt"))
                    .at(source, image.span.clone())
                    .with_help(t!(lang, "check-img-empty-alt-help")),
            ),
            Some(_) => {}
        }
    }
}

/// Link texts that say nothing out of context, compared once lower-cased
/// and stripped of punctuation.
const VAGUE: [&str; 17] = [
    "ici",
    "cliquez ici",
    "cliquer ici",
    "clic ici",
    "en savoir plus",
    "pour en savoir plus",
    "lire la suite",
    "la suite",
    "suite",
    "plus",
    "voir plus",
    "lien",
    "click here",
    "here",
    "read more",
    "more",
    "learn more",
];

/// A link text reduced for comparison: lower case, letters and digits only,
/// single spaces.
fn reduced(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn links(r: &Rendered, source: &SourceText, lang: Language, out: &mut Vec<Diagnostic>) {
    for link in r.links.iter().chain(&r.external_links) {
        if link.kind != LinkKind::Link {
            continue;
        }
        let text = reduced(&link.text);
        let message = if text.is_empty() {
            t!(lang, "check-link-no-text")
        } else if VAGUE.contains(&text.as_str()) {
            t!(lang, "check-link-vague", text = link.text.trim())
        } else {
            continue;
        };
        out.push(
            Diagnostic::warning(Code::A11yVagueLink, message)
                .at(source, link.span.clone())
                .with_help(t!(lang, "check-link-vague-help")),
        );
    }
}

/// Fence labels that ask for plain text on purpose.
const PLAIN: [&str; 5] = ["text", "txt", "plain", "plaintext", "none"];

fn code_languages(r: &Rendered, source: &SourceText, lang: Language, out: &mut Vec<Diagnostic>) {
    for u in &r.unknown_languages {
        if PLAIN.contains(&u.language.to_ascii_lowercase().as_str()) {
            continue;
        }
        out.push(
            Diagnostic::warning(
                Code::CodeUnknownLanguage,
                t!(lang, "check-code-unknown-language", language = &u.language),
            )
            .at(source, u.span.clone())
            .with_help(t!(lang, "check-code-unknown-language-help")),
        );
    }
}

fn table_header(source: &SourceText, span: Range<usize>, lang: Language) -> Diagnostic {
    Diagnostic::warning(Code::A11yTableHeader, t!(lang, "check-table-header"))
        .at(source, span)
        .with_help(t!(lang, "check-table-header-help"))
}

/// Skipped levels among the body's own headings, the title being level 1.
/// Returns the ids of the headings reported.
fn body_headings(article: &Article, lang: Language, out: &mut Vec<Diagnostic>) -> HashSet<String> {
    let source = &*article.loaded.source;
    let mut flagged = HashSet::new();
    let mut previous = 1u8;
    for h in &article.loaded.body.headings {
        if h.level > previous + 1 {
            flagged.insert(h.id.clone());
            out.push(heading_skip(
                source,
                h.span.clone(),
                (h.level, previous),
                &h.text,
                Seen::Body,
                lang,
            ));
        }
        previous = h.level;
    }
    flagged
}

/// Which lint found a skipped heading level.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seen {
    /// Among the body's headings.
    Body,
    /// In the rendered page, a heading the writer wrote.
    PageText,
    /// In the rendered page, a heading of a block or of the template.
    PageTheme,
}

fn heading_skip(
    source: &SourceText,
    span: Range<usize>,
    (level, previous): (u8, u8),
    text: &str,
    seen: Seen,
    lang: Language,
) -> Diagnostic {
    let expected = previous + 1;
    let hashes = "#".repeat(usize::from(expected));
    let message = match seen {
        Seen::Body if previous == 1 => t!(
            lang,
            "check-heading-skip-after-title",
            text = text,
            level = level
        ),
        Seen::Body => t!(
            lang,
            "check-heading-skip",
            text = text,
            level = level,
            previous = previous
        ),
        Seen::PageText | Seen::PageTheme => t!(
            lang,
            "check-heading-skip-in-page",
            text = text,
            level = level,
            previous = previous
        ),
    };
    Diagnostic::warning(Code::A11yHeadingSkip, message)
        .at(source, span)
        .with_help(match seen {
            Seen::PageTheme => t!(lang, "check-heading-skip-theme-help", expected = expected),
            Seen::PageText => t!(
                lang,
                "check-heading-skip-page-help",
                previous = previous,
                hashes = &hashes
            ),
            Seen::Body => t!(lang, "check-heading-skip-body-help", hashes = &hashes),
        })
}

/// Skipped levels in the page as rendered (theme, blocks and body
/// together). A heading of the body already reported is not reported
/// twice; one that comes from the theme or a block is reported at the
/// article's `title:`.
fn page_headings(
    article: &Article,
    rendered: &[&Rendered],
    page: &str,
    flagged: &HashSet<String>,
    lang: Language,
    out: &mut Vec<Diagnostic>,
) {
    let loaded = &article.loaded;
    let source = &*loaded.source;
    let mut known: HashMap<&str, Range<usize>> = HashMap::new();
    for r in rendered {
        for h in &r.headings {
            known.entry(h.id.as_str()).or_insert_with(|| h.span.clone());
        }
    }
    let mut previous = 1u8;
    for h in html::headings(page) {
        if h.level > previous + 1 {
            let id = h.id.as_deref().unwrap_or("");
            if !flagged.contains(id) {
                let (span, seen) = match known.get(id) {
                    Some(span) => (span.clone(), Seen::PageText),
                    None => (
                        front_matter::locate(source, &loaded.split, &["title"]),
                        Seen::PageTheme,
                    ),
                };
                out.push(heading_skip(
                    source,
                    span,
                    (h.level, previous),
                    &h.text,
                    seen,
                    lang,
                ));
            }
        }
        previous = h.level;
    }
}

/// Questions of an interview the body places with `{{ interview(…) }}`:
/// each must be placed exactly once. A body that places none gets the whole
/// interview after it, which is fine.
fn interview(article: &Article, lang: Language, out: &mut Vec<Diagnostic>) {
    let loaded = &article.loaded;
    let Some(interview) = &loaded.meta.interview else {
        return;
    };
    if loaded.placed_questions.is_empty() {
        return;
    }
    let source = &*loaded.source;
    let mut seen: HashMap<usize, usize> = HashMap::new();
    for (number, span) in &loaded.placed_questions {
        let count = seen.entry(*number).or_insert(0);
        *count += 1;
        if *count == 2 {
            out.push(
                Diagnostic::warning(
                    Code::InterviewQuestionTwice,
                    t!(lang, "check-interview-question-twice", number = number),
                )
                .at(source, span.clone())
                .with_help(t!(lang, "check-interview-question-twice-help")),
            );
        }
    }
    for (k, q) in interview.questions.iter().enumerate() {
        let number = k + 1;
        if seen.contains_key(&number) {
            continue;
        }
        out.push(
            Diagnostic::warning(
                Code::InterviewQuestionUnplaced,
                t!(lang, "check-interview-question-unplaced", number = number),
            )
            .at(source, question_span(article, number))
            .with_help(t!(
                lang,
                "check-interview-question-unplaced-help",
                number = number,
                question = q.q.as_str()
            )),
        );
    }
}

/// Where the `number`th question's `q:` is written, else `questions:`.
fn question_span(article: &Article, number: usize) -> Range<usize> {
    let loaded = &article.loaded;
    let source = &*loaded.source;
    let key = front_matter::locate(source, &loaded.split, &["interview", "questions"]);
    let yaml_end = loaded.split.yaml.end.max(key.end);
    let mut pos = key.end;
    let mut seen = 0;
    for line in source.text[key.end..yaml_end].split_inclusive('\n') {
        let trimmed = line.trim_start_matches([' ', '-']);
        if trimmed.starts_with("q:") {
            seen += 1;
            if seen == number {
                let start = pos + (line.len() - trimmed.len());
                return start..start + 1;
            }
        }
        pos += line.len();
    }
    key
}
