//! The error overlay: a failed rebuild's diagnostics shown over the last
//! good page, in the site's language.
//!
//! The writer may have no terminal open, so the errors go where they look:
//! the page. It is the same text the terminal shows (`Diagnostics::render`,
//! file, line, caret, hint), HTML-escaped, in a `role="alertdialog"` box
//! that takes the focus and can be closed, with its own inline style so no
//! theme can hide or restyle it. The page under it stays the last good one;
//! when the site builds again the tab reloads without it. When no page
//! exists yet (the first build failed), `error_page` is served for every
//! address instead.

use crate::language::Language;
use crate::messages::t;

/// Escapes text for HTML content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    crate::content::markdown::escape_attr(text)
}

/// The overlay's title, explanation and close button.
fn texts(lang: Language) -> (String, String, String) {
    (
        t!(lang, "serve-overlay-title"),
        t!(lang, "serve-overlay-explain"),
        t!(lang, "serve-overlay-close"),
    )
}

/// The overlay element, with its style and the script that focuses it.
pub fn overlay(report: &str, lang: Language) -> String {
    let (title, explain, close) = texts(lang);
    format!(
        r#"<div id="gazette-overlay" role="alertdialog" aria-modal="true" aria-labelledby="gazette-overlay-title" aria-describedby="gazette-overlay-explain" tabindex="-1" lang="{code}" style="all:initial;position:fixed;inset:0;z-index:2147483647;display:block;overflow:auto;background:rgba(20,20,20,.92);color:#fff;font:16px/1.5 system-ui,sans-serif;padding:2rem;box-sizing:border-box">
<div style="max-width:60rem;margin:0 auto">
<h2 id="gazette-overlay-title" style="all:revert;color:#ffb4ab;font:700 1.5rem/1.3 system-ui,sans-serif;margin:0 0 .5rem">{title}</h2>
<p id="gazette-overlay-explain" style="all:revert;margin:0 0 1rem;color:#fff">{explain}</p>
<pre style="all:revert;white-space:pre-wrap;background:#000;color:#f5f5f5;padding:1rem;border-radius:4px;font:14px/1.45 ui-monospace,monospace;overflow:auto">{report}</pre>
<button type="button" style="all:revert;font:inherit;padding:.4rem 1rem;cursor:pointer" onclick="document.getElementById('gazette-overlay').remove()">{close}</button>
</div>
</div>
<script>document.getElementById("gazette-overlay").focus();</script>
"#,
        code = lang.code(),
        title = escape(&title),
        explain = escape(&explain),
        close = escape(&close),
        report = escape(report),
    )
}

/// A whole page for an address the failed site has no page for.
pub fn error_page(report: &str, lang: Language, script: &str) -> String {
    let (title, _, _) = texts(lang);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n<body>\n{}{}</body>\n</html>\n",
        lang.code(),
        escape(&title),
        overlay(report, lang),
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
        assert!(html.contains("La compilation du site a échoué"));
        assert!(!html.contains("<script>alert"));
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
