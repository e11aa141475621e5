//! A cover's focal point (`image: {focus: "50% 30%"}`): the point a card
//! keeps in view when it crops the picture to its own shape.
//!
//! It ends in a `style` attribute (`object-position`), so it is read here,
//! strictly, into two numbers and written back by Gazette: nothing the
//! writer typed reaches the page as is. Two percentages from 0 to 100 (the
//! part across, then the part down, as CSS orders them); anything else is
//! `image-bad-focus` at the value, rather than a card that silently
//! centres the picture.

use std::fmt;

/// A focal point, in percent of the picture's width and height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Focus {
    /// From the left edge, 0 to 100.
    pub x: f32,
    /// From the top edge, 0 to 100.
    pub y: f32,
}

impl Focus {
    /// The focus `written` means, or `None` when it is not two
    /// percentages from 0 to 100 separated by spaces.
    pub fn parse(written: &str) -> Option<Focus> {
        let mut parts = written.split_whitespace().map(percentage);
        let (x, y) = (parts.next()??, parts.next()??);
        parts.next().is_none().then_some(Focus { x, y })
    }
}

/// `42%` or `12.5%` as a number from 0 to 100.
fn percentage(part: &str) -> Option<f32> {
    let number = part.strip_suffix('%')?;
    // Digits and one dot only: no sign, exponent, `inf` or `NaN`.
    let digits = number.chars().all(|c| c.is_ascii_digit() || c == '.');
    if !digits || number.is_empty() || number.matches('.').count() > 1 {
        return None;
    }
    let value: f32 = number.parse().ok()?;
    (0.0..=100.0).contains(&value).then_some(value)
}

/// The CSS value, `50% 30%` (`object-position`).
impl fmt::Display for Focus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}% {}%", self.x, self.y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_percentages_are_a_focus() {
        let focus = Focus::parse(" 50%   30% ").expect("focus");
        assert_eq!(focus, Focus { x: 50.0, y: 30.0 });
        assert_eq!(focus.to_string(), "50% 30%");
        assert_eq!(
            Focus::parse("12.5% 100%").map(|f| f.to_string()).as_deref(),
            Some("12.5% 100%")
        );
        assert_eq!(Focus::parse("0% 0%").map(|f| f.x), Some(0.0));
    }

    #[test]
    fn anything_else_is_no_focus() {
        for bad in [
            "",
            "50%",
            "50% 30% 10%",
            "50 30",
            "150% 30%",
            "-5% 30%",
            "50%30%",
            "left top",
            "1e2% 0%",
            "NaN% 0%",
            "5.% 0%x",
            "50%; color: red",
            "1..2% 0%",
            ".% 0%",
        ] {
            assert_eq!(Focus::parse(bad), None, "{bad:?}");
        }
    }
}
