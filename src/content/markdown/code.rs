//! Code blocks: highlighted when syntect knows the language, escaped as
//! written otherwise, and never typeset (quotes and spaces in code are the
//! code's).
//!
//! The language is the first word of a fence's info string (` ```yaml `,
//! ` ```rust,ignore `, ` ```js {.x} `). One syntect does not know is kept
//! as `data-lang` and noted in `Rendered::unknown_languages`, at the
//! fence, for `check` to report: a typo there silently loses the colours.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event};

use super::escape::escape_attr;
use super::transform::{Events, State, find_end, inside};

/// A fenced code block whose language syntect does not know.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UnknownLanguage {
    /// The language as written.
    pub language: String,
    /// Byte range of the block's first line in the file.
    pub span: Range<usize>,
}

impl State<'_, '_> {
    /// The code block whose `Start` is at `i`, as one piece of HTML; the
    /// index past it.
    pub(super) fn code<'e>(
        &mut self,
        events: &Events<'e>,
        i: usize,
        kind: &CodeBlockKind,
        out: &mut Vec<Event<'e>>,
    ) -> usize {
        let end = find_end(events, i);
        let mut code = String::new();
        for (e, _) in inside(events, i, end) {
            if let Event::Text(t) = e {
                code.push_str(t);
            }
        }
        let language = match kind {
            CodeBlockKind::Fenced(info) => info
                .split([' ', ',', '{'])
                .next()
                .unwrap_or("")
                .trim()
                .to_string(),
            CodeBlockKind::Indented => String::new(),
        };
        out.push(Event::Html(CowStr::from(self.code_block(
            &code,
            &language,
            &events[i].1,
        ))));
        end
    }

    fn code_block(&mut self, code: &str, language: &str, range: &Range<usize>) -> String {
        if !language.is_empty() {
            if let Some(html) = self.opts.highlighter.highlight(code, language) {
                return format!(
                    "<pre class=\"code\" data-lang=\"{}\"><code>{html}</code></pre>\n",
                    escape_attr(language)
                );
            }
            let start = self.offsets.map(range.start);
            self.out.unknown_languages.push(UnknownLanguage {
                language: language.to_string(),
                span: start..start + 3,
            });
        }
        let escaped = escape_attr(code);
        if language.is_empty() {
            format!("<pre class=\"code\"><code>{escaped}</code></pre>\n")
        } else {
            format!(
                "<pre class=\"code\" data-lang=\"{}\"><code>{escaped}</code></pre>\n",
                escape_attr(language)
            )
        }
    }
}
