//! How deeply a YAML text nests its collections, found before serde_yaml
//! reads it.
//!
//! libyaml, under serde_yaml, scans the whole text before serde sees a
//! value, and its scanner does work proportional to the number of open
//! `[` and `{` for every token: a front matter of 100,000 nested `[` takes
//! minutes. serde_yaml's own depth limit only applies afterwards. So a text
//! that could nest deeper than [`LIMIT`] (it has more `[` and `{` than that,
//! counted in one pass of memchr) is first read by saphyr-parser, event by
//! event, and stopped at the first collection past the limit; its scanner
//! also refuses more than 255 open flow collections on its own, in linear
//! time. Every ordinary front matter skips that second reading.
//!
//! Nesting in block style (`- - - …`, indented keys) does not slow libyaml
//! down; serde_yaml stops it at the same limit ("recursion limit
//! exceeded"), which the parent module words like this one.

use saphyr_parser::{Event, Parser, ScanError};

/// Collections deeper than this are refused: serde_yaml's own limit.
pub const LIMIT: usize = 128;

/// The byte offset in `yaml` of the first collection that opens deeper than
/// [`LIMIT`], if any.
pub fn too_deep(yaml: &str) -> Option<usize> {
    let openers = memchr::memchr2_iter(b'[', b'{', yaml.as_bytes()).count();
    if openers <= LIMIT {
        return None;
    }
    match first_too_deep(yaml) {
        Ok(found) => found,
        // saphyr's scanner stops past 255 open brackets, before the
        // events of the ones inside the limit are out: they are, for the
        // text up to there.
        Err(e) if e.info() == "recursion limit exceeded" => {
            let at = byte_offset(yaml, e.marker().index());
            first_too_deep(&yaml[..at]).ok().flatten().or(Some(at))
        }
        // Any other mistake is serde_yaml's to report; libyaml stops there.
        Err(_) => None,
    }
}

/// The offset of the first collection past the limit, reading the events of
/// `yaml` until then; the scanner's error if it stops first.
fn first_too_deep(yaml: &str) -> Result<Option<usize>, ScanError> {
    let mut depth = 0usize;
    for event in Parser::new_from_str(yaml) {
        let (event, span) = match event {
            Ok(found) => found,
            Err(e) if e.info() == "recursion limit exceeded" => return Err(e),
            // The events up to a mistake are all there is to count.
            Err(_) => return Ok(None),
        };
        match event {
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                depth += 1;
                if depth > LIMIT {
                    return Ok(Some(byte_offset(yaml, span.start.index())));
                }
            }
            Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(None)
}

/// saphyr counts positions in characters: the byte offset of the
/// `chars`-th character.
fn byte_offset(yaml: &str, chars: usize) -> usize {
    yaml.char_indices()
        .nth(chars)
        .map(|(i, _)| i)
        .unwrap_or(yaml.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(open: &str, close: &str, n: usize) -> String {
        format!(
            "title: été\nextra: {}x{}\n",
            open.repeat(n),
            close.repeat(n)
        )
    }

    #[test]
    fn the_first_collection_past_the_limit_is_found() {
        // The document's own map is the first level.
        let start = "title: été\nextra: ".len();
        let inner = LIMIT - 1;
        assert_eq!(too_deep(&nested("[", "]", inner)), None);
        // Up to the limit, serde_yaml stops the text itself (no slower).
        assert_eq!(too_deep(&nested("[", "]", LIMIT)), None);
        assert_eq!(too_deep(&nested("[", "]", LIMIT + 1)), Some(start + inner));
        assert_eq!(too_deep(&nested("[", "]", 100_000)), Some(start + inner));
        assert_eq!(
            too_deep(&nested("{a: ", "}", 100_000)),
            Some(start + 4 * inner)
        );
        assert_eq!(
            too_deep(&nested("[\n ", "]", 100_000)),
            Some(start + 3 * inner)
        );
    }

    #[test]
    fn many_brackets_side_by_side_are_not_nesting() {
        let yaml = "tags: [a]\n".repeat(2 * LIMIT);
        assert_eq!(too_deep(&yaml), None);
        let text = format!("summary: \"{}\"\n", "[".repeat(3 * LIMIT));
        assert_eq!(too_deep(&text), None);
    }
}
