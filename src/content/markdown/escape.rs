//! Text made safe for an HTML attribute value.
//!
//! Addresses, titles and languages the writer typed go into attributes the
//! renderer writes itself (pulldown-cmark escapes only what it writes); the
//! same escaping serves the link addresses that replace markers and the
//! pages render and serve write by hand, so it lives in one place.

/// Escapes text for an attribute value.
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}
