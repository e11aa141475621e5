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
            out.push(
                Diagnostic::warning(
                    Code::LinkUnknownPath,
                    lang.pick(
                        format!("le lien « {dest} » ne mène à aucune page ni aucun fichier du site"),
                        format!("the link `{dest}` leads to no page or file of the site"),
                    ),
                )
                .at(source, link.span.clone())
                .with_help(lang.pick(
                    "vérifiez l’adresse ; vers un autre article, un lien vers son fichier (../rubrique/article.md) suit ses changements d’adresse",
                    "check the address; to another article, a link to its file (../section/article.md) follows its changes of address",
                )),
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
                    lang.pick(
                        format!("l’ancre « #{anchor} » n’existe pas dans la page « {path} »"),
                        format!("the anchor `#{anchor}` does not exist on the page `{path}`"),
                    ),
                )
                .at(source, link.span.clone())
                .with_help(lang.pick(
                    "vérifiez l’intertitre visé, ou retirez « #… » du lien",
                    "check the heading it points to, or remove `#…` from the link",
                )),
            );
        }
    }
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
    Diagnostic::warning(
        Code::A11yImageAlt,
        lang.pick(
            "l’image n’a pas de texte de remplacement",
            "the image has no alternative text",
        ),
    )
    .at(source, span)
    .with_help(lang.pick(
        "décrivez ce que l’image apporte entre les crochets : ![Deux agents à l’accueil](photo.jpg)",
        "say what the image brings between the brackets: ![Two agents at the front desk](photo.jpg)",
    ))
}

fn raw_images(m: &markup::Markup, source: &SourceText, lang: Language, out: &mut Vec<Diagnostic>) {
    for image in &m.raw_images {
        match &image.alt {
            None => out.push(
                Diagnostic::warning(
                    Code::A11yImageAlt,
                    lang.pick(
                        "la balise <img> n’a pas d’attribut alt",
                        "the <img> tag has no alt attribute",
                    ),
                )
                .at(source, image.span.clone())
                .with_help(lang.pick(
                    "ajoutez alt=\"…\" avec ce que l’image apporte, ou alt=\"\" role=\"presentation\" pour une image purement décorative",
                    "add alt=\"…\" with what the image brings, or alt=\"\" role=\"presentation\" for a purely decorative image",
                )),
            ),
            Some(alt) if alt.trim().is_empty() && !image.decorative => out.push(
                Diagnostic::warning(
                    Code::A11yImageAlt,
                    lang.pick(
                        "la balise <img> a un texte de remplacement vide",
                        "the <img> tag has an empty alternative text",
                    ),
                )
                .at(source, image.span.clone())
                .with_help(lang.pick(
                    "décrivez l’image dans alt=\"…\" ; si elle est purement décorative, dites-le avec role=\"presentation\"",
                    "describe the image in alt=\"…\"; if it is purely decorative, say so with role=\"presentation\"",
                )),
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
            lang.pick(
                "le lien n’a pas d’intitulé".to_string(),
                "the link has no text".to_string(),
            )
        } else if VAGUE.contains(&text.as_str()) {
            lang.pick(
                format!(
                    "l’intitulé du lien « {} » ne dit pas où il mène",
                    link.text.trim()
                ),
                format!(
                    "the link text “{}” does not say where it leads",
                    link.text.trim()
                ),
            )
        } else {
            continue;
        };
        out.push(
            Diagnostic::warning(Code::A11yVagueLink, message)
                .at(source, link.span.clone())
                .with_help(lang.pick(
                    "écrivez un intitulé qui se comprend hors du texte : [le guide du télétravail](guide.pdf) plutôt que [cliquez ici](guide.pdf)",
                    "write a text that makes sense on its own: [the remote work guide](guide.pdf) rather than [click here](guide.pdf)",
                )),
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
                lang.pick(
                    format!("langage de code inconnu « {} » : le bloc n’est pas coloré", u.language),
                    format!("unknown code language `{}`: the block is not highlighted", u.language),
                ),
            )
            .at(source, u.span.clone())
            .with_help(lang.pick(
                "corrigez le nom (yaml, json, html, css, js, python, sh, sql, rust…) ou écrivez « text » pour du texte brut",
                "fix the name (yaml, json, html, css, js, python, sh, sql, rust…) or write `text` for plain text",
            )),
        );
    }
}

