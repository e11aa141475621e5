//! French and English typography on runs of plain text.
//!
//! This module owns the micro-typography Gazette applies to what writers
//! type: curly apostrophes, quotation marks chosen by context, ellipses, and
//! in French the no-break spaces before high punctuation, inside guillemets,
//! between digit groups and between a number and its unit.
//!
//! It works on *text only*. The caller hands over plain, unescaped runs of
//! text (Markdown text events, titles, summaries) and escapes the result
//! afterwards; code, URLs and attributes never come through here. A paragraph
//! usually arrives as several runs (`Il a dit "`, then an emphasised
//! `bonjour`, then `" !`), so the work is done by a small state machine,
//! [`Typographer`], that carries the quote nesting and the previous character
//! from one run to the next until the caller says the block ends. [`typeset`]
//! is the one-shot shortcut for a short text.
//!
//! Every rule looks at the current character, the character written before
//! it (carried across runs) and the characters after it within the same run.
//! Output already returned for an earlier run is never revisited, so one
//! case cannot be fixed: an ordinary space that ends a run, followed by a
//! `!`, `?`, `;`, `:` or `»` that starts the next one, stays an ordinary
//! space (no second space is added).
//!
//! The rules are conservative by design: spaces are replaced or inserted
//! only where French typography requires them and the context is clear
//! (`10:30`, `http://`, `:)` and `2024` are left alone), existing no-break
//! spaces are kept, and typesetting already typeset text changes nothing.

use crate::language::Language;

/// Narrow no-break space (espace fine insécable).
const NNBSP: char = '\u{202F}';
/// No-break space (espace insécable).
const NBSP: char = '\u{A0}';
/// Stands for an opaque inline item (inline code, image, line break) in the
/// previous-character context: a non-space character that is not text.
const OPAQUE: char = '\u{FFFC}';

/// French high punctuation: takes a space before it, and a sign that follows
/// another one of the group (`?!`, `!!!`) takes none.
const HIGH_SIGNS: [char; 4] = [';', ':', '!', '?'];

/// Signs written after a number with a narrow no-break space in French.
const SIGN_UNITS: &[&str] = &[
    "%", "‰", "€", "$", "£", "¥", "k€", "M€", "Md€", "Mds€", "°C", "°F",
];

/// Units written after a number with a no-break space in French. Only
/// abbreviations, never ordinary words: `12 ans` or `3 millions` are left
/// with their ordinary space.
#[rustfmt::skip]
const WORD_UNITS: &[&str] = &[
    // Length, area, volume.
    "km", "m", "cm", "mm", "µm", "nm", "km²", "m²", "cm²", "mm²", "m³", "cm³", "ha",
    "l", "L", "cl", "ml", "mL", "dl", "hl",
    // Mass.
    "t", "kg", "g", "mg",
    // Time and speed.
    "h", "min", "s", "ms", "km/h", "m/s", "mph",
    // Data.
    "o", "ko", "Ko", "Mo", "Go", "To", "kb", "Mb", "Gb", "kbit/s", "Mbit/s", "Gbit/s",
    // Frequency, power, energy, electricity, pressure, sound.
    "Hz", "kHz", "MHz", "GHz", "W", "kW", "MW", "GW", "Wh", "kWh", "MWh", "GWh", "TWh",
    "V", "kV", "mAh", "cal", "kcal", "Pa", "hPa", "bar", "dB",
    // Currency codes.
    "CHF", "EUR", "USD",
];

/// Words that begin with an elided letter in English: the `'` before them
/// is an apostrophe, not an opening quote (`'tis`, `rock 'n' roll`).
const ENGLISH_ELISIONS: &[&str] = &["tis", "twas", "em", "til", "cause", "n", "bout", "nuff"];

/// One open quotation, waiting for its closing mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Quote {
    /// Whether a straight double quote `"` closes it (`«`, `“`, or any level
    /// opened by `"`), as opposed to a single one (`‘`, or `'` in English).
    by_double: bool,
    /// The closing mark to write.
    close: char,
}

/// Typesets the runs of text of one block after another, carrying quote
/// nesting and the previous character across runs.
///
/// Feed it every text run of a block in order with [`run`](Self::run), call
/// [`opaque`](Self::opaque) for inline items that are not text, and
/// [`end_block`](Self::end_block) at every boundary text does not flow
/// across. One typographer can serve a whole document.
#[derive(Debug, Clone)]
pub struct Typographer {
    lang: Language,
    /// Open quotations, innermost last.
    quotes: Vec<Quote>,
    /// The last character written in this block (`None` at block start);
    /// [`OPAQUE`] after an opaque item.
    prev: Option<char>,
    /// Whether anything other than ordinary spaces was written in this block.
    started: bool,
    /// Set after an opening guillemet and its narrow space: the spaces the
    /// writer typed after it are dropped, even at the start of the next run.
    swallow_spaces: bool,
}

