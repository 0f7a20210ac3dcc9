//! Likely duplicates at registration. The database fetches candidates by the indexed
//! keys (phone, national-ID hash, phonetic name keys with a birth-year window); these
//! rules decide which of them to show the clerk, and why, strongest first.

use super::details::NameKeys;

/// How many years apart two birth years may be and still match: people often do not
/// know their exact age, so an estimated year gets a wider window.
pub fn birth_year_window(estimated: bool) -> i32 {
    if estimated {
        5
    } else {
        2
    }
}

text_enum!(MatchReason, "reason" {
    SameNationalId => "same_national_id",
    SamePhone => "same_phone",
    SimilarNameAndAge => "similar_name_and_age",
});

/// What is known of a candidate, compared with the new registration.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub same_national_id: bool,
    pub same_phone: bool,
    pub keys: NameKeys,
    pub birth_year: i32,
    pub birth_estimated: bool,
}

/// Why `c` looks like the person being registered (empty: it does not). The
/// strongest reason comes first.
pub fn reasons(
    keys: &NameKeys,
    birth_year: i32,
    estimated: bool,
    c: &Candidate,
) -> Vec<MatchReason> {
    let mut out = Vec::new();
    if c.same_national_id {
        out.push(MatchReason::SameNationalId);
    }
    if c.same_phone {
        out.push(MatchReason::SamePhone);
    }
    let window = birth_year_window(estimated || c.birth_estimated);
    let names_meet =
        !keys.given.is_empty() && c.keys.given == keys.given && c.keys.family == keys.family;
    if names_meet && (c.birth_year - birth_year).abs() <= window {
        out.push(MatchReason::SimilarNameAndAge);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(given: &str, family: Option<&str>, year: i32, phone: bool) -> Candidate {
        Candidate {
            same_national_id: false,
            same_phone: phone,
            keys: NameKeys::of(given, family),
            birth_year: year,
            birth_estimated: false,
        }
    }

    #[test]
    fn variants_with_close_birth_years_match() {
        let keys = NameKeys::of("Mohammed", Some("Rafiq"));
        let r = reasons(
            &keys,
            1980,
            false,
            &cand("Mohammad", Some("Rafique"), 1981, false),
        );
        assert_eq!(r, vec![MatchReason::SimilarNameAndAge]);
        assert!(reasons(
            &keys,
            1980,
            false,
            &cand("Mohammad", Some("Rafiq"), 1990, false)
        )
        .is_empty());
        assert_eq!(
            reasons(
                &keys,
                1980,
                true,
                &cand("Mohammad", Some("Rafiq"), 1985, false)
            ),
            vec![MatchReason::SimilarNameAndAge]
        );
        assert_eq!(
            reasons(&keys, 1980, false, &cand("Sunil", None, 1950, true)),
            vec![MatchReason::SamePhone]
        );
    }
}
