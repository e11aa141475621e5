//! Loading one article: read, front matter, shortcodes, Markdown. Pure and
//! per file, so it runs in parallel and watch mode can redo a single file.
//!
//! The body's shortcodes are checked against the front matter (an unknown
//! id, a question range out of bounds: `shortcodes::blocks` says what each
//! one shows) and replaced here by block markers before the Markdown is
//! parsed once; blocks the body does not place are appended in the
//! documented order (interview, testimonials, principles, quotes). Front-matter Markdown (answers, testimonies, principles, quotes)
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
use crate::content::shortcodes::blocks::{Placed, Placing, nth_prefix, with_prefix};
use crate::content::shortcodes::{self, Segment};
use crate::diagnostics::{Diagnostic, SourceText};

pub use crate::content::shortcodes::blocks::{BUILT_IN_SHORTCODES, BlockUse};

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
    /// A hash of that text (`digest`, 128 bits): what the build cache
    /// knows the article by once a build has freed the text.
    pub source_hash: u128,
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
    /// The words a reader reads: the body, its boxed notes and the front
    /// matter's blocks (interview, testimonies, principles, pull quotes
    /// found nowhere else), for the reading time. Counted here, as assembly
    /// may free the blocks' rendered texts before pages are rendered.
    pub words: usize,
}

/// The id of interview question `n`'s block on the page, as the default
/// theme writes it (`#entretien-q2`).
pub fn question_anchor(n: usize) -> String {
    format!("entretien-q{n}")
}

/// The id of a page's main content, which the theme's « Aller au contenu »
/// link targets on every page: a valid anchor, but no heading a writer
/// wrote, so never suggested to one.
pub const SKIP_LINK_TARGET: &str = "contenu";

impl LoadedArticle {
    /// Every id a link may point at on the article's page: `contenu` (the
    /// main content, [`SKIP_LINK_TARGET`]), the body's headings, the headings written inside its
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
        ids.insert(SKIP_LINK_TARGET.to_string());
        ids
    }
}

/// What loading needs from the site.
pub struct LoadContext<'a> {
    /// Markdown settings.
    pub markdown: MarkdownOptions<'a>,
    /// Shortcodes the theme or site adds.
    pub custom_shortcodes: &'a BTreeSet<String>,
    /// Where a build keeps the articles' rendered bodies (none but for
    /// `build`).
    pub bodies: Option<&'a dyn markdown::RenderCache>,
    /// Where a build keeps the headers it read (none but for `build`).
    pub front_matter: Option<&'a dyn front_matter::FrontMatterCache>,
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
    let meta = front_matter::parse_article_cached(&source, &split, lang, cx.front_matter)?;
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
    let placing = Placing {
        body: body_text,
        body_start: split.body.start,
        source: &source,
        meta: &meta,
        markdown: &cx.markdown,
        custom_shortcodes: cx.custom_shortcodes,
    };
    let MarkedBody {
        text,
        pieces,
        blocks,
        placed_questions,
    } = mark_blocks(&placing, segments, &mut errors);
    let body = markdown::render_through(&text, &OffsetMap::pieces(pieces), &cx.markdown, cx.bodies);
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
    let mut loaded = LoadedArticle {
        source_hash: text_hash(&source.text),
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
        words: 0,
    };
    loaded.words = reading_words(&loaded);
    Ok(loaded)
}

/// A hash of an article's text (`digest`, 128 bits), for
/// [`LoadedArticle::source_hash`].
pub fn text_hash(text: &str) -> u128 {
    crate::digest::of(text.as_bytes())
}

/// The words of everything a reader reads on the article's page but its
/// lead: body, boxed notes and custom blocks, interview, testimonies,
/// principles, and the pull quotes that do not repeat the article.
fn reading_words(loaded: &LoadedArticle) -> usize {
    let c = &loaded.content;
    let bodies = loaded.blocks.iter().filter_map(|b| match b {
        BlockUse::Aside { body, .. }
        | BlockUse::Custom {
            body: Some(body), ..
        } => Some(body.words),
        _ => None,
    });
    let quotes = c
        .quotes
        .iter()
        .filter(|(id, _)| !crate::content::echo::of_quote(loaded, id).repeats())
        .map(|(_, r)| r.words);
    let blocks = c
        .interview_intro
        .iter()
        .chain(c.questions.iter().flat_map(|q| [&q.question, &q.answer]))
        .chain(c.testimonials.values().flatten())
        .chain(c.principles.values().flatten().map(|(_, r)| r))
        .map(|r| r.words);
    loaded.body.words + bodies.sum::<usize>() + quotes.sum::<usize>() + blocks.sum::<usize>()
}

/// The body with a block marker where each block goes, ready for the one
/// Markdown pass.
struct MarkedBody {
    /// The Markdown text, markers included.
    text: String,
    /// Where each piece of `text` comes from in the file.
    pieces: Vec<(usize, usize)>,
    /// The blocks, by marker index.
    blocks: Vec<BlockUse>,
    /// Interview questions placed by the body, 1-based, with where.
    placed_questions: Vec<(usize, Range<usize>)>,
}

impl MarkedBody {
    /// Appends the marker of `block`, which comes from `at` in the file.
    fn push_block(&mut self, at: usize, block: BlockUse) {
        self.pieces.push((self.text.len(), at));
        self.text.push_str(&format!(
            "\n\n{MARK_BLOCK}{}{MARK_END}\n\n",
            self.blocks.len()
        ));
        self.blocks.push(block);
    }
}

/// Replaces the body's shortcodes by block markers (a shortcode in error
/// adds its diagnostic to `errors`), then appends the blocks the body does
/// not place, in the documented order.
fn mark_blocks(
    placing: &Placing,
    segments: Vec<Segment>,
    errors: &mut Vec<Diagnostic>,
) -> MarkedBody {
    let start = placing.body_start;
    let mut marked = MarkedBody {
        text: String::with_capacity(placing.body.len() + 64),
        pieces: Vec::new(),
        blocks: Vec::new(),
        placed_questions: Vec::new(),
    };
    let mut placed = Placed::default();
    for segment in segments {
        match segment {
            Segment::Markdown(range) => {
                marked.pieces.push((marked.text.len(), start + range.start));
                marked.text.push_str(&placing.body[range]);
            }
            Segment::Shortcode(sc) => {
                let at = start + sc.span.start;
                match placing.block(&sc, &mut placed) {
                    Ok(block) => {
                        if let BlockUse::Interview { from, to } = &block {
                            for q in *from..=*to {
                                marked.placed_questions.push((q, at..start + sc.span.end));
                            }
                        }
                        marked.push_block(at, block);
                    }
                    Err(d) => errors.push(d),
                }
            }
        }
    }
    // Blocks the body does not place come after it, in the documented order.
    let end = placing.source.text.len();
    for block in placed.unplaced(placing.meta) {
        marked.push_block(end, block);
    }
    marked
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
