//! A phonetic key for romanised Indian names, so that spelling and transliteration
//! variants of one name meet: `Mohammad`/`Mohammed`/`Muhammad`, `Laxmi`/`Lakshmi`,
//! `Devi`/`Debi`, `Chowdhury`/`Choudhary`. It is computed here, in plain Rust, so
//! SQLite and PostgreSQL store and compare the same keys.
//!
//! The rules, in order: keep ASCII letters; fold the aspirated and alternative
//! spellings (`w` after a vowel, `ksh`/`x`, `ph`/`f`, `bh`, `dh`, `th`, `kh`, `gh`, `jh`, `chh`/`ch`,
//! `sh`/`s`, `w`/`v`/`b`, `z`/`j`, `q`/`k`, `ck`/`k`, `y`/`i`); drop every vowel but a
//! leading one (which becomes `a`), and `h` at the end; collapse doubled letters.

/// The key of one word ("" for a word with no Latin letters).
pub fn word_key(word: &str) -> String {
    let mut s: String = word
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    // A `w` after a vowel is part of the vowel (`Chowdhury` = `Choudhury`).
    let mut prev_vowel = false;
    s = s
        .chars()
        .map(|c| {
            let c = if c == 'w' && prev_vowel { 'u' } else { c };
            prev_vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
            c
        })
        .collect();
    for (from, to) in [
        ("ksh", "x"),
        ("ks", "x"),
        ("chh", "c"),
        ("ch", "c"),
        ("sh", "s"),
        ("ph", "f"),
        ("bh", "b"),
        ("dh", "d"),
        ("th", "t"),
        ("kh", "k"),
        ("gh", "g"),
        ("jh", "j"),
        ("ck", "k"),
        ("q", "k"),
        ("w", "b"),
        ("v", "b"),
        ("z", "j"),
        ("y", "i"),
    ] {
        s = s.replace(from, to);
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
        let mapped = match (i, vowel) {
            (0, true) => 'a',
            (_, true) => continue,
            _ => c,
        };
        if out.ends_with(mapped) {
            continue;
        }
        out.push(mapped);
    }
    if out.len() > 1 && out.ends_with('h') {
        out.pop();
    }
    out
}

/// The key of a whole name part (given or family name): its words' keys, joined.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(word_key)
        .filter(|k| !k.is_empty())
        .collect::<Vec<_>>()
        .join("")
}

/// The key of the first word only (what a clerk searching by given name types).
pub fn first_word_key(name: &str) -> String {
    name.split_whitespace()
        .map(word_key)
        .find(|k| !k.is_empty())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) {
        assert_eq!(name_key(a), name_key(b), "{a} / {b}");
    }

    #[test]
    fn transliteration_variants_meet() {
        same("Mohammad", "Mohammed");
        same("Mohammad", "Muhammad");
        same("Laxmi", "Lakshmi");
        same("Devi", "Debi");
        same("Chowdhury", "Choudhury");
        same("Srivastava", "Shrivastav");
        same("Sheikh", "Shaikh");
        same("Aishwarya", "Aishvarya");
        same("Rehman", "Rahman");
        same("Vijay", "Vijai");
        same("Imran", "Emran");
        same("Siddharth", "Sidharth");
        same("Priya", "Priyaa");
    }

    #[test]
    fn different_names_stay_apart() {
        for (a, b) in [
            ("Lakshmi", "Laxman"),
            ("Ravi", "Rani"),
            ("Amit", "Sumit"),
            ("Mohan", "Madan"),
            ("Sita", "Gita"),
        ] {
            assert_ne!(name_key(a), name_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn non_latin_and_empty_words() {
        assert_eq!(name_key("लक्ष्मी"), "");
        assert_eq!(first_word_key("  Md. Rafiq "), "md");
        assert_eq!(
            name_key("Lakshmi Devi"),
            format!("{}{}", word_key("Laxmi"), word_key("Debi"))
        );
    }
}
