//! Loading one article: read, front matter, shortcodes, Markdown. Pure and
//! per file, so it runs in parallel and watch mode can redo a single file.
//!
//! The body's shortcodes are checked against the front matter here (an
//! unknown id, a question range out of bounds) and replaced by block markers
//! before the Markdown is parsed once; blocks the body does not place are
//! appended in the documented order (interview, testimonials, principles,
//! quotes). Front-matter Markdown (answers, testimonies, principles, quotes)
//! is rendered here too, each value its own `Rendered` fragment with its own
//! links. Nothing here knows other articles: links stay markers until
//! assembly.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

use crate::content::discover::ArticleSource;
use crate::content::front_matter::{self, ArticleMeta, PersonRef, RawPrinciple, Split};
use crate::content::markdown::{self, MARK_BLOCK, MARK_END, MarkdownOptions, OffsetMap, Rendered};
use crate::content::schemes;
use crate::content::shortcodes::{self, ArgValue, Segment, Shortcode};
use crate::diagnostics::{Diagnostic, SourceText};
use crate::yaml;

/// Names of the built-in shortcodes.
pub const BUILT_IN_SHORTCODES: [&str; 5] =
    ["interview", "testimonials", "principles", "quote", "aside"];

/// A block the body shows, by marker index.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockUse {
    /// Interview questions `from..=to` (1-based).
    Interview {
        /// First question.
        from: usize,
        /// Last question.
        to: usize,
    },
    /// A testimony group.
    Testimonials(String),
    /// A principle list.
    Principles(String),
    /// A pull quote.
    Quote(String),
    /// A boxed note.
    Aside {
        /// Its heading.
        title: Option<String>,
        /// Its rendered Markdown.
        body: Rendered,
    },
    /// A site or theme shortcode template.
    Custom {
        /// Template name (`shortcodes/{name}.html`).
        name: String,
        /// Named arguments.
        args: BTreeMap<String, serde_json::Value>,
        /// Rendered Markdown body of a block shortcode.
        body: Option<Rendered>,
    },
}

/// An interview question, rendered.
#[derive(Debug, Clone)]
pub struct QuestionContent {
    /// The question, inline HTML.
    pub question: Rendered,
    /// The answer, block HTML.
    pub answer: Rendered,
    /// Who answers.
    pub by: Option<PersonRef>,
}

/// The front matter's Markdown, rendered.
#[derive(Debug, Clone, Default)]
pub struct BlockContent {
    /// Interview introduction.
    pub interview_intro: Option<Rendered>,
    /// Interview questions.
    pub questions: Vec<QuestionContent>,
    /// Testimonies by group id, item order kept.
    pub testimonials: BTreeMap<String, Vec<Rendered>>,
    /// Principles by list id: `(title, text)`.
    pub principles: BTreeMap<String, Vec<(Option<String>, Rendered)>>,
    /// Pull quote texts by id.
    pub quotes: BTreeMap<String, Rendered>,
}

impl BlockContent {
    /// Every rendered text, in no particular order.
    pub fn texts(&self) -> impl Iterator<Item = &Rendered> {
        self.interview_intro
            .iter()
            .chain(self.questions.iter().flat_map(|q| [&q.question, &q.answer]))
            .chain(self.testimonials.values().flatten())
            .chain(self.principles.values().flatten().map(|(_, r)| r))
            .chain(self.quotes.values())
    }
}

/// An article as loaded from its file, before the site is assembled.
#[derive(Debug, Clone)]
pub struct LoadedArticle {
    /// The file's text and path.
    pub source: Arc<SourceText>,
    /// Where it was found.
    pub origin: ArticleSource,
    /// Where the front matter and body are.
    pub split: Split,
    /// The front matter.
    pub meta: ArticleMeta,
    /// The body, with link and block markers.
    pub body: Rendered,
    /// The blocks, by marker index.
    pub blocks: Vec<BlockUse>,
    /// The lead (`summary`), inline.
    pub summary: Option<Rendered>,
    /// The front matter's Markdown.
    pub content: BlockContent,
    /// Interview questions placed by the body, 1-based, with where.
    pub placed_questions: Vec<(usize, Range<usize>)>,
    /// Non-fatal findings (for `check`).
    pub warnings: Vec<Diagnostic>,
}

