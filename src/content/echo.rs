//! Whether a pull quote repeats the article: decided per quote, from the
//! texts a reader reads anyway (body, lead, asides, interview, testimonies,
//! principles).
//!
//! A pull quote that repeats the article is decoration for the eye, and the
//! theme hides it from screen readers and from print so it is not read
//! twice; one whose text is nowhere else is content, and is rendered as a
//! real quotation. The content model has no way to say which a writer
//! meant, so the text decides: both sides are reduced to their words
//! (tags, entities, punctuation, typographic quotes and apostrophes, every
//! kind of space and letter case set aside) and the quote repeats the
//! article when its words appear there in a row.
//!
//! A quote whose words *almost* appear (a few characters apart over a
//! window of the article, as « nécessisté » for « nécessité ») was most
//! likely meant to repeat it and is mistyped: [`Echo::Almost`] keeps the
//! article's wording, for `check` to show. The window is found by
//! approximate substring matching (edit distance with a free start in the
//! article), on the words as reduced, mapped back to the article's text.

use crate::content::article::BlockUse;
use crate::content::article::LoadedArticle;
use crate::content::markdown::Rendered;

/// What a pull quote is to the article around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Echo {
    /// Its words are in the article: it repeats it.
    Repeats,
    /// Its words are nowhere in the article: it is read as a quotation.
    Unique,
    /// Its words are nowhere in the article, but these words of the article
    /// are a few characters apart from them: most likely a typo.
    Almost {
        /// The article's passage, as written (tags and entities removed).
        passage: String,
    },
}

impl Echo {
    /// Whether the quote repeats the article (shown for the eye only).
    pub fn repeats(&self) -> bool {
        matches!(self, Echo::Repeats)
    }
}

/// What pull quote `id` of `loaded` is to the rest of the article;
/// `Unique` for an unknown id.
pub fn of_quote(loaded: &LoadedArticle, id: &str) -> Echo {
    let Some(quote) = loaded.content.quotes.get(id) else {
        return Echo::Unique;
    };
    let article: Vec<String> = readable(loaded)
        .map(|r| plain_text(r.html.as_str()))
        .collect();
    classify(&plain_text(quote.html.as_str()), &article.join("\n"))
}

/// The texts a reader reads besides the pull quotes.
fn readable(loaded: &LoadedArticle) -> impl Iterator<Item = &Rendered> {
    let c = &loaded.content;
    let asides = loaded.blocks.iter().filter_map(|b| match b {
        BlockUse::Aside { body, .. } => Some(body),
        BlockUse::Custom { body, .. } => body.as_ref(),
        _ => None,
    });
    std::iter::once(&loaded.body)
        .chain(loaded.summary.iter())
        .chain(asides)
        .chain(c.interview_intro.iter())
        .chain(c.questions.iter().flat_map(|q| [&q.question, &q.answer]))
        .chain(c.testimonials.values().flatten())
        .chain(c.principles.values().flatten().map(|(_, r)| r))
}

/// What `quote` is to `article`, both plain text.
pub fn classify(quote: &str, article: &str) -> Echo {
    let q: Vec<char> = reduce(quote).into_iter().map(|(c, _)| c).collect();
    if q.is_empty() {
        return Echo::Repeats;
    }
    let text: Vec<char> = article.chars().collect();
    let reduced = reduce(article);
    let a: Vec<char> = reduced.iter().map(|(c, _)| *c).collect();
    let (distance, start, end) = nearest_window(&q, &a);
    if distance == 0 {
        return Echo::Repeats;
    }
    let allowed = (q.len() / 10).clamp(1, 8);
    if q.len() < 12 || distance > allowed {
        return Echo::Unique;
    }
    let window = &reduced[start..end];
    let mut words = window.iter().filter(|(c, _)| *c != ' ');
    let from = words.next().map_or(0, |(_, i)| *i);
    let to = words.next_back().map_or(from, |(_, i)| *i) + 1;
    Echo::Almost {
        passage: text[from..to].iter().collect(),
    }
}

