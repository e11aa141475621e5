//! Blocks in place: each block marker of an article's body becomes the
//! output of its shortcode template (`shortcodes/<name>.html`), which a theme
//! or a site may override like any template.
//!
//! What each built-in template sees is a typed value whose fields are the
//! keys `docs/theming.md` lists for it ("Shortcode templates"), in the
//! order the `json!` maps they replace serialized them (sorted by name).
//! A block whose part of the front matter is missing (an interview range
//! without an interview, say) renders as nothing. Every block template also
//! gets `heading_level`, the level its title takes where the body places it
//! (`outline`), and `block_number`, its place among the article's blocks
//! (from 1), for ids of its own.

use serde::Serialize;

use crate::content::article::BlockUse;
use crate::diagnostics::Diagnostic;
use crate::render::context::{Contexts, PageCtx, PersonCtx};
use crate::render::theme::Theme;
use crate::site::Article;

/// The article's body with every block rendered in place.
pub fn fill(
    article: &Article,
    cx: &Contexts,
    theme: &Theme,
    page: &dyn Fn() -> PageCtx,
) -> Result<String, Diagnostic> {
    article
        .body_html
        .fill(|index| match article.loaded.blocks.get(index) {
            Some(block) => render_block(article, index, block, cx, theme, page),
            None => Ok(String::new()),
        })
}

fn card(
    article: &Article,
    cx: &Contexts,
    by: Option<&crate::content::front_matter::PersonRef>,
) -> Option<PersonCtx> {
    let by = by?;
    let person = cx.site().registry.person(by, &article.loaded.meta.people)?;
    Some(cx.person(article, &person))
}

/// `interview` in `shortcodes/interview.html`: `{intro_html, people,
/// questions}` (fields sorted by name, as the former `json!` map serialized
/// them).
#[derive(Serialize)]
struct InterviewCtx<'a> {
    /// None unless the range starts at question 1.
    intro_html: Option<&'a str>,
    people: Vec<PersonCtx>,
    /// The placed range.
    questions: Vec<QuestionCtx<'a>>,
}

/// One of `interview.questions`: `{number, question_html, answer_html, by}`.
#[derive(Serialize)]
struct QuestionCtx<'a> {
    answer_html: &'a str,
    /// The question's `by`, else the interview's first person.
    by: Option<PersonCtx>,
    number: usize,
    question_html: &'a str,
}

/// `group` in `shortcodes/testimonials.html`: `{id, title, items}`.
#[derive(Serialize)]
struct GroupCtx<'a> {
    id: &'a str,
    items: Vec<TestimonyCtx<'a>>,
    /// Typeset.
    title: Option<String>,
}

/// One of `group.items`: `{text_html, by}`.
#[derive(Serialize)]
struct TestimonyCtx<'a> {
    by: Option<PersonCtx>,
    text_html: &'a str,
}

/// `list` in `shortcodes/principles.html`: `{id, title, ordered, items}`.
#[derive(Serialize)]
struct PrinciplesCtx<'a> {
    id: &'a str,
    items: Vec<PrincipleCtx<'a>>,
    ordered: bool,
    /// Typeset.
    title: Option<String>,
}

/// One of `list.items`: `{title, text_html}` (`title` none for a plain
/// item).
#[derive(Serialize)]
struct PrincipleCtx<'a> {
    text_html: &'a str,
    title: &'a Option<String>,
}

/// `quote` in `shortcodes/quote.html`: `{id, text_html, by, repeats}`.
#[derive(Serialize)]
struct QuoteCtx<'a> {
    by: Option<PersonCtx>,
    id: &'a str,
    /// Whether its text is in the article too (`content::echo`): then it is
    /// for the eye only; otherwise it is read and printed as a quotation.
    repeats: bool,
    text_html: &'a str,
}