/// The id of interview question `n`'s block on the page, as the default
/// theme writes it (`#entretien-q2`).
pub fn question_anchor(n: usize) -> String {
    format!("entretien-q{n}")
}

impl LoadedArticle {
    /// Every id a link may point at on the article's page: `contenu` (the
    /// main content), the body's headings, the headings written inside its
    /// blocks, and the interview questions it shows (`entretien-q1`…).
    pub fn anchors(&self) -> std::collections::HashSet<String> {
        let c = &self.content;
        let asides = self.blocks.iter().filter_map(|b| match b {
            BlockUse::Aside { body, .. } => Some(body),
            _ => None,
        });
        let fragments = c.texts().chain(asides);
        let mut ids: std::collections::HashSet<String> =
            self.body.headings.iter().map(|h| h.id.clone()).collect();
        for r in fragments {
            ids.extend(r.headings.iter().map(|h| h.id.clone()));
        }
        // The questions on the page: all of them unless the body places
        // some, and then only those.
        if self.placed_questions.is_empty() {
            ids.extend((1..=c.questions.len()).map(question_anchor));
        } else {
            ids.extend(
                self.placed_questions
                    .iter()
                    .map(|(n, _)| question_anchor(*n)),
            );
        }
        ids.insert("contenu".to_string());
        ids
    }
}

/// What loading needs from the site.
pub struct LoadContext<'a> {
    /// Markdown settings.
    pub markdown: MarkdownOptions<'a>,
    /// Shortcodes the theme or site adds.
    pub custom_shortcodes: &'a BTreeSet<String>,
}

/// Loads one article from its text.
pub fn load(
    origin: ArticleSource,
    text: String,
    cx: &LoadContext,
) -> Result<LoadedArticle, Vec<Diagnostic>> {
    let lang = cx.markdown.lang;
    // The text read is kept as it is unless it held marker characters.
    let scrubbed = match markdown::scrub_markers(&text) {
        std::borrow::Cow::Owned(s) => Some(s),
        std::borrow::Cow::Borrowed(_) => None,
    };
    let source = Arc::new(SourceText::new(
        origin.path.clone(),
        scrubbed.unwrap_or(text),
    ));
    let split = front_matter::split(&source, lang).map_err(|d| vec![d])?;
    let meta = front_matter::parse_article(&source, &split, lang)?;
    let mut errors = Vec::new();
    let body_text = &source.text[split.body.clone()];
    let (segments, parse_errors) = shortcodes::parse(body_text);
    for err in parse_errors {
        let span = split.body.start + err.span.start..split.body.start + err.span.end;
        errors.push(
            Diagnostic::error(err.code(), err.message(lang))
                .at(&source, span)
                .with_help(err.help(lang)),
        );
    }
    let mut blocks: Vec<BlockUse> = Vec::new();
    let mut text = String::with_capacity(body_text.len() + 64);
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut placed_questions = Vec::new();
    let mut placed = Placed::default();
    for segment in segments {
        match segment {
            Segment::Markdown(range) => {
                pieces.push((text.len(), split.body.start + range.start));
                text.push_str(&body_text[range]);
            }
            Segment::Shortcode(sc) => {
                let at = split.body.start + sc.span.start;
                match shortcode_block(
                    &sc,
                    body_text,
                    split.body.start,
                    &source,
                    &meta,
                    cx,
                    &mut placed,
                ) {
                    Ok(block) => {
                        if let BlockUse::Interview { from, to } = &block {
                            for q in *from..=*to {
                                placed_questions.push((q, at..split.body.start + sc.span.end));
                            }
                        }
                        pieces.push((text.len(), at));
                        text.push_str(&format!("\n\n{MARK_BLOCK}{}{MARK_END}\n\n", blocks.len()));
                        blocks.push(block);
                    }
                    Err(d) => errors.push(d),
                }
            }
        }
    }
    // Blocks the body does not place come after it, in the documented order.
    let end = source.text.len();
    let mut unplaced = Vec::new();
    if meta.interview.is_some() && !placed.interview {
        let count = meta
            .interview
            .as_ref()
            .map(|i| i.questions.len())
            .unwrap_or(0);
        if count > 0 {
            unplaced.push(BlockUse::Interview { from: 1, to: count });
        }
    }
    for id in meta.testimonials.keys() {
        if !placed.testimonials.contains(id) {
            unplaced.push(BlockUse::Testimonials(id.clone()));
        }
    }
    for id in meta.principles.keys() {
        if !placed.principles.contains(id) {
            unplaced.push(BlockUse::Principles(id.clone()));
        }
    }
    for id in meta.quotes.keys() {
        if !placed.quotes.contains(id) {
            unplaced.push(BlockUse::Quote(id.clone()));
        }
    }
    for block in unplaced {
        pieces.push((text.len(), end));
        text.push_str(&format!("\n\n{MARK_BLOCK}{}{MARK_END}\n\n", blocks.len()));
        blocks.push(block);
    }
    let body = markdown::render(&text, &OffsetMap::pieces(pieces), &cx.markdown);
    let content = render_block_content(&source, &split, &meta, &cx.markdown);
    let summary = meta.summary.as_ref().map(|s| {
        let at = front_matter::locate(&source, &split, &["summary"]).start;
        markdown::render_inline(s, &OffsetMap::fixed(at), &cx.markdown)
    });
    let block_bodies = blocks.iter().filter_map(|b| match b {
        BlockUse::Aside { body, .. }
        | BlockUse::Custom {
            body: Some(body), ..
        } => Some(body),
        _ => None,
    });
    let texts = std::iter::once(&body)
        .chain(&summary)
        .chain(content.texts())
        .chain(block_bodies);
    let urls = cx.markdown.urls;
    errors.extend(schemes::refused_links(&source, &split, texts, urls, lang));
    errors.extend(schemes::refused_front_matter(
        &source, &split, &meta, urls, lang,
    ));
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(LoadedArticle {
        source,
        origin,
        split,
        meta,
        body,
        blocks,
        summary,
        content,
        placed_questions,
        warnings: Vec::new(),
    })
}