/// Words only, one space between them, lower case; each kept character
/// with its index among `text`'s characters. A space is put at both ends so
/// that a match is of whole words.
fn reduce(text: &str) -> Vec<(char, usize)> {
    let mut out = vec![(' ', 0)];
    for (i, c) in text.chars().enumerate() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase().map(|l| (l, i)));
        } else if out.last().is_some_and(|(l, _)| *l != ' ') {
            out.push((' ', i));
        }
    }
    if out.last().is_some_and(|(l, _)| *l != ' ') {
        out.push((' ', text.chars().count()));
    }
    out
}

/// The window of `text` nearest to `pattern` by edit distance, the start
/// being free: `(distance, start, end)` in `text`'s indices.
fn nearest_window(pattern: &[char], text: &[char]) -> (usize, usize, usize) {
    let m = pattern.len();
    // Column j: for each prefix length i, the distance and the window start.
    let mut column: Vec<(usize, usize)> = (0..=m).map(|i| (i, 0)).collect();
    let mut best = (column[m].0, 0, 0);
    for (j, &t) in text.iter().enumerate() {
        let mut next = Vec::with_capacity(m + 1);
        next.push((0, j + 1));
        for i in 1..=m {
            let cost = usize::from(pattern[i - 1] != t);
            let diagonal = (column[i - 1].0 + cost, column[i - 1].1);
            let up = (next[i - 1].0 + 1, next[i - 1].1);
            let left = (column[i].0 + 1, column[i].1);
            next.push(diagonal.min(up).min(left));
        }
        column = next;
        if column[m].0 < best.0 {
            best = (column[m].0, column[m].1, j + 1);
        }
    }
    best
}

/// The text of HTML: tags removed, the entities the renderer writes
/// decoded (a tag or a line break is a space).
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            out.push(' ');
            rest = rest.find('>').map_or("", |e| &rest[e + 1..]);
        } else {
            let end = rest.find(';').filter(|e| *e <= 10);
            let entity = end.map_or("", |e| &rest[1..e]);
            out.push_str(match entity {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "#39" | "#x27" | "apos" => "'",
                "nbsp" | "#160" => "\u{a0}",
                _ => " ",
            });
            rest = end.map_or(&rest[1..], |e| &rest[e + 1..]);
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typography_spaces_and_case_do_not_count() {
        let article = "<p>Pour elle, «\u{a0}le sens du travail se construit <em>ensemble</em>\u{202f}!\u{a0}» dit-elle.</p>";
        let quote = "Le sens du travail se construit ensemble !";
        assert_eq!(classify(quote, &plain_text(article)), Echo::Repeats);
        let apostrophe = plain_text("<p>C&#39;est l’affaire de tous.</p>");
        assert_eq!(
            classify("C’est l'affaire de tous", &apostrophe),
            Echo::Repeats
        );
    }

    #[test]
    fn a_quote_found_nowhere_is_unique() {
        let article = "Le télétravail est désormais ouvert à tous les agents.";
        assert_eq!(
            classify("La confiance se construit au quotidien.", article),
            Echo::Unique
        );
        assert_eq!(classify("sens", "le sensible"), Echo::Unique);
    }

    #[test]
    fn a_typo_is_almost_and_names_the_passage_as_written() {
        let article = "Avant tout, « Adapter le poste est une nécessité » pour chacun.";
        let echo = classify("Adapter le poste est une nécessisté.", article);
        assert_eq!(
            echo,
            Echo::Almost {
                passage: "Adapter le poste est une nécessité".to_string()
            }
        );
    }

    #[test]
    fn plain_text_removes_tags_and_decodes_entities() {
        assert_eq!(plain_text("<p>a&amp;b&nbsp;c</p>"), " a&b\u{a0}c ");
    }
}