impl Typographer {
    /// A typographer at the start of a block.
    pub fn new(lang: Language) -> Self {
        Typographer {
            lang,
            quotes: Vec::new(),
            prev: None,
            started: false,
            swallow_spaces: false,
        }
    }

    /// Typesets one run of text, continuing the state of earlier runs of the
    /// same block.
    pub fn run(&mut self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let french = self.lang == Language::Fr;
        // Digit groups only exist where there are digits: most runs have none.
        let grouping = if french && text.bytes().any(|b| b.is_ascii_digit()) {
            grouping_spaces(&chars)
        } else {
            Vec::new()
        };
        let mut out = String::with_capacity(text.len() + 8);
        let mut i = 0;
        // Byte offset of `chars[cursor.0]` in `text`, moved forward only.
        let mut cursor = (0usize, 0usize);
        while let Some(&c) = chars.get(i) {
            // Fast path: a span of characters no rule looks at is copied
            // as it is, in one piece (most of any text).
            if !is_rule_char(c) {
                while cursor.0 < i {
                    cursor.1 += chars[cursor.0].len_utf8();
                    cursor.0 += 1;
                }
                let start = cursor.1;
                let mut last = c;
                while let Some(&d) = chars.get(cursor.0) {
                    // An ordinary space between words is plain too, unless
                    // a rule may claim it: after a digit (groups, units,
                    // `10 h 30`) or before a sign, a closing mark, a dash,
                    // a digit or another space.
                    let plain_space = d == ' '
                        && !last.is_ascii_digit()
                        && chars.get(cursor.0 + 1).is_some_and(|&n| {
                            !n.is_whitespace()
                                && !n.is_ascii_digit()
                                && !is_rule_char(n)
                                && !matches!(n, '–' | '—')
                        });
                    if is_rule_char(d) && !plain_space {
                        break;
                    }
                    last = d;
                    cursor.1 += d.len_utf8();
                    cursor.0 += 1;
                }
                out.push_str(&text[start..cursor.1]);
                self.prev = Some(last);
                self.started = true;
                self.swallow_spaces = false;
                i = cursor.0;
                continue;
            }
            let rest = chars.get(i + 1..).unwrap_or(&[]);
            let next = rest.first().copied();
            if self.swallow_spaces {
                if matches!(c, ' ' | NBSP | NNBSP) {
                    i += 1;
                    continue;
                }
                self.swallow_spaces = false;
            }
            match c {
                '.' if rest.starts_with(&['.', '.']) => {
                    self.push(&mut out, '…');
                    i += 3;
                    continue;
                }
                '"' => self.straight_double(&mut out, next),
                '\'' | '’' => self.single(&mut out, c, rest),
                '«' => {
                    self.quotes.push(Quote {
                        by_double: true,
                        close: '»',
                    });
                    self.open_guillemet(&mut out, next);
                }
                '“' => {
                    self.quotes.push(Quote {
                        by_double: true,
                        close: '”',
                    });
                    self.push(&mut out, c);
                }
                '‘' => {
                    self.quotes.push(Quote {
                        by_double: false,
                        close: '’',
                    });
                    self.push(&mut out, c);
                }
                '»' | '”' => {
                    if let Some(pos) = self.quotes.iter().rposition(|q| q.close == c) {
                        self.quotes.truncate(pos);
                    }
                    self.close_mark(&mut out, c);
                }
                ';' | ':' | '!' | '?' if french => self.high_sign(&mut out, c, next),
                ' ' if french => {
                    let space = self.french_space(&chars, i, &grouping);
                    self.push(&mut out, space);
                }
                _ => self.push(&mut out, c),
            }
            i += 1;
        }
        out
    }

    /// Marks a boundary that text does not flow across (end of paragraph,
    /// heading, list item, table cell): resets quote nesting and the
    /// previous-character context.
    pub fn end_block(&mut self) {
        self.quotes.clear();
        self.prev = None;
        self.started = false;
        self.swallow_spaces = false;
    }

    /// Tells the typographer that an opaque inline item (inline code, an
    /// image, a line break) sits between runs: it counts as a non-space
    /// character for the context.
    pub fn opaque(&mut self) {
        self.prev = Some(OPAQUE);
        self.started = true;
        self.swallow_spaces = false;
    }

    /// Writes one character and remembers it as context.
    fn push(&mut self, out: &mut String, c: char) {
        out.push(c);
        self.prev = Some(c);
        if c != ' ' {
            self.started = true;
        }
    }