#[derive(Default)]
struct Placed {
    interview: bool,
    /// Asides so far: the n-th one's heading and note ids take the prefix
    /// `encadre-n-` (`encadre-` for the first), so two asides with the same
    /// heading do not give two elements one id.
    asides: usize,
    testimonials: BTreeSet<String>,
    principles: BTreeSet<String>,
    quotes: BTreeSet<String>,
}

/// Checks a shortcode against the front matter and says what it shows.
fn shortcode_block(
    sc: &Shortcode,
    body: &str,
    body_start: usize,
    source: &SourceText,
    meta: &ArticleMeta,
    cx: &LoadContext,
    placed: &mut Placed,
) -> Result<BlockUse, Diagnostic> {
    let lang = cx.markdown.lang;
    let span_of = |r: &Range<usize>| body_start + r.start..body_start + r.end;
    let name = sc.name.as_str();
    let id_arg = |kind_fr: &str,
                  kind_en: &str,
                  key: &str,
                  ids: Vec<&String>|
     -> Result<String, Diagnostic> {
        match sc.arg("id") {
            Some(arg) => {
                let id = match &arg.value {
                    ArgValue::Str(s) => s.clone(),
                    ArgValue::Int(i) => i.to_string(),
                    _ => String::new(),
                };
                if ids.iter().any(|k| **k == id) {
                    Ok(id)
                } else {
                    let suggestion = yaml::closest(&id, ids.iter().map(|s| s.as_str()));
                    let help = match (suggestion, ids.is_empty()) {
                        (Some(best), _) => lang.pick(
                            format!("vouliez-vous écrire « {best} » ?"),
                            format!("did you mean `{best}`?"),
                        ),
                        (None, true) => lang.pick(
                            format!("ajoutez « {key}: » dans l’en-tête de l’article"),
                            format!("add `{key}:` to the article's front matter"),
                        ),
                        (None, false) => lang.pick(
                            format!("les identifiants possibles sont : {}", join_ids(&ids)),
                            format!("the possible ids are: {}", join_ids(&ids)),
                        ),
                    };
                    Err(Diagnostic::error(
                        "shortcode-unknown-id",
                        lang.pick(
                            format!("{kind_fr} « {id} » n’existe pas dans l’en-tête ({key})"),
                            format!("there is no {kind_en} `{id}` in the front matter ({key})"),
                        ),
                    )
                    .at(source, span_of(&arg.value_span))
                    .with_help(help))
                }
            }
            None if ids.len() == 1 => Ok(ids[0].clone()),
            None => Err(Diagnostic::error(
                "shortcode-missing-id",
                if ids.is_empty() {
                    lang.pick(
                        format!("l’en-tête n’a pas de « {key}: » à placer ici"),
                        format!("the front matter has no `{key}:` to place here"),
                    )
                } else {
                    lang.pick(
                        format!("il y a plusieurs {key} : dites lequel placer avec id=\"…\""),
                        format!("there are several {key}: say which one with id=\"…\""),
                    )
                },
            )
            .at(source, span_of(&sc.name_span))
            .with_help(if ids.is_empty() {
                lang.pick(
                    format!("ajoutez « {key}: » dans l’en-tête, ou retirez cette ligne"),
                    format!("add `{key}:` to the front matter, or remove this line"),
                )
            } else {
                lang.pick(
                    format!("par exemple {{{{ {name}(id=\"{}\") }}}}", ids[0]),
                    format!("for example {{{{ {name}(id=\"{}\") }}}}", ids[0]),
                )
            })),
        }
    };
    let block = match name {
        "interview" => {
            let Some(interview) = &meta.interview else {
                return Err(Diagnostic::error(
                    "shortcode-no-interview",
                    lang.pick(
                        "l’en-tête n’a pas d’« interview: » à placer ici",
                        "the front matter has no `interview:` to place here",
                    ),
                )
                .at(source, span_of(&sc.name_span))
                .with_help(lang.pick(
                    "ajoutez « interview: » avec ses questions dans l’en-tête, ou retirez cette ligne",
                    "add `interview:` with its questions to the front matter, or remove this line",
                )));
            };
            let count = interview.questions.len();
            placed.interview = true;
            match sc.arg("questions") {
                None => BlockUse::Interview {
                    from: 1,
                    to: count.max(1),
                },
                Some(arg) => {
                    let text = match &arg.value {
                        ArgValue::Str(s) => s.clone(),
                        ArgValue::Int(i) => i.to_string(),
                        _ => String::new(),
                    };
                    let range = shortcodes::parse_question_range(&text);
                    match range {
                        Some((from, to)) => {
                            let to = to.unwrap_or(count);
                            if from == 0 || from > count || to > count || to < from {
                                return Err(Diagnostic::error(
                                    "shortcode-question-range",
                                    lang.pick(
                                        format!("les questions « {text} » n’existent pas : l’interview en a {count}"),
                                        format!("questions `{text}` do not exist: the interview has {count}"),
                                    ),
                                )
                                .at(source, span_of(&arg.value_span))
                                .with_help(lang.pick(
                                    format!("choisissez des numéros entre 1 et {count}, par exemple \"1-2\" ou \"3-\""),
                                    format!("pick numbers between 1 and {count}, for example \"1-2\" or \"3-\""),
                                )));
                            }
                            BlockUse::Interview { from, to }
                        }
                        None => {
                            return Err(Diagnostic::error(
                                "shortcode-question-range",
                                lang.pick(
                                    format!("« {text} » n’est pas une suite de questions"),
                                    format!("`{text}` is not a range of questions"),
                                ),
                            )
                            .at(source, span_of(&arg.value_span))
                            .with_help(lang.pick(
                                "écrivez un numéro (\"2\"), une suite (\"2-3\") ou une suite ouverte (\"4-\")",
                                "write a number (\"2\"), a range (\"2-3\") or an open range (\"4-\")",
                            )));
                        }
                    }
                }
            }
        }
        "testimonials" => {
            let id = id_arg(
                "le groupe de témoignages",
                "testimony group",
                "testimonials",
                meta.testimonials.keys().collect(),
            )?;
            placed.testimonials.insert(id.clone());
            BlockUse::Testimonials(id)
        }
        "principles" => {
            let id = id_arg(
                "la liste de principes",
                "principle list",
                "principles",
                meta.principles.keys().collect(),
            )?;
            placed.principles.insert(id.clone());
            BlockUse::Principles(id)
        }
        "quote" => {
            let id = id_arg(
                "la citation",
                "quote",
                "quotes",
                meta.quotes.keys().collect(),
            )?;
            placed.quotes.insert(id.clone());
            BlockUse::Quote(id)
        }
        "aside" => {
            let title = sc.arg("title").map(|a| match &a.value {
                ArgValue::Str(s) => s.clone(),
                other => value_text(other),
            });
            placed.asides += 1;
            let prefix = nth_prefix("encadre-", placed.asides);
            let rendered = match &sc.body {
                Some(range) => markdown::render(
                    &body[range.clone()],
                    &OffsetMap::contiguous(body_start + range.start),
                    &MarkdownOptions {
                        id_prefix: &prefix,
                        ..copy_options(&cx.markdown)
                    },
                ),
                None => Rendered::default(),
            };
            BlockUse::Aside {
                title: title.map(|t: String| crate::typography::typeset(lang, &t)),
                body: rendered,
            }
        }
        other if cx.custom_shortcodes.contains(other) => {
            let args = sc
                .args
                .iter()
                .map(|a| {
                    let v = match &a.value {
                        ArgValue::Str(s) => serde_json::Value::String(s.clone()),
                        ArgValue::Int(i) => serde_json::Value::from(*i),
                        ArgValue::Float(f) => serde_json::Value::from(*f),
                        ArgValue::Bool(b) => serde_json::Value::Bool(*b),
                    };
                    (a.name.clone(), v)
                })
                .collect();
            let body_html = sc.body.as_ref().map(|range| {
                markdown::render(
                    &body[range.clone()],
                    &OffsetMap::contiguous(body_start + range.start),
                    &copy_options(&cx.markdown),
                )
            });
            BlockUse::Custom {
                name: other.to_string(),
                args,
                body: body_html,
            }
        }
        unknown => {
            let known: Vec<&str> = BUILT_IN_SHORTCODES
                .iter()
                .copied()
                .chain(cx.custom_shortcodes.iter().map(String::as_str))
                .collect();
            let help = match yaml::closest(unknown, known.iter().copied()) {
                Some(best) => lang.pick(
                    format!("vouliez-vous écrire « {best} » ?"),
                    format!("did you mean `{best}`?"),
                ),
                None => lang.pick(
                    format!("les shortcodes possibles sont : {}", known.join(", ")),
                    format!("the available shortcodes are: {}", known.join(", ")),
                ),
            };
            return Err(Diagnostic::error(
                "shortcode-unknown",
                lang.pick(
                    format!("shortcode inconnu « {unknown} »"),
                    format!("unknown shortcode `{unknown}`"),
                ),
            )
            .at(source, span_of(&sc.name_span))
            .with_help(help));
        }
    };
    // Arguments a built-in shortcode does not take are mistakes too.
    let allowed: &[&str] = match name {
        "interview" => &["questions"],
        "testimonials" | "principles" | "quote" => &["id"],
        "aside" => &["title"],
        _ => return Ok(block),
    };
    if let Some(arg) = sc.args.iter().find(|a| !allowed.contains(&a.name.as_str())) {
        let help = match yaml::closest(&arg.name, allowed.iter().copied()) {
            Some(best) => lang.pick(
                format!("vouliez-vous écrire « {best} » ?"),
                format!("did you mean `{best}`?"),
            ),
            None => lang.pick(
                format!("ce shortcode accepte : {}", allowed.join(", ")),
                format!("this shortcode takes: {}", allowed.join(", ")),
            ),
        };
        return Err(Diagnostic::error(
            "shortcode-unknown-argument",
            lang.pick(
                format!("argument inconnu « {} » pour {name}", arg.name),
                format!("unknown argument `{}` for {name}", arg.name),
            ),
        )
        .at(source, span_of(&arg.name_span))
        .with_help(help));
    }
    Ok(block)
}

