//! URL-safe names: article slugs, heading ids, taxonomy term folders.
//!
//! One rule everywhere, so a heading id a writer guesses (`## Les chiffres` →
//! `#les-chiffres`) is the id Gazette writes: lower case, accents and ligatures
//! folded to ASCII (`À la Cnav` → `a-la-cnav`, `Œuvre` → `oeuvre`), every run
//! of other characters one dash, no leading or trailing dash. The result can
//! never be `.` or `..`, so a slug cannot climb out of the output folder.

/// Makes a URL-safe name of any text; empty when nothing is left.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            push_char(&mut out, &mut dash, c.to_ascii_lowercase());
        } else if c.is_ascii() {
            dash = !out.is_empty();
        } else {
            // Apostrophes inside words (l’équipe) separate like spaces.
            for folded in deunicode::deunicode_char(c).unwrap_or("-").chars() {
                if folded.is_ascii_alphanumeric() {
                    push_char(&mut out, &mut dash, folded.to_ascii_lowercase());
                } else {
                    dash = !out.is_empty();
                }
            }
        }
    }
    out
}

fn push_char(out: &mut String, dash: &mut bool, c: char) {
    if *dash {
        out.push('-');
        *dash = false;
    }
    out.push(c);
}

/// A file or folder name made into a slug: a leading `YYYY-MM-DD-` is dropped.
pub fn slug_from_file_name(stem: &str) -> String {
    let bytes = stem.as_bytes();
    let dated = bytes.len() > 11
        && bytes[..10].iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
        && bytes[10] == b'-';
    slugify(if dated { &stem[11..] } else { stem })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_punctuation() {
        assert_eq!(slugify("À la Cnav"), "a-la-cnav");
        assert_eq!(slugify("Les chiffres"), "les-chiffres");
        assert_eq!(slugify("Qu’est-ce que c’est ?"), "qu-est-ce-que-c-est");
        assert_eq!(
            slugify("Œuvre sociale : 1 300 €"),
            "oeuvre-sociale-1-300-eur"
        );
        assert_eq!(slugify("../../etc"), "etc");
        assert_eq!(slugify("…"), "");
        assert_eq!(slugify("Été 2024"), "ete-2024");
    }

    #[test]
    fn drops_date_prefix() {
        assert_eq!(slug_from_file_name("2026-03-12-mon-titre"), "mon-titre");
        assert_eq!(slug_from_file_name("2026-mon-titre"), "2026-mon-titre");
    }
}