    /// Makes sure a no-break space of kind `space` precedes what comes next:
    /// replaces the ordinary spaces just written, inserts one after a
    /// character, keeps a space of any other kind, adds nothing at block
    /// start.
    fn space_before(&mut self, out: &mut String, space: char) {
        match self.prev {
            None => {}
            // Ordinary spaces just written in this run are replaced; those
            // written by an earlier run cannot be taken back and are kept.
            Some(' ') if self.started && out.ends_with(' ') => {
                let kept = out.trim_end_matches(' ').len();
                out.truncate(kept);
                self.push(out, space);
            }
            Some(p) if p.is_whitespace() => {}
            Some(_) => self.push(out, space),
        }
    }

    /// `;` `:` `!` `?` in French.
    fn high_sign(&mut self, out: &mut String, sign: char, next: Option<char>) {
        // Inside a token (`10:30`, `http://`, `:)`, `page?id=3`) the sign is
        // not punctuation of the sentence.
        let inside_token = match sign {
            ':' => next.is_some_and(|n| !(n.is_whitespace() || is_quote_mark(n))),
            _ => next.is_some_and(|n| n.is_alphanumeric() || matches!(n, '=' | '/' | '&' | '_')),
        };
        let after_group_or_opening = self
            .prev
            .is_some_and(|p| HIGH_SIGNS.contains(&p) || matches!(p, '(' | '[' | '{' | '“' | '‘'));
        if !inside_token && !after_group_or_opening {
            self.space_before(out, if sign == ':' { NBSP } else { NNBSP });
        }
        self.push(out, sign);
    }

    /// An ordinary space in French: between digit groups, between a number
    /// and its unit, in `10 h 30`, before an incise dash.
    fn french_space(&self, chars: &[char], i: usize, grouping: &[bool]) -> char {
        if grouping.get(i) == Some(&true) {
            return NNBSP;
        }
        let rest = chars.get(i + 1..).unwrap_or(&[]);
        if self.prev.is_some_and(|p| p.is_ascii_digit())
            && let Some(space) = unit_space(rest)
        {
            return space;
        }
        if is_hours_minutes(chars, i) {
            return NBSP;
        }
        let incise = matches!(rest.first(), Some('–' | '—'))
            // Not a no-break space: that one comes from a `:`, `!` or `?`
            // spaced after the dash, and must not turn the dash into an
            // incise on a second pass.
            && rest
                .get(1)
                .is_none_or(|&c| c.is_whitespace() && c != NBSP && c != NNBSP);
        if self.started && incise {
            return NBSP;
        }
        ' '
    }

    /// A straight double quote: opening or closing, decided from the
    /// character before, the one after and the open quotations.
    fn straight_double(&mut self, out: &mut String, next: Option<char>) {
        let innermost = self.quotes.iter().rposition(|q| q.by_double);
        let closing = if opens_after(self.prev) {
            // `" Bonjour "`: a space on both sides of a quote while one is
            // open means the writer spaced the closing one. The end of a run
            // counts as such a boundary.
            innermost.is_some()
                && self.prev.is_some_and(char::is_whitespace)
                && next.is_none_or(|n| n.is_whitespace() || closes_before(n))
        } else {
            // After a letter or punctuation: closing, unless nothing is open
            // and a word follows.
            innermost.is_some() || !next.is_some_and(char::is_alphanumeric)
        };

        if closing {
            let close = match innermost {
                Some(pos) => {
                    let close = self.quotes.get(pos).map_or('”', |q| q.close);
                    self.quotes.truncate(pos);
                    close
                }
                // Nothing to close: write the outer closing mark anyway.
                None => self.lang.pick('»', '”'),
            };
            self.close_mark(out, close);
            return;
        }

        let (open, close) = match self.lang {
            Language::Fr if self.quotes.is_empty() => ('«', '»'),
            Language::Fr => ('“', '”'),
            Language::En if self.quotes.last().is_some_and(|q| q.close == '”') => ('‘', '’'),
            Language::En => ('“', '”'),
        };
        self.quotes.push(Quote {
            by_double: true,
            close,
        });
        if open == '«' {
            self.open_guillemet(out, next);
        } else {
            self.push(out, open);
        }
    }

    /// Writes `«`, followed in French by a narrow no-break space unless the
    /// writer already typed a no-break space.
    fn open_guillemet(&mut self, out: &mut String, next: Option<char>) {
        self.push(out, '«');
        if self.lang == Language::Fr && !matches!(next, Some(NBSP | NNBSP)) {
            self.push(out, NNBSP);
            self.swallow_spaces = true;
        }
    }

