//! The studio's page, script and stylesheet, and the shapes of its
//! answers.
//!
//! The browser side is plain HTML, CSS and JavaScript of the project's own
//! (`src/studio/web/`), with no framework, no editor component and no
//! build step: nothing to pin or fetch, and the files are embedded in the
//! binary as they are (`include_str!`), so the studio works offline on a
//! machine with no Node. The page's words are the studio's catalogs
//! (`web/i18n/fr.json`, `en.json`), chosen by the site's language and put
//! in the page with the session's token.

use serde::Serialize;

use crate::language::Language;
use crate::messages::t;
use crate::serve::server::Answer;

const PAGE: &str = include_str!("web/index.html");
const SCRIPT: &str = include_str!("web/studio.js");
const STYLE: &str = include_str!("web/studio.css");
const FRENCH: &str = include_str!("web/i18n/fr.json");
const ENGLISH: &str = include_str!("web/i18n/en.json");

/// The studio's words in `lang` (a JSON object: key → text).
pub fn catalog(lang: Language) -> &'static str {
    match lang {
        Language::Fr => FRENCH,
        Language::En => ENGLISH,
    }
}

/// Text for an HTML attribute or element.
fn escape(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).to_string()
}

/// The studio's page, with its token and its words.
pub fn page(token: &str, lang: Language) -> Answer {
    // The catalog is JSON inside a <script> element: `</` is written
    // `<\/`, so no text of it can close the element.
    let words = catalog(lang).replace("</", "<\\/");
    let noscript = serde_json::from_str::<serde_json::Value>(catalog(lang))
        .ok()
        .and_then(|c| c.get("noscript")?.as_str().map(escape))
        .unwrap_or_default();
    let html = PAGE
        .replace("{{lang}}", lang.code())
        .replace("{{noscript}}", &noscript)
        .replace("{{token}}", &escape(token))
        .replace("{{words}}", &words);
    Answer::new(200, "text/html; charset=utf-8", html.into_bytes())
}

/// One of the page's files, by name (a bare 404 in `lang` for another).
pub fn asset(name: &str, lang: Language) -> Answer {
    match name {
        "studio.js" => Answer::new(
            200,
            "text/javascript; charset=utf-8",
            SCRIPT.as_bytes().to_vec(),
        ),
        "studio.css" => Answer::new(200, "text/css; charset=utf-8", STYLE.as_bytes().to_vec()),
        _ => Answer::bare(404, lang),
    }
}

/// A JSON answer.
pub fn json(status: u16, value: &impl Serialize) -> Answer {
    let body = serde_json::to_vec(value).unwrap_or_else(|_| b"null".to_vec());
    Answer::new(status, "application/json", body)
}

/// Why the studio refuses a request.
#[derive(Debug, Clone, Copy)]
pub enum Refusal {
    /// Not a loopback `Host`.
    Host,
    /// No token, or another one.
    Token,
    /// The session is gone (the preview is stopping).
    Busy,
    /// No such call.
    Unknown,
}

/// A refusal, as JSON `{"error": "…"}` in the site's language.
pub fn refused(status: u16, lang: Language, why: Refusal) -> Answer {
    let message = match why {
        Refusal::Host => t!(lang, "studio-refused-host"),
        Refusal::Token => t!(lang, "studio-refused-token"),
        Refusal::Busy => t!(lang, "studio-busy"),
        Refusal::Unknown => t!(lang, "studio-unknown-call"),
    };
    json(status, &serde_json::json!({ "error": message }))
}

/// The « Modifier cet article » link put on an article's page in the
/// preview (never in a build): fixed at the bottom right of the page, on
/// top of it, for the article `source` (relative to the site).
pub fn edit_link(source: &str, lang: Language) -> String {
    let href = format!(
        "{}#edit={}",
        super::PREFIX,
        url::form_urlencoded::byte_serialize(source.as_bytes()).collect::<String>()
    );
    format!(
        "<a href=\"{}\" data-gazette-studio style=\"position:fixed;right:1rem;bottom:1rem;z-index:2147483647;\
background:#1d3a8a;color:#fff;font:600 1rem/1.4 system-ui,sans-serif;padding:.6rem 1rem;\
border-radius:.4rem;text-decoration:underline;box-shadow:0 2px 6px rgba(0,0,0,.35)\">{}</a>",
        escape(&href),
        escape(&t!(lang, "studio-edit-link"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(lang: Language) -> BTreeSet<String> {
        let words: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(catalog(lang)).expect("a JSON object");
        words.keys().cloned().collect()
    }

    #[test]
    fn both_catalogs_have_the_same_words() {
        let (fr, en) = (keys(Language::Fr), keys(Language::En));
        assert_eq!(
            fr.symmetric_difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new()
        );
    }

    #[test]
    fn every_field_of_the_form_has_a_label_in_both_languages() {
        let paths = super::super::model::label_paths(&super::super::model::article(), "");
        for lang in [Language::Fr, Language::En] {
            let words = keys(lang);
            let missing: Vec<&String> = paths
                .iter()
                .filter(|p| !words.contains(&format!("field.{p}")))
                .collect();
            assert!(missing.is_empty(), "{lang:?}: no label for {missing:?}");
        }
    }

    #[test]
    fn the_page_carries_the_token_and_no_text_can_close_its_script() {
        let answer = page("abc", Language::Fr);
        let html = String::from_utf8(answer.into_body()).expect("UTF-8");
        assert!(html.contains(r#"<meta name="gazette-token" content="abc">"#));
        assert!(html.contains(r#"<html lang="fr">"#));
        let script = html
            .split(r#"<script id="words" type="application/json">"#)
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .expect("the catalog's script");
        let words: serde_json::Value = serde_json::from_str(script).expect("JSON");
        assert_eq!(words["save"], "Enregistrer");
    }
}
