//! Blocks in place: each block marker of an article's body becomes the
//! output of its shortcode template (`shortcodes/<name>.html`), which a theme
//! or a site may override like any template.

use crate::content::article::BlockUse;
use crate::content::markdown::{MARK_BLOCK, MARK_END, find_marker};
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
    let html = &article.body_html;
    if find_marker(html, MARK_BLOCK).is_none() {
        return Ok(html.clone());
    }
    let mut out = String::with_capacity(html.len() * 2);
    let mut rest = html.as_str();
    while let Some(start) = find_marker(rest, MARK_BLOCK) {
        out.push_str(&rest[..start]);
        let after = &rest[start + MARK_BLOCK.len_utf8()..];
        let Some(end) = find_marker(after, MARK_END) else {
            rest = after;
            continue;
        };
        if let Some(block) = after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|i| article.loaded.blocks.get(i).map(|b| (i, b)))
        {
            out.push_str(&render_block(article, block.0, block.1, cx, theme, page)?);
        }
        rest = &after[end + MARK_END.len_utf8()..];
    }
    out.push_str(rest);
    Ok(out)
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

fn render_block(
    article: &Article,
    index: usize,
    block: &BlockUse,
    cx: &Contexts,
    theme: &Theme,
    page: &dyn Fn() -> PageCtx,
) -> Result<String, Diagnostic> {
    let meta = &article.loaded.meta;
    let blocks = &article.blocks;
    let mut context = cx.base(page());
    let template = match block {
        BlockUse::Interview { from, to } => {
            let Some(interview) = &meta.interview else {
                return Ok(String::new());
            };
            let with = interview.with.ids();
            let people: Vec<PersonCtx> = with
                .iter()
                .filter_map(|id| cx.site().registry.person_by_id(id, &meta.people))
                .map(|p| cx.person(article, &p))
                .collect();
            let questions: Vec<serde_json::Value> = (*from..=*to)
                .filter_map(|n| {
                    let raw = interview.questions.get(n - 1)?;
                    let (question, answer) = blocks.questions.get(n - 1)?;
                    let by = card(article, cx, raw.by.as_ref()).or_else(|| people.first().cloned());
                    Some(serde_json::json!({
                        "number": n,
                        "question_html": question,
                        "answer_html": answer,
                        "by": by,
                    }))
                })
                .collect();
            let intro = if *from == 1 {
                blocks.interview_intro.clone()
            } else {
                None
            };
            context.insert(
                "interview",
                &serde_json::json!({ "intro_html": intro, "people": people, "questions": questions }),
            );
            "shortcodes/interview.html".to_string()
        }
        BlockUse::Testimonials(id) => {
            let Some(group) = meta.testimonials.get(id) else {
                return Ok(String::new());
            };
            let texts = blocks.testimonials.get(id);
            let items: Vec<serde_json::Value> = group
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    serde_json::json!({
                        "text_html": texts.and_then(|t| t.get(i)).cloned().unwrap_or_default(),
                        "by": card(article, cx, item.by.as_ref()),
                    })
                })
                .collect();
            let title = group
                .title
                .as_ref()
                .map(|t| crate::typography::typeset(cx.site().config.language, t.as_str()));
            context.insert(
                "group",
                &serde_json::json!({ "id": id, "title": title, "items": items }),
            );
            "shortcodes/testimonials.html".to_string()
        }
        BlockUse::Principles(id) => {
            let Some(list) = meta.principles.get(id) else {
                return Ok(String::new());
            };
            let items: Vec<serde_json::Value> = blocks
                .principles
                .get(id)
                .map(|v| {
                    v.iter()
                        .map(|(title, text)| serde_json::json!({ "title": title, "text_html": text }))
                        .collect()
                })
                .unwrap_or_default();
            let title = list
                .title
                .as_ref()
                .map(|t| crate::typography::typeset(cx.site().config.language, t.as_str()));
            context.insert(
                "list",
                &serde_json::json!({ "id": id, "title": title, "ordered": list.ordered.unwrap_or(true), "items": items }),
            );
            "shortcodes/principles.html".to_string()
        }
        BlockUse::Quote(id) => {
            let Some(quote) = meta.quotes.get(id) else {
                return Ok(String::new());
            };
            context.insert(
                "quote",
                &serde_json::json!({
                    "id": id,
                    "text_html": blocks.quotes.get(id).cloned().unwrap_or_default(),
                    "by": card(article, cx, quote.by.as_ref()),
                }),
            );
            "shortcodes/quote.html".to_string()
        }
        BlockUse::Aside { title, .. } => {
            context.insert("title", title);
            context.insert(
                "body_html",
                &blocks.bodies.get(&index).cloned().unwrap_or_default(),
            );
            "shortcodes/aside.html".to_string()
        }
        BlockUse::Custom { name, args, .. } => {
            for (k, v) in args {
                context.insert(k.clone(), v);
            }
            context.insert("body_html", &blocks.bodies.get(&index).cloned());
            format!("shortcodes/{name}.html")
        }
    };
    theme
        .tera
        .render(&template, &context)
        .map_err(|e| theme.render_error(&e, cx.site().config.language))
}