    /// Writes a closing mark, preceded by a narrow no-break space for `»` in
    /// French.
    fn close_mark(&mut self, out: &mut String, close: char) {
        if close == '»' && self.lang == Language::Fr {
            self.space_before(out, NNBSP);
        }
        self.push(out, close);
    }

    /// A straight or curly single quote: an apostrophe, or in English an
    /// opening or closing single quotation mark.
    fn single(&mut self, out: &mut String, typed: char, rest: &[char]) {
        let next = rest.first().copied();
        let opens = typed == '\''
            && self.lang == Language::En
            && opens_after(self.prev)
            && next.is_some_and(char::is_alphabetic)
            && !is_english_elision(rest);
        if opens {
            self.quotes.push(Quote {
                by_double: false,
                close: '’',
            });
            self.push(out, '‘');
            return;
        }
        // Closing single quote and apostrophe are the same mark; at the end
        // of a word it also closes an open single quotation.
        self.push(out, '’');
        let word_end = !next.is_some_and(char::is_alphanumeric);
        if word_end && self.quotes.last().is_some_and(|q| !q.by_double) {
            self.quotes.pop();
        }
    }
}

/// Whether a rule of `run` may act on this character (or on a space after
/// it); every other character is copied as it is and only becomes the
/// previous-character context.
fn is_rule_char(c: char) -> bool {
    matches!(
        c,
        '.' | '"'
            | '\''
            | '’'
            | '«'
            | '“'
            | '‘'
            | '»'
            | '”'
            | ';'
            | ':'
            | '!'
            | '?'
            | ' '
            | NBSP
            | NNBSP
    ) || c.is_whitespace()
}

/// One-shot typesetting of a short text (a title, a name, a summary line).
pub fn typeset(lang: Language, text: &str) -> String {
    Typographer::new(lang).run(text)
}

/// Whether a quote after `prev` opens a quotation: at block start, after a
/// space, an opening bracket or quotation mark, or a dash.
fn opens_after(prev: Option<char>) -> bool {
    prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '{' | '«' | '“' | '‘' | '–' | '—')
    })
}

/// Straight and curly quotation marks, apostrophe included.
fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '«' | '»' | '“' | '”' | '‘' | '’')
}

/// Characters that may directly follow a closing quotation mark.
fn closes_before(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '»' | '”' | '’' | '…'
    )
}

/// Whether `rest` (after a `'`) starts with an English elided word.
fn is_english_elision(rest: &[char]) -> bool {
    let word: String = rest
        .iter()
        .take_while(|c| c.is_alphabetic())
        .flat_map(|c| c.to_lowercase())
        .collect();
    ENGLISH_ELISIONS.contains(&word.as_str())
}

/// The space to put between a number and what follows (`rest`, just after
/// the space) if it is a unit or sign, else `None`.
fn unit_space(rest: &[char]) -> Option<char> {
    let groups = [(SIGN_UNITS, NNBSP), (WORD_UNITS, NBSP)];
    for (units, space) in groups {
        for unit in units {
            let len = unit.chars().count();
            let matches = rest.len() >= len && unit.chars().zip(rest).all(|(u, &r)| u == r);
            let bounded = rest
                .get(len)
                .is_none_or(|&a| !(a.is_alphanumeric() || a == '\'' || a == '’'));
            if matches && bounded {
                return Some(space);
            }
        }
    }
    None
}

/// Whether the space at `i` is the second one of `10 h 30`.
fn is_hours_minutes(chars: &[char], i: usize) -> bool {
    let at = |k: Option<usize>| k.and_then(|k| chars.get(k)).copied();
    at(i.checked_sub(1)) == Some('h')
        && matches!(at(i.checked_sub(2)), Some(' ' | NBSP | NNBSP))
        && at(i.checked_sub(3)).is_some_and(|c| c.is_ascii_digit())
        && at(Some(i + 1)).is_some_and(|c| c.is_ascii_digit())
        && at(Some(i + 2)).is_some_and(|c| c.is_ascii_digit())
        && !at(Some(i + 3)).is_some_and(char::is_alphanumeric)
}