/// Block `index` of the article, `block`, through its shortcode template;
/// empty when the front matter lacks what it shows.
fn render_block(
    article: &Article,
    index: usize,
    block: &BlockUse,
    cx: &Contexts,
    theme: &Theme,
    page: &dyn Fn() -> PageCtx,
) -> Result<String, Diagnostic> {
    let blocks = &article.blocks;
    let mut context = cx.base(page());
    let level = super::outline::block_title_level(article.body_html.as_str(), index);
    context.insert("heading_level", &level);
    context.insert("block_number", &(index + 1));
    let template = match block {
        BlockUse::Interview { from, to } => interview(article, cx, *from, *to, &mut context),
        BlockUse::Testimonials(id) => testimonials(article, cx, id, &mut context),
        BlockUse::Principles(id) => principles(article, cx, id, &mut context),
        BlockUse::Quote(id) => quote(article, cx, id, &mut context),
        BlockUse::Aside { title, .. } => {
            context.insert("title", title);
            context.insert(
                "body_html",
                &blocks.bodies.get(&index).cloned().unwrap_or_default(),
            );
            Some("shortcodes/aside.html".to_string())
        }
        BlockUse::Custom { name, args, .. } => {
            for (k, v) in args {
                context.insert(k.clone(), v);
            }
            context.insert("body_html", &blocks.bodies.get(&index).cloned());
            Some(format!("shortcodes/{name}.html"))
        }
    };
    let Some(template) = template else {
        return Ok(String::new());
    };
    theme
        .tera
        .render(&template, &context)
        .map_err(|e| theme.render_error(&e, cx.site().config.language))
}

/// `interview` for questions `from..=to`; none without an interview.
fn interview(
    article: &Article,
    cx: &Contexts,
    from: usize,
    to: usize,
    context: &mut tera::Context,
) -> Option<String> {
    let meta = &article.loaded.meta;
    let blocks = &article.blocks;
    let interview = meta.interview.as_ref()?;
    let with = interview.with.ids();
    let people: Vec<PersonCtx> = with
        .iter()
        .filter_map(|id| cx.site().registry.person_by_id(id, &meta.people))
        .map(|p| cx.person(article, &p))
        .collect();
    let questions = (from..=to)
        .filter_map(|n| {
            let raw = interview.questions.get(n - 1)?;
            let (question, answer) = blocks.questions.get(n - 1)?;
            let by = card(article, cx, raw.by.as_ref()).or_else(|| people.first().cloned());
            Some(QuestionCtx {
                answer_html: answer,
                by,
                number: n,
                question_html: question,
            })
        })
        .collect();
    let intro_html = if from == 1 {
        blocks.interview_intro.as_deref()
    } else {
        None
    };
    context.insert(
        "interview",
        &InterviewCtx {
            intro_html,
            people,
            questions,
        },
    );
    Some("shortcodes/interview.html".to_string())
}

/// `group` for testimony group `id`; none when the front matter lacks it.
fn testimonials(
    article: &Article,
    cx: &Contexts,
    id: &str,
    context: &mut tera::Context,
) -> Option<String> {
    let group = article.loaded.meta.testimonials.get(id)?;
    let texts = article.blocks.testimonials.get(id);
    let items = group
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| TestimonyCtx {
            by: card(article, cx, item.by.as_ref()),
            text_html: texts.and_then(|t| t.get(i)).map_or("", String::as_str),
        })
        .collect();
    let title = group
        .title
        .as_ref()
        .map(|t| crate::typography::typeset(cx.site().config.language, t.as_str()));
    context.insert("group", &GroupCtx { id, items, title });
    Some("shortcodes/testimonials.html".to_string())
}

/// `list` for principle list `id`; none when the front matter lacks it.
fn principles(
    article: &Article,
    cx: &Contexts,
    id: &str,
    context: &mut tera::Context,
) -> Option<String> {
    let list = article.loaded.meta.principles.get(id)?;
    let items = article
        .blocks
        .principles
        .get(id)
        .map(|v| {
            v.iter()
                .map(|(title, text)| PrincipleCtx {
                    text_html: text,
                    title,
                })
                .collect()
        })
        .unwrap_or_default();
    let title = list
        .title
        .as_ref()
        .map(|t| crate::typography::typeset(cx.site().config.language, t.as_str()));
    let value = PrinciplesCtx {
        id,
        items,
        ordered: list.ordered.unwrap_or(true),
        title,
    };
    context.insert("list", &value);
    Some("shortcodes/principles.html".to_string())
}

/// `quote` for pull quote `id`; none when the front matter lacks it.
fn quote(
    article: &Article,
    cx: &Contexts,
    id: &str,
    context: &mut tera::Context,
) -> Option<String> {
    let quote = article.loaded.meta.quotes.get(id)?;
    let value = QuoteCtx {
        by: card(article, cx, quote.by.as_ref()),
        id,
        repeats: article.blocks.repeating_quotes.contains(id),
        text_html: article.blocks.quotes.get(id).map_or("", String::as_str),
    };
    context.insert("quote", &value);
    Some("shortcodes/quote.html".to_string())
}
