//! A phonetic key for romanised Indian names, so that spelling and transliteration
//! variants of one name meet: `Mohammad`/`Mohammed`/`Muhammad`, `Laxmi`/`Lakshmi`,
//! `Devi`/`Debi`, `Chowdhury`/`Choudhary`. It is computed here, in plain Rust, so
//! SQLite and PostgreSQL store and compare the same keys.
//!
//! The rules, in order: keep ASCII letters; fold the aspirated and alternative
//! spellings (`w` after a vowel, `ksh`/`x`, `ph`/`f`, `bh`, `dh`, `th`, `kh`, `gh`, `jh`, `chh`/`ch`,
//! `sh`/`s`, `w`/`v`/`b`, `z`/`j`, `q`/`k`, `ck`/`k`, `y`/`i`); drop every vowel but a
//! leading one (which becomes `a`), and `h` at the end; collapse doubled letters.

/// Devanagari (U+0900) and Bengali (U+0980) share one layout, inherited from ISCII:
/// the same letter sits at the same offset in both blocks. This maps an offset to the
/// usual romanisation; inherent vowels are left out (keys drop inner vowels anyway).
fn indic_letter(offset: u32, script_bengali: bool, word_start: bool) -> Option<&'static str> {
    Some(match offset {
        0x01 | 0x02 => "n",
        0x03 => "h",
        0x05 => "a",
        0x06 => "aa",
        0x07 => "i",
        0x08 => "ii",
        0x09 => "u",
        0x0A => "uu",
        0x0B => "ri",
        0x0F => "e",
        0x10 => "ai",
        0x13 => "o",
        0x14 => "au",
        0x15 => "k",
        0x16 => "kh",
        0x17 => "g",
        0x18 => "gh",
        0x19 | 0x1E | 0x23 | 0x28 | 0x29 => "n",
        0x1A => "ch",
        0x1B => "chh",
        0x1C => "j",
        0x1D => "jh",
        0x1F | 0x24 => "t",
        0x20 | 0x25 => "th",
        0x21 | 0x26 => "d",
        0x22 | 0x27 => "dh",
        0x2A => "p",
        0x2B => "ph",
        0x2C => "b",
        0x2D => "bh",
        0x2E => "m",
        // Bengali য is "j" at the start of a word (Jamuna), a glide elsewhere.
        0x2F if script_bengali && word_start => "j",
        0x2F => "y",
        0x30 | 0x31 => "r",
        0x32..=0x34 => "l",
        0x35 => "v",
        0x36 | 0x37 => "sh",
        0x38 => "s",
        0x39 => "h",
        0x3E => "aa",
        0x3F => "i",
        0x40 => "ii",
        0x41 => "u",
        0x42 => "uu",
        0x43 => "ri",
        0x47 => "e",
        0x48 => "ai",
        0x4B => "o",
        0x4C => "au",
        // ৎ (khanda ta)
        0x4E if script_bengali => "t",
        // Precomposed nukta letters: क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ (Bengali has ড় ঢ় য় here).
        0x58 => "q",
        0x59 => "kh",
        0x5A => "g",
        0x5B => "z",
        0x5C => "r",
        0x5D => "rh",
        0x5E => "f",
        0x5F => "y",
        _ => return None,
    })
}

/// A name written in Devanagari or Bengali, romanised the way clerks usually spell
/// it, so its key meets the key of the Latin spelling (লক্ষ্মী → "lkshmii", key of
/// "Lakshmi"). Other characters pass through unchanged.
pub fn romanise(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut word_start = true;
    for c in text.chars() {
        let cp = c as u32;
        let (base, bengali) = match cp {
            0x0900..=0x097F => (0x0900, false),
            0x0980..=0x09FF => (0x0980, true),
            _ => {
                out.push(c);
                word_start = c.is_whitespace();
                continue;
            }
        };
        let offset = cp - base;
        if offset == 0x3C {
            // Nukta changes the letter before it: ड़ → r, ढ़ → rh, क़ → q, ज़ → z, फ़ → f.
            for (from, to) in [
                ("dh", "rh"),
                ("ph", "f"),
                ("d", "r"),
                ("k", "q"),
                ("j", "z"),
            ] {
                if out.ends_with(from) {
                    out.truncate(out.len() - from.len());
                    out.push_str(to);
                    break;
                }
            }
            continue;
        }
        if let Some(latin) = indic_letter(offset, bengali, word_start) {
            out.push_str(latin);
        }
        word_start = false;
    }
    out
}

/// The key of one word ("" for a word with no Latin, Devanagari or Bengali letters).
pub fn word_key(word: &str) -> String {
    let romanised;
    let word = if word.chars().any(|c| ('\u{0900}'..='\u{09FF}').contains(&c)) {
        romanised = romanise(word);
        romanised.as_str()
    } else {
        word
    };
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
    fn local_script_names_meet_their_latin_spelling() {
        same("लक्ष्मी देवी", "Lakshmi Devi");
        same("লক্ষ্মী দেবী", "Laxmi Debi");
        same("মোহাম্মদ রফিক", "Mohammad Rafiq");
        same("राजेश कुमार", "Rajesh Kumar");
        same("গোপাল মণ্ডল", "Gopal Mondal");
        same("रवींद्र", "Ravindra");
        same("সঞ্জয় প্রসাদ", "Sanjay Prasad");
        same("बड़ा", "Bara");
        assert_ne!(name_key("सीता"), name_key("Gita"));
        assert_eq!(romanise("यमुना"), "ymunaa");
        assert_eq!(romanise("যমুনা"), "jmunaa");
    }

    #[test]
    fn non_latin_and_empty_words() {
        assert_eq!(name_key("مریم"), "");
        assert_eq!(first_word_key("  Md. Rafiq "), "md");
        assert_eq!(
            name_key("Lakshmi Devi"),
            format!("{}{}", word_key("Laxmi"), word_key("Debi"))
        );
    }
}