/// Marks the ordinary spaces that separate digit groups in `chars`: a lead
/// group of one to three digits, then groups of exactly three digits, each
/// after one space (`1 300`, `12 000 000`). A number the writer did not
/// space (`2024`) has no such space, so nothing is ever inserted.
fn grouping_spaces(chars: &[char]) -> Vec<bool> {
    let mut marks = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if !chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
            continue;
        }
        let start = i;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            i += 1;
        }
        let before = start.checked_sub(1).and_then(|b| chars.get(b));
        let lead = (1..=3).contains(&(i - start))
            && !before.is_some_and(|&b| b.is_alphanumeric() || b == ',' || b == '.');
        if !lead {
            continue;
        }
        loop {
            let separator = chars.get(i).copied();
            if !matches!(separator, Some(' ' | NBSP | NNBSP)) {
                break;
            }
            let group = (1..=3).all(|k| chars.get(i + k).is_some_and(char::is_ascii_digit))
                && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
            if !group {
                break;
            }
            if separator == Some(' ')
                && let Some(mark) = marks.get_mut(i)
            {
                *mark = true;
            }
            i += 4;
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: Language = Language::Fr;
    const EN: Language = Language::En;

    fn fr(text: &str) -> String {
        typeset(FR, text)
    }

    fn en(text: &str) -> String {
        typeset(EN, text)
    }

    // French: high punctuation.

    #[test]
    fn french_spaces_before_high_punctuation() {
        assert_eq!(fr("Quoi ?"), "Quoi\u{202F}?");
        assert_eq!(fr("Non !"), "Non\u{202F}!");
        assert_eq!(fr("un ; deux"), "un\u{202F}; deux");
        assert_eq!(fr("Note : lire"), "Note\u{a0}: lire");
    }

    #[test]
    fn french_inserts_missing_spaces() {
        assert_eq!(fr("Quoi?"), "Quoi\u{202F}?");
        assert_eq!(fr("Non!"), "Non\u{202F}!");
        assert_eq!(fr("un; deux"), "un\u{202F}; deux");
        assert_eq!(fr("Note: lire"), "Note\u{a0}: lire");
    }

    #[test]
    fn french_replaces_several_spaces() {
        assert_eq!(fr("Quoi   ?"), "Quoi\u{202F}?");
    }

    #[test]
    fn french_keeps_existing_no_break_spaces() {
        assert_eq!(fr("Quoi\u{202F}?"), "Quoi\u{202F}?");
        assert_eq!(fr("Quoi\u{a0}?"), "Quoi\u{a0}?");
        assert_eq!(fr("Note\u{a0}: lire"), "Note\u{a0}: lire");
        assert_eq!(fr("Note\u{202F}: lire"), "Note\u{202F}: lire");
    }

    #[test]
    fn french_groups_of_signs_take_one_space() {
        assert_eq!(fr("Quoi?!"), "Quoi\u{202F}?!");
        assert_eq!(fr("Quoi ?!"), "Quoi\u{202F}?!");
        assert_eq!(fr("Non!!!"), "Non\u{202F}!!!");
        assert_eq!(fr("Vraiment…?"), "Vraiment…\u{202F}?");
        assert_eq!(fr("Vraiment...?"), "Vraiment…\u{202F}?");
    }

    #[test]
    fn french_no_space_at_block_start_or_after_opening_bracket() {
        assert_eq!(fr("?"), "?");
        assert_eq!(fr("!?"), "!?");
        assert_eq!(fr(": suite"), ": suite");
        assert_eq!(fr("Il viendrait (?) demain"), "Il viendrait (?) demain");
    }

    #[test]
    fn french_colon_inside_tokens_is_left_alone() {
        assert_eq!(fr("à 10:30"), "à 10:30");
        assert_eq!(fr("voir http://exemple.fr"), "voir http://exemple.fr");
        assert_eq!(fr("super :)"), "super :)");
        assert_eq!(fr("super:)"), "super:)");
        assert_eq!(fr("voir exemple.fr/page?id=3"), "voir exemple.fr/page?id=3");
    }

    #[test]
    fn french_punctuation_after_closing_marks() {
        assert_eq!(fr("(sic)!"), "(sic)\u{202F}!");
        assert_eq!(
            fr("Il a dit « oui » !"),
            "Il a dit «\u{202F}oui\u{202F}»\u{202F}!"
        );
        assert_eq!(
            fr("Il a dit \"oui\": bien."),
            "Il a dit «\u{202F}oui\u{202F}»\u{a0}: bien."
        );
    }

    // French: quotation marks.

    #[test]
    fn french_straight_quotes_become_guillemets() {
        assert_eq!(
            fr("Il a dit \"bonjour\" hier."),
            "Il a dit «\u{202F}bonjour\u{202F}» hier."
        );
        assert_eq!(fr("\"Bonjour.\""), "«\u{202F}Bonjour.\u{202F}»");
    }

    #[test]
    fn french_spaced_straight_quotes() {
        assert_eq!(fr("\" Bonjour \""), "«\u{202F}Bonjour\u{202F}»");
        assert_eq!(
            fr("Il a dit \" bonjour \" hier."),
            "Il a dit «\u{202F}bonjour\u{202F}» hier."
        );
        assert_eq!(fr("\" Bonjour ! \""), "«\u{202F}Bonjour\u{202F}!\u{202F}»");
    }

    #[test]
    fn french_quoted_words_keep_their_spaces() {
        // Regression: the fast path once left the "swallow spaces after «"
        // state on, and the words ran together (« Elleadit »).
        assert_eq!(fr("\"Elle a dit oui\""), "«\u{202f}Elle a dit oui\u{202f}»");
    }

    #[test]
    fn french_nested_quotes() {
        assert_eq!(
            fr("\"Il a lu \"Le Monde\" hier\", dit-elle."),
            "«\u{202F}Il a lu “Le Monde” hier\u{202F}», dit-elle."
        );
    }

    #[test]
    fn french_typed_guillemets_get_narrow_spaces() {
        assert_eq!(fr("«Bonjour»"), "«\u{202F}Bonjour\u{202F}»");
        assert_eq!(fr("« Bonjour »"), "«\u{202F}Bonjour\u{202F}»");
        assert_eq!(fr("«  Bonjour  »"), "«\u{202F}Bonjour\u{202F}»");
        assert_eq!(fr("«\u{a0}Bonjour\u{a0}»"), "«\u{a0}Bonjour\u{a0}»");
        assert_eq!(fr("«\u{202F}Bonjour\u{202F}»"), "«\u{202F}Bonjour\u{202F}»");
    }

    #[test]
    fn french_typed_guillemets_count_for_nesting() {
        assert_eq!(
            fr("« Il a lu \"Le Monde\" hier »"),
            "«\u{202F}Il a lu “Le Monde” hier\u{202F}»"
        );
        // A straight quote may close a typed guillemet.
        assert_eq!(fr("« Bonjour\""), "«\u{202F}Bonjour\u{202F}»");
    }

    #[test]
    fn french_apostrophes() {
        assert_eq!(fr("l'équipe"), "l’équipe");
        assert_eq!(fr("aujourd'hui"), "aujourd’hui");
        assert_eq!(fr("qu'il"), "qu’il");
        assert_eq!(fr("'"), "’");
    }

    #[test]
    fn ellipsis() {
        assert_eq!(fr("Et puis..."), "Et puis…");
        assert_eq!(en("And then..."), "And then…");
        assert_eq!(fr("..."), "…");
        assert_eq!(fr(".."), "..");
        assert_eq!(fr("...."), "….");
    }

    // French: numbers and units.

    #[test]
    fn french_digit_groups() {
        assert_eq!(fr("1 300 euros"), "1\u{202F}300 euros");
        assert_eq!(fr("12 000 000"), "12\u{202F}000\u{202F}000");
        assert_eq!(
            fr("Les 3 000 manifestants"),
            "Les 3\u{202F}000 manifestants"
        );
        assert_eq!(fr("1 000,5"), "1\u{202F}000,5");
    }

    #[test]
    fn french_years_and_unspaced_numbers_untouched() {
        assert_eq!(fr("en 2024"), "en 2024");
        assert_eq!(fr("1300 euros"), "1300 euros");
        assert_eq!(fr("le 14 juillet 1789"), "le 14 juillet 1789");
        // A four-digit lead group is a year, not a group: only the real
        // grouping after it is marked.
        assert_eq!(
            fr("En 2018 300 000 personnes"),
            "En 2018 300\u{202F}000 personnes"
        );
        assert_eq!(fr("2024 300"), "2024 300");
        assert_eq!(fr("1 30"), "1 30");
        assert_eq!(fr("1 3000"), "1 3000");
        assert_eq!(fr("1,5 300"), "1,5 300");
    }

    #[test]
    fn french_signs_and_units() {
        assert_eq!(fr("50 %"), "50\u{202F}%");
        assert_eq!(fr("3 €"), "3\u{202F}€");
        assert_eq!(fr("3 000 €"), "3\u{202F}000\u{202F}€");
        assert_eq!(fr("20 °C"), "20\u{202F}°C");
        assert_eq!(fr("12 km"), "12\u{a0}km");
        assert_eq!(fr("3 Mo"), "3\u{a0}Mo");
        assert_eq!(fr("45 min"), "45\u{a0}min");
        assert_eq!(fr("10 h"), "10\u{a0}h");
        assert_eq!(fr("2 kg."), "2\u{a0}kg.");
        assert_eq!(fr("1,5 m"), "1,5\u{a0}m");
        assert_eq!(fr("90 km/h"), "90\u{a0}km/h");
        assert_eq!(fr("30 m²"), "30\u{a0}m²");
    }

    #[test]
    fn french_hours_and_minutes() {
        assert_eq!(fr("à 10 h 30"), "à 10\u{a0}h\u{a0}30");
        assert_eq!(fr("à 10 h 30."), "à 10\u{a0}h\u{a0}30.");
    }

    #[test]
    fn french_words_after_numbers_are_not_units() {
        assert_eq!(fr("12 ans"), "12 ans");
        assert_eq!(fr("3 millions"), "3 millions");
        assert_eq!(fr("3 mois"), "3 mois");
        assert_eq!(fr("3 minutes"), "3 minutes");
        assert_eq!(fr("10 heures"), "10 heures");
        assert_eq!(fr("les 3 hommes"), "les 3 hommes");
        assert_eq!(fr("50%"), "50%");
        assert_eq!(fr("le 3 m'a dit"), "le 3 m’a dit");
    }

    #[test]
    fn french_incise_dashes() {
        assert_eq!(
            fr("Il est venu – enfin – hier."),
            "Il est venu\u{a0}– enfin\u{a0}– hier."
        );
        assert_eq!(fr("Il est venu — enfin."), "Il est venu\u{a0}— enfin.");
        assert_eq!(fr("— Bonjour."), "— Bonjour.");
        assert_eq!(fr("1990–2000"), "1990–2000");
    }

    // English.

    #[test]
    fn english_smart_quotes() {
        assert_eq!(en("He said \"hello\" today."), "He said “hello” today.");
        assert_eq!(en("\"Hello,\" she said."), "“Hello,” she said.");
    }

    #[test]
    fn english_nested_quotes() {
        assert_eq!(en("\"He said 'hi' to me.\""), "“He said ‘hi’ to me.”");
        assert_eq!(en("\"He said \"hi\" to me.\""), "“He said ‘hi’ to me.”");
        assert_eq!(en("'Hello,' she said."), "‘Hello,’ she said.");
        // The single quotation is closed by `'` at the end of `hi`, so the
        // next nested quotation is single again.
        assert_eq!(
            en("\"He said 'hi' then \"bye\".\""),
            "“He said ‘hi’ then ‘bye’.”"
        );
    }

    #[test]
    fn english_apostrophes() {
        assert_eq!(en("don't"), "don’t");
        assert_eq!(en("the students' books"), "the students’ books");
        assert_eq!(en("the '90s"), "the ’90s");
        assert_eq!(en("'Tis the season"), "’Tis the season");
        assert_eq!(en("rock 'n' roll"), "rock ’n’ roll");
    }

    #[test]
    fn english_adds_no_spaces() {
        assert_eq!(
            en("What? No! Yes: maybe; fine."),
            "What? No! Yes: maybe; fine."
        );
        assert_eq!(en("1 300 people, 50 %, 12 km"), "1 300 people, 50 %, 12 km");
        assert_eq!(en("«Bonjour»"), "«Bonjour»");
        assert_eq!(en("in 2024"), "in 2024");
    }

    // Several runs.

    #[test]
    fn quote_state_carries_across_runs() {
        let mut t = Typographer::new(FR);
        assert_eq!(t.run("Il a dit \""), "Il a dit «\u{202F}");
        assert_eq!(t.run("bonjour"), "bonjour");
        assert_eq!(t.run("\" !"), "\u{202F}»\u{202F}!");
    }

    #[test]
    fn spaces_after_an_opening_guillemet_are_dropped_in_the_next_run() {
        let mut t = Typographer::new(FR);
        assert_eq!(t.run("Il a dit « "), "Il a dit «\u{202F}");
        assert_eq!(t.run(" bonjour"), "bonjour");
        assert_eq!(t.run(" »"), "\u{202F}»");
    }

    #[test]
    fn punctuation_after_a_previous_run_gets_its_space() {
        let mut t = Typographer::new(FR);
        assert_eq!(t.run("C'est "), "C’est ");
        assert_eq!(t.run("vrai"), "vrai");
        assert_eq!(t.run("!"), "\u{202F}!");
        // A space left at the end of a run cannot be taken back: it stays,
        // and is not doubled.
        let mut t = Typographer::new(FR);
        assert_eq!(t.run("Quoi "), "Quoi ");
        assert_eq!(t.run("?"), "?");
    }

    #[test]
    fn opaque_items_count_as_characters() {
        let mut t = Typographer::new(FR);
        assert_eq!(t.run("Tapez "), "Tapez ");
        t.opaque();
        assert_eq!(t.run(": c'est fait"), "\u{a0}: c’est fait");

        // A quote after an opaque item closes.
        let mut t = Typographer::new(FR);
        assert_eq!(t.run("Il a dit \""), "Il a dit «\u{202F}");
        t.opaque();
        assert_eq!(t.run("\"."), "\u{202F}».");

        // Without opaque(), the quote would follow a block start and open.
        let mut t = Typographer::new(FR);
        t.opaque();
        assert_eq!(t.run("!"), "\u{202F}!");
        let mut t = Typographer::new(FR);
        assert_eq!(t.run("!"), "!");
    }

    #[test]
    fn end_block_resets_quotes_and_context() {
        let mut t = Typographer::new(FR);
        assert_eq!(t.run("Il a dit \"bonjour"), "Il a dit «\u{202F}bonjour");
        t.end_block();
        // A new block: the quote opens again at the outer level, and `!` at
        // block start takes no space.
        assert_eq!(t.run("\"Salut\""), "«\u{202F}Salut\u{202F}»");
        t.end_block();
        assert_eq!(t.run("!"), "!");

        let mut t = Typographer::new(EN);
        assert_eq!(t.run("\"Open"), "“Open");
        t.end_block();
        assert_eq!(t.run("\"Again\""), "“Again”");
    }

    #[test]
    fn nested_quotes_across_runs() {
        let mut t = Typographer::new(EN);
        assert_eq!(t.run("\"He read "), "“He read ");
        assert_eq!(t.run("\"Ulysses\""), "‘Ulysses’");
        assert_eq!(t.run(" twice.\""), " twice.”");
    }

    // Idempotence and odd input.

    #[test]
    fn typesetting_twice_changes_nothing() {
        let samples = [
            "Il a dit \"bonjour\" hier ; puis : \"Au revoir !\"",
            "\" Bonjour \" et « salut » ?!",
            "« Il a lu \"Le Monde\" hier » (sic)!",
            "l'équipe d'aujourd'hui...",
            "1 300 euros, 12 000 000 habitants, 50 %, 3 €, 12 km, 10 h 30",
            "Il est venu – enfin – hier. En 2024 : 10:30, http://exemple.fr",
            "He said \"she said 'hi' to me\" in the '90s, don't you know...",
            "\"",
            "'",
            "«",
            "»",
            "?",
            "\"\"\"\"",
        ];
        for sample in samples {
            for lang in [FR, EN] {
                let once = typeset(lang, sample);
                assert_eq!(typeset(lang, &once), once, "{lang:?}: {sample:?}");
            }
        }
    }

    #[test]
    fn empty_input() {
        assert_eq!(fr(""), "");
        assert_eq!(en(""), "");
        let mut t = Typographer::new(FR);
        assert_eq!(t.run(""), "");
        t.opaque();
        assert_eq!(t.run(""), "");
        t.end_block();
        assert_eq!(t.run(""), "");
    }

    #[test]
    fn lone_marks() {
        assert_eq!(fr("\""), "«\u{202F}");
        assert_eq!(en("\""), "“");
        assert_eq!(fr("»"), "»");
        assert_eq!(fr("x»"), "x\u{202F}»");
        assert_eq!(fr("«"), "«\u{202F}");
        assert_eq!(en("'"), "’");
        // A closing quote with nothing open still closes.
        assert_eq!(fr("x\" !"), "x\u{202F}»\u{202F}!");
        assert_eq!(en("12\""), "12”");
    }

    #[test]
    fn odd_input_never_panics() {
        let odd = [
            "\u{202F}",
            "\u{a0}",
            " ",
            "  ?  ",
            "é",
            "日本語の「引用」",
            "🎉 \"🎉\" 🎉 !",
            "1 ",
            " 1",
            "1 0",
            "1 00",
            "1 000 ",
            "1 h",
            "h 30",
            " h 30",
            "1 h 3",
            "–",
            " –",
            ".. .",
            "\"'\"'\"'",
            "«««»»»",
            "”“’‘",
            "\u{FFFC}!",
            "\n!\t?\r:",
            "0 µm",
            "0 Mds€",
        ];
        for text in odd {
            for lang in [FR, EN] {
                let once = typeset(lang, text);
                let _ = typeset(lang, &once);
                let mut t = Typographer::new(lang);
                for piece in [text, text, ""] {
                    t.run(piece);
                    t.opaque();
                }
                t.end_block();
                t.run(text);
            }
        }
    }

    #[test]
    fn multibyte_text_is_kept() {
        assert_eq!(
            fr("Élodie a dit « ça » !"),
            "Élodie a dit «\u{202F}ça\u{202F}»\u{202F}!"
        );
        assert_eq!(fr("🎉!"), "🎉\u{202F}!");
        assert_eq!(en("日本 \"語\""), "日本 “語”");
    }
}
