//! Word counts, for reading times: as `split_whitespace().count()` counts
//! them, but fast.
//!
//! Every text event of every article is counted, so this is on the build's
//! hot path; the count reads bytes without a branch per byte and decodes
//! only the characters that may be Unicode white space. The randomised test
//! holds it to `split_whitespace`.

/// The number of words of `text`, as `split_whitespace().count()` counts
/// them, but reading bytes without a branch per byte: a word starts at a
/// byte that is not white space after one that is. Continuation bytes always
/// follow a character that is not white space (a white space character is
/// stepped over whole), so they never start a word. Only characters whose
/// lead byte may start a Unicode space (U+0085, U+00A0, U+1680,
/// U+2000…U+3000) are decoded.
pub(super) fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    // Most runs hold no lead byte of a possible Unicode space: then a word
    // starts at a byte that is not ASCII white space after one that is, a
    // count of independent pairs, which the compiler vectorises.
    let may_decode = bytes.iter().fold(false, |acc, &b| {
        acc | matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)
    });
    if !may_decode {
        let ascii_space = |b: u8| b == b' ' || b.wrapping_sub(b'\t') < 5;
        let first = bytes.first().map_or(0, |&b| usize::from(!ascii_space(b)));
        return first
            + bytes
                .iter()
                .zip(bytes.iter().skip(1))
                .map(|(&a, &b)| usize::from(ascii_space(a) & !ascii_space(b)))
                .sum::<usize>();
    }
    let mut words = 0;
    let mut prev_space = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match WORD_BYTE[usize::from(b)] {
            WordByte::Decode => {
                let c = text.get(i..).and_then(|s| s.chars().next()).unwrap_or('x');
                let space = c.is_whitespace();
                words += usize::from(prev_space && !space);
                prev_space = space;
                i += c.len_utf8();
            }
            class => {
                let space = class == WordByte::Space;
                words += usize::from(prev_space & !space);
                prev_space = space;
                i += 1;
            }
        }
    }
    words
}

/// What a byte tells [`count_words`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordByte {
    /// ASCII white space.
    Space,
    /// Any other ASCII character, lead or continuation byte.
    Other,
    /// The lead byte of a character that may be white space.
    Decode,
}

/// [`WordByte`] of every byte.
static WORD_BYTE: [WordByte; 256] = {
    let mut table = [WordByte::Other; 256];
    let mut b = 0;
    while b < table.len() {
        table[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => WordByte::Space,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => WordByte::Decode,
            _ => WordByte::Other,
        };
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        let spaces = [
            " ", "\t", "\n", "\r\n", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{1680}", "\u{2003}",
            "\u{2028}", "\u{202f}", "\u{205f}", "\u{3000}",
        ];
        let words = [
            "mot", "élan", "€", "x", "ǅ", "日本", "🙂", "\u{2010}", "\u{200b}",
        ];
        let mut seed = 7u32;
        let mut pick = |n: usize| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) as usize % n
        };
        for _ in 0..2_000 {
            let mut text = String::new();
            for _ in 0..pick(8) {
                if pick(2) == 0 {
                    text.push_str(spaces[pick(spaces.len())]);
                } else {
                    text.push_str(words[pick(words.len())]);
                }
            }
            assert_eq!(
                count_words(&text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
    }
}
