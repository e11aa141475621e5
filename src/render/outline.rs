//! The heading level of a block's title, from where the body places it.
//!
//! A block's title (a boxed note's, « Entretien avec », a titled list of
//! testimonies or principles) is a real heading, one level under the last
//! heading of the body before the block: a note placed under a `###` gets
//! an `h4`, one placed before any heading an `h2`. So the page's outline
//! never skips a level and a block never closes the section it sits in.
//! The body is read as it is before its blocks are filled: headings inside
//! other blocks do not count.

use crate::content::markdown::{MARK_BLOCK, MARK_END};

/// The level of a title for block `index` of `body` (HTML with its block
/// markers): one under the last heading before it, 2 at least, 6 at most.
pub fn block_title_level(body: &str, index: usize) -> usize {
    let marker = format!("{MARK_BLOCK}{index}{MARK_END}");
    let before = body.find(&marker).map_or(body, |at| &body[..at]);
    last_heading(before).map_or(2, |level| (level + 1).clamp(2, 6))
}

/// The level of the last `<hN` tag of `html`.
fn last_heading(html: &str) -> Option<usize> {
    html.rmatch_indices("<h").find_map(|(at, _)| {
        let next = html[at + 2..].chars().take(2).collect::<Vec<_>>();
        match next.as_slice() {
            [d, c] if ('1'..='6').contains(d) && (*c == '>' || c.is_whitespace()) => {
                d.to_digit(10).map(|d| d as usize)
            }
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(i: usize) -> String {
        format!("{MARK_BLOCK}{i}{MARK_END}")
    }

    #[test]
    fn a_block_title_is_one_level_under_the_heading_before_it() {
        let body = format!(
            "<p>a</p>{}<h2 id=\"x\">X</h2><header>{}<h3>Y</h3>{}<h6>Z</h6>{}",
            marker(0),
            marker(1),
            marker(2),
            marker(3)
        );
        assert_eq!(block_title_level(&body, 0), 2);
        assert_eq!(block_title_level(&body, 1), 3);
        assert_eq!(block_title_level(&body, 2), 4);
        assert_eq!(block_title_level(&body, 3), 6);
        // `<header>` and `<hr>` are no headings.
        assert_eq!(block_title_level("<h3>a</h3><hr>", 9), 4);
    }
}
