//! An article's meta description: what a search engine, a browser's
//! history or a link pasted into Teams or Outlook shows under its title.
//!
//! The writer's `summary` is the description as written (plain text, its
//! Markdown stripped, typeset). Without one, the body's first paragraph
//! stands in, as plain text (the Markdown renderer keeps it with its
//! character references decoded, links and emphasis reduced to their
//! words; templates escape it once), cut at about [`LIMIT`] characters:
//! previews show about that much, and a cut they make themselves falls
//! mid-word. The cut is made here, once per article, not in templates,
//! because a clean one needs the text's words: at the last sentence end
//! past two thirds of the limit, else at the last space with « … », never
//! inside a word or between words a no-break space binds (« 8 h 30 »,
//! « : »), nor after a word that announces another (« venus de… » reads as
//! a sentence cut short, « venus… » as one left open).

use crate::language::Language;

/// About how many characters a description keeps of a first paragraph.
pub const LIMIT: usize = 160;

/// The shortest a description cut at a sentence end may be: a shorter
/// sentence is cut at a space instead, so that the description says more.
const SENTENCE_FLOOR: usize = LIMIT * 2 / 3;

/// The description of an article whose `summary` (as plain text, typeset)
/// and first paragraph (plain text) are given: the summary as written,
/// else the first paragraph cut at about [`LIMIT`] characters.
pub fn of_article(
    summary: Option<String>,
    first_paragraph: Option<&str>,
    lang: Language,
) -> Option<String> {
    summary.or_else(|| first_paragraph.map(|p| cut(p, lang)))
}

/// `text` with its spaces run together, cut cleanly at about [`LIMIT`]
/// characters: whole when it is short enough, else at the last sentence end
/// past [`SENTENCE_FLOOR`] characters, else at the last plain space followed
/// by « … » (the words of [`LEADING_FR`] or [`LEADING_EN`] it would end
/// with left out).
pub fn cut(text: &str, lang: Language) -> String {
    let text = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>();
    let text = text.join(" ");
    if text.chars().count() <= LIMIT {
        return text;
    }
    // The byte index just past the LIMIT-th character, and the text up to
    // the character after it (so a space right after the limit counts).
    let end = text
        .char_indices()
        .nth(LIMIT)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    let next_is_space = text[end..].starts_with(' ');
    if let Some(at) = sentence_end(head, next_is_space) {
        return head[..at].to_string();
    }
    let at = if next_is_space {
        Some(end)
    } else {
        head.rfind(' ')
    };
    let mut kept = at.map_or(head, |at| &head[..at]);
    let leading = lang.pick(LEADING_FR, LEADING_EN);
    while let Some((before, last)) = kept.rsplit_once(' ')
        && leading.contains(&last.to_lowercase().as_str())
    {
        kept = before;
    }
    let kept = kept.trim_end_matches(|c: char| DANGLING.contains(&c));
    format!("{kept}…")
}

/// French words that announce the next one (articles, prepositions,
/// conjunctions): a cut text does not end with them.
const LEADING_FR: &[&str] = &[
    "à", "au", "aux", "avec", "dans", "de", "des", "du", "en", "et", "la", "le", "les", "mais",
    "ni", "ou", "par", "pour", "que", "qui", "sans", "sur", "un", "une",
];

/// English words that announce the next one.
const LEADING_EN: &[&str] = &[
    "a", "an", "and", "at", "but", "by", "for", "from", "in", "of", "on", "or", "that", "the",
    "to", "with",
];

/// What may not end a cut text before « … »: spaces, the punctuation that
/// announces more (`,`, `;`, `:`, dashes) and an opening quotation mark or
/// bracket.
const DANGLING: &[char] = &[
    ' ', '\u{a0}', '\u{202f}', ',', ';', ':', '–', '—', '-', '«', '(', '[', '“', '"', '\'',
];