fn join_ids(ids: &[&String]) -> String {
    ids.iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn value_text(value: &ArgValue) -> String {
    match value {
        ArgValue::Str(s) => s.clone(),
        ArgValue::Int(i) => i.to_string(),
        ArgValue::Float(f) => f.to_string(),
        ArgValue::Bool(b) => b.to_string(),
    }
}

/// `opts` with the id prefix `prefix`.
fn with_prefix<'a>(opts: &MarkdownOptions<'a>, prefix: &'a str) -> MarkdownOptions<'a> {
    MarkdownOptions {
        id_prefix: prefix,
        ..copy_options(opts)
    }
}

/// The id prefix of the `n`-th text (from 1) of a kind of block: `base`
/// for the first, `base` and `n` for the others (`temoignage-2-`), so the
/// headings and notes of two texts rendered apart never share an id.
fn nth_prefix(base: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}{n}-")
    }
}

fn copy_options<'a>(o: &MarkdownOptions<'a>) -> MarkdownOptions<'a> {
    MarkdownOptions {
        lang: o.lang,
        raw_html: o.raw_html,
        highlighter: o.highlighter,
        id_prefix: o.id_prefix,
        urls: o.urls,
    }
}

/// Renders the Markdown values of the front matter's blocks.
fn render_block_content(
    source: &SourceText,
    split: &Split,
    meta: &ArticleMeta,
    opts: &MarkdownOptions,
) -> BlockContent {
    let at = |path: &[&str]| OffsetMap::fixed(front_matter::locate(source, split, path).start);
    let mut content = BlockContent::default();
    if let Some(interview) = &meta.interview {
        let here = at(&["interview"]);
        let o = with_prefix(opts, "interview-");
        content.interview_intro = interview
            .intro
            .as_ref()
            .map(|t| markdown::render(t.as_str(), &here, &o));
        content.questions = interview
            .questions
            .iter()
            .enumerate()
            .map(|(k, q)| {
                let p = format!("interview-q{}-", k + 1);
                let o = with_prefix(opts, &p);
                QuestionContent {
                    question: markdown::render_inline(q.q.as_str(), &here, &o),
                    answer: markdown::render(q.a.as_str(), &here, &o),
                    by: q.by.clone(),
                }
            })
            .collect();
    }
    let mut n = 0;
    for (id, group) in &meta.testimonials {
        let here = at(&["testimonials"]);
        let items = group
            .items
            .iter()
            .map(|item| {
                n += 1;
                let p = nth_prefix("temoignage-", n);
                let o = with_prefix(opts, &p);
                markdown::render(item.text.as_str(), &here, &o)
            })
            .collect();
        content.testimonials.insert(id.clone(), items);
    }
    let mut n = 0;
    for (id, list) in &meta.principles {
        let here = at(&["principles"]);
        let items = list
            .items
            .iter()
            .map(|item| {
                n += 1;
                let p = nth_prefix("principe-", n);
                let o = with_prefix(opts, &p);
                match item {
                    RawPrinciple::Plain(text) => {
                        (None, markdown::render_inline(text.as_str(), &here, &o))
                    }
                    RawPrinciple::Titled(t) => (
                        Some(crate::typography::typeset(opts.lang, t.title.as_str())),
                        t.text
                            .as_ref()
                            .map(|x| markdown::render(x.as_str(), &here, &o))
                            .unwrap_or_default(),
                    ),
                }
            })
            .collect();
        content.principles.insert(id.clone(), items);
    }
    for (n, (id, quote)) in meta.quotes.iter().enumerate() {
        let here = at(&["quotes"]);
        let p = nth_prefix("citation-", n + 1);
        let o = with_prefix(opts, &p);
        content.quotes.insert(
            id.clone(),
            markdown::render_inline(quote.text.as_str(), &here, &o),
        );
    }
    content
}
