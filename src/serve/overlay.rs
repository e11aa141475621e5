//! The error overlay: a failed rebuild's diagnostics shown in the page, in
//! the site's language, in words for a writer.
//!
//! The writer may have no terminal open, so the errors go where they look:
//! the page. It is the same text the terminal shows (`Diagnostics::render`,
//! file, line, caret, hint), HTML-escaped, under a title that says what the
//! writer sees (the page could not be updated) and a sentence that says
//! what to do (fix the file named, save, the page follows by itself).
//!
//! Shape, for a reader and for assistive technology:
//! - a `<dialog>` with `role="alertdialog"`, named by its title and
//!   described by its explanation; its script opens it as a modal
//!   (`showModal`: in the top layer, above any theme's `z-index`, the page
//!   under it inert) and gives it the focus, so a screen reader reads the
//!   title and the explanation first; Tab reaches the report and the close
//!   button, Escape or the button closes it (the page is then the last good
//!   one). Without scripts it still shows, fixed over the page;
//! - an opaque backdrop: the dialog covers the whole viewport with a solid
//!   colour, so the page under it does not show through and compete with
//!   the report (forced-colours mode keeps a colour's opacity, and replaces
//!   it with the system's opaque background); boxes have borders, which
//!   forced colours keep; sizes are in `rem` and the report wraps, so it
//!   reads at 200 % zoom without scrolling sideways;
//! - its own inline style (`all: initial`, then `all: revert` on its
//!   parts), so no theme can hide or restyle it.
//!
//! The page under it stays the last good one; when the site builds again
//! the tab reloads without it. When no page exists yet (the first build
//! failed), `error_page` is served for every address instead, and its
//! explanation says that the site shows once the mistake is fixed.

use crate::language::Language;
use crate::messages::t;

/// Escapes text for HTML content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    crate::content::markdown::escape_attr(text)
}

/// The dialog's style: the whole viewport, an opaque background.
const DIALOG_STYLE: &str = "all:initial;position:fixed;inset:0;z-index:2147483647;display:block;box-sizing:border-box;width:100%;height:100%;max-width:none;max-height:none;margin:0;overflow:auto;background:#1b1b1b;color:#fff;border:0;font:1rem/1.5 system-ui,sans-serif;padding:2rem 1rem";

/// Opens the dialog as a modal, focuses it, removes it once closed.
const SCRIPT: &str = r#"<script>(function(){var d=document.getElementById("gazette-overlay");if(!d)return;d.addEventListener("close",function(){d.remove()});if(d.showModal&&!d.open){try{d.showModal()}catch(e){}}d.focus();})();</script>"#;

/// The overlay over the last good page.
pub fn overlay(report: &str, lang: Language) -> String {
    dialog(report, lang, &t!(lang, "serve-overlay-explain"))
}

/// The dialog, with `explain` under its title.
fn dialog(report: &str, lang: Language, explain: &str) -> String {
    let title = t!(lang, "serve-overlay-title");
    let close = t!(lang, "serve-overlay-close");
    format!(
        r#"<dialog id="gazette-overlay" role="alertdialog" aria-modal="true" aria-labelledby="gazette-overlay-title" aria-describedby="gazette-overlay-explain" tabindex="-1" lang="{code}" style="{DIALOG_STYLE}">
<div style="all:revert;max-width:60rem;margin:0 auto">
<h2 id="gazette-overlay-title" style="all:revert;color:#ffb4ab;font:700 1.5rem/1.3 system-ui,sans-serif;margin:0 0 .75rem">{title}</h2>
<p id="gazette-overlay-explain" style="all:revert;margin:0 0 1rem;max-width:45rem">{explain}</p>
<pre tabindex="0" style="all:revert;white-space:pre-wrap;overflow-wrap:anywhere;background:#000;color:#f5f5f5;border:1px solid #777;padding:1rem;margin:0 0 1rem;font:.875rem/1.45 ui-monospace,monospace;overflow:auto">{report}</pre>
<button type="button" style="all:revert;font:inherit;padding:.4rem 1rem;cursor:pointer" onclick="document.getElementById('gazette-overlay').remove()">{close}</button>
</div>
</dialog>
{SCRIPT}
"#,
        code = lang.code(),
        title = escape(&title),
        explain = escape(explain),
        close = escape(&close),
        report = escape(report),
    )
}

/// A whole page for an address the failed site has no page for.
pub fn error_page(report: &str, lang: Language, script: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n</head>\n<body>\n{}{}</body>\n</html>\n",
        lang.code(),
        escape(&t!(lang, "serve-overlay-title")),
        dialog(report, lang, &t!(lang, "serve-overlay-explain-no-page")),
        script
    )
}

/// `extra` inserted before the page's last `</body>`, or at its end.
pub fn inject(html: &[u8], extra: &str) -> Vec<u8> {
    let at = find_last_ci(html, b"</body");
    let mut out = Vec::with_capacity(html.len() + extra.len());
    match at {
        Some(i) => {
            out.extend_from_slice(&html[..i]);
            out.extend_from_slice(extra.as_bytes());
            out.extend_from_slice(&html[i..]);
        }
        None => {
            out.extend_from_slice(html);
            out.extend_from_slice(extra.as_bytes());
        }
    }
    out
}

fn find_last_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if hay.len() < needle.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_report_and_speaks_french() {
        let html = overlay("error: <script>alert(1)</script> & co", Language::Fr);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
        assert!(html.contains("role=\"alertdialog\""));
        assert!(html.contains(">La page n’a pas pu être mise à jour</h2>"));
        assert!(html.contains("En fermant ce message"));
        assert!(!html.contains("<script>alert"));
    }

    #[test]
    fn speaks_english_and_says_when_there_is_no_page_behind() {
        let html = overlay("error: x", Language::En);
        assert!(html.contains(">The page could not be updated</h2>"));
        assert!(html.contains("lang=\"en\""));
        let page = error_page("error: x", Language::Fr, "");
        assert!(page.contains("<title>La page n’a pas pu être mise à jour</title>"));
        assert!(page.contains("dès que l’erreur sera corrigée"));
        assert!(!page.contains("En fermant ce message"));
    }

    #[test]
    fn the_backdrop_is_opaque() {
        let html = overlay("", Language::Fr);
        let style = html
            .split("style=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the dialog's style");
        assert!(style.contains("inset:0"), "{style}");
        assert!(style.contains("background:#1b1b1b;"), "{style}");
        assert!(!style.contains("rgba"), "{style}");
    }

    #[test]
    fn injects_before_the_last_body_end() {
        assert_eq!(
            inject(b"<p>a</p></BODY></html>", "X"),
            b"<p>a</p>X</BODY></html>"
        );
        assert_eq!(inject(b"<p>a</p>", "X"), b"<p>a</p>X");
    }
}