/// The byte index just past the last sentence end of `head` (`.`, `!`, `?`
/// or `…` followed by a space, or by the cut when `next_is_space`) that
/// leaves at least [`SENTENCE_FLOOR`] characters.
fn sentence_end(head: &str, next_is_space: bool) -> Option<usize> {
    let ends = |c: char| matches!(c, '.' | '!' | '?' | '…');
    let mut best = None;
    let mut chars = head.char_indices().peekable();
    let mut count = 0;
    while let Some((i, c)) = chars.next() {
        count += 1;
        let followed = match chars.peek() {
            Some((_, n)) => *n == ' ',
            None => next_is_space,
        };
        if ends(c) && followed && count >= SENTENCE_FLOOR {
            best = Some(i + c.len_utf8());
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut_fr(text: &str) -> String {
        cut(text, Language::Fr)
    }

    #[test]
    fn a_short_text_is_kept_whole() {
        assert_eq!(cut_fr("Une phrase courte."), "Une phrase courte.");
        assert_eq!(
            cut_fr("Deux  espaces\u{a0}: ici"),
            "Deux espaces\u{a0}: ici"
        );
    }

    #[test]
    fn a_long_text_is_cut_at_a_space_with_an_ellipsis() {
        let text = "Le forum des métiers a réuni plus de quatre cents visiteurs \
                    venus de toute la région, salariés, alternants et demandeurs \
                    d’emploi, autour de vingt stands tenus par des salariés volontaires.";
        let cut = cut(text, Language::Fr);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(cut.chars().count() <= LIMIT + 1, "{cut}");
        let kept = cut.trim_end_matches('…');
        assert!(text.starts_with(kept), "{cut}");
        // Cut between words, never inside one, and no comma before « … ».
        assert!(text[kept.len()..].starts_with(' '), "{cut}");
        assert!(!kept.ends_with(',') && !kept.ends_with(' '), "{cut}");
    }

    #[test]
    fn a_sentence_end_past_two_thirds_is_a_clean_cut() {
        let first = "a".repeat(5) + &" mot".repeat(28) + ".";
        let text =
            format!("{first} Une autre phrase qui dépasse largement la limite des cent soixante.");
        assert!(first.chars().count() > SENTENCE_FLOOR);
        assert_eq!(cut(&text, Language::Fr), first);
    }

    #[test]
    fn a_no_break_space_is_never_a_cut() {
        // The limit falls inside « 8 h 30 »: the cut is before it.
        let text = format!(
            "{} à 8\u{a0}h\u{a0}30 précises, tous les jours.",
            "x".repeat(LIMIT - 5)
        );
        let cut = cut(&text, Language::Fr);
        assert_eq!(cut, format!("{}…", "x".repeat(LIMIT - 5)), "{cut}");
    }

    #[test]
    fn a_cut_text_does_not_end_with_a_word_that_announces_another() {
        // The limit falls right after « de », then after « la ».
        let long = "y".repeat(LIMIT - 9);
        let fr = format!("{long} venus de toute la région.");
        assert_eq!(cut(&fr, Language::Fr), format!("{long} venus…"));
        let long = "y".repeat(LIMIT - 12);
        let fr = format!("{long} venus de la région.");
        assert_eq!(cut(&fr, Language::Fr), format!("{long} venus…"));
        // Inside « the »: cut before it, then « from » left out.
        let long = "y".repeat(LIMIT - 13);
        let en = format!("{long} came from the network.");
        assert_eq!(cut(&en, Language::En), format!("{long} came…"));
    }

    #[test]
    fn a_word_longer_than_the_limit_is_cut_inside() {
        let cut = cut(&"x".repeat(LIMIT + 40), Language::Fr);
        assert_eq!(cut, format!("{}…", "x".repeat(LIMIT)));
    }

    #[test]
    fn the_summary_wins_over_the_first_paragraph() {
        assert_eq!(
            of_article(
                Some("Le chapeau.".into()),
                Some("Le premier paragraphe."),
                Language::Fr
            ),
            Some("Le chapeau.".into())
        );
        assert_eq!(
            of_article(None, Some("Le premier paragraphe."), Language::Fr),
            Some("Le premier paragraphe.".into())
        );
        assert_eq!(of_article(None, None, Language::Fr), None);
    }
}
