//! Keys written in a flow map (`accessibility: {status: conforme, rate: 80}`),
//! for the checks that place a value after parsing.
//!
//! `locate_key` follows a path through the indentation of block maps; a
//! writer who puts a whole block on one line gives it no indentation to
//! follow, and the message would otherwise fall back to the start of the
//! file. Scanning the braces, commas and quotes of one flow map is enough
//! here: the value was read by serde already, so the text is valid YAML.

use std::ops::Range;

/// Where `key` is written in the flow map that is the value of the key
/// ending at byte `key_end` (`key: {…}`), if it is.
pub(super) fn key_in_map(yaml: &str, key_end: usize, key: &str) -> Option<Range<usize>> {
    let rest = yaml.get(key_end..)?;
    let colon = rest.find(':')?;
    let after = &rest[colon + 1..];
    let lead = after.len() - after.trim_start().len();
    if !after[lead..].starts_with('{') {
        return None;
    }
    let open = key_end + colon + 1 + lead;
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut expect_key = false;
    for (i, c) in yaml[open..].char_indices() {
        let at = open + i;
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        if expect_key && depth == 1 && !c.is_whitespace() && !matches!(c, ',' | '}') {
            expect_key = false;
            let name = yaml[at..].trim_start_matches(['"', '\'']);
            let skipped = yaml.len() - at - name.len();
            let tail = name.get(key.len()..).unwrap_or("");
            let tail = tail.trim_start_matches(['"', '\'']).trim_start_matches(' ');
            if name.starts_with(key) && tail.starts_with(':') {
                return Some(at + skipped..at + skipped + key.len());
            }
        }
        match c {
            '"' | '\'' => quote = Some(c),
            '{' | '[' => {
                depth += 1;
                expect_key = depth == 1;
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return None;
                }
            }
            ',' if depth == 1 => expect_key = true,
            _ => {}
        }
    }
    None
}

/// The length of a value written in a flow map, from its first byte: up to
/// the `,` or `}` that ends it, outside quotes and nested braces.
pub(super) fn value_len(value: &str) -> usize {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, c) in value.char_indices() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => quote = Some(c),
            '{' | '[' => depth += 1,
            '}' | ']' if depth > 0 => depth -= 1,
            ',' | '}' | ']' | '\n' | '\r' if depth == 0 => return value[..i].trim_end().len(),
            _ => {}
        }
    }
    value.trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values_of_a_flow_map_are_found() {
        let yaml = "a: {s: \"x, }\", b: {c: 1}, 'r': 820}\n";
        let key = key_in_map(yaml, 1, "r").unwrap();
        assert_eq!(&yaml[key.clone()], "r");
        let b = key_in_map(yaml, 1, "b").unwrap();
        assert_eq!(&yaml[b.clone()], "b");
        assert_eq!(key_in_map(yaml, 1, "c"), None);
        let c = key_in_map(yaml, b.end, "c").unwrap();
        assert_eq!(&yaml[c], "c");
        let s = yaml.find("\"x").unwrap();
        assert_eq!(&yaml[s..s + value_len(&yaml[s..])], "\"x, }\"");
        let r = yaml.find("820").unwrap();
        assert_eq!(&yaml[r..r + value_len(&yaml[r..])], "820");
    }
}