fn table_header(source: &SourceText, span: Range<usize>, lang: Language) -> Diagnostic {
    Diagnostic::warning(
        Code::A11yTableHeader,
        lang.pick(
            "le tableau n’a pas de cellule d’en-tête",
            "the table has no header cell",
        ),
    )
    .at(source, span)
    .with_help(lang.pick(
        "donnez un titre à chaque colonne dans la première ligne du tableau (en HTML : des cellules <th>)",
        "give each column a title in the table's first row (in HTML: <th> cells)",
    ))
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
    let in_page = seen != Seen::Body;
    let hashes = "#".repeat(usize::from(previous + 1));
    let (where_fr, where_en) = if in_page {
        ("dans la page publiée, ", "in the published page, ")
    } else {
        ("", "")
    };
    let after_fr = if previous == 1 && !in_page {
        "le titre de l’article (niveau 1)".to_string()
    } else {
        format!("un titre de niveau {previous}")
    };
    let after_en = if previous == 1 && !in_page {
        "the article's title (level 1)".to_string()
    } else {
        format!("a level {previous} heading")
    };
    Diagnostic::warning(
        Code::A11yHeadingSkip,
        lang.pick(
            format!("{where_fr}le titre « {text} » est de niveau {level} mais suit {after_fr} : un niveau est sauté"),
            format!("{where_en}the heading “{text}” is level {level} but follows {after_en}: a level is skipped"),
        ),
    )
    .at(source, span)
    .with_help(match seen {
        Seen::PageTheme => lang.pick(
            format!("ce titre vient d’un bloc ou du gabarit ; les intertitres du texte commencent à « ## » (niveau 2), puis « ### » ; ici, il faudrait un niveau {}", previous + 1),
            format!("this heading comes from a block or the template; the body's headings start at `##` (level 2), then `###`; here, level {} is expected", previous + 1),
        ),
        Seen::PageText => lang.pick(
            format!("dans la page, un bloc ou le gabarit place avant ce titre un titre de niveau {previous} : écrivez ici « {hashes} », ou déplacez le titre"),
            format!("in the page, a block or the template puts a level {previous} heading before this one: write `{hashes}` here, or move the heading"),
        ),
        Seen::Body => lang.pick(
            format!("le titre de l’article est le niveau 1 : les intertitres commencent à « ## », et ne descendent que d’un niveau à la fois ; écrivez ici « {hashes} »"),
            format!("the article's title is level 1: headings start at `##` and go down one level at a time; write `{hashes}` here"),
        ),
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
                    lang.pick(
                        format!("la question {number} de l’interview est placée une deuxième fois"),
                        format!("interview question {number} is placed a second time"),
                    ),
                )
                .at(source, span.clone())
                .with_help(lang.pick(
                    "chaque question ne se place qu’une fois : corrigez les numéros, par exemple questions=\"1-2\" puis questions=\"3-\"",
                    "each question is placed once: fix the numbers, for example questions=\"1-2\" then questions=\"3-\"",
                )),
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
                lang.pick(
                    format!("la question {number} de l’interview n’est placée nulle part : elle ne sera pas publiée"),
                    format!("interview question {number} is placed nowhere: it will not be published"),
                ),
            )
            .at(source, question_span(article, number))
            .with_help(lang.pick(
                format!("placez-la dans le texte avec {{{{ interview(questions=\"{number}\") }}}}, ou retirez-la de l’en-tête (« {} »)", q.q.as_str()),
                format!("place it in the body with {{{{ interview(questions=\"{number}\") }}}}, or remove it from the front matter (“{}”)", q.q.as_str()),
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
