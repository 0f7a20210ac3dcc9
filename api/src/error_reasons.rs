//! Stable reason codes for validation messages, so a client can say them in the user's
//! language (`extensions.reason`, with the numbers in `extensions.params`). The domain
//! words its rules from a few templates; each template is one reason. A message that
//! fits none is `INVALID` and the client shows the message itself.

use async_graphql::indexmap::IndexMap;
use async_graphql::{Name, Value};

type Params = IndexMap<Name, Value>;

fn numbers(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .filter(|w| !w.is_empty() && w.chars().any(|c| c.is_ascii_digit()))
        .map(|w| w.trim_end_matches('.').to_owned())
        .collect()
}

fn params(pairs: &[(&str, String)]) -> Params {
    pairs
        .iter()
        .map(|(k, v)| (Name::new(*k), Value::String(v.clone())))
        .collect()
}

/// The reason code of a validation message, and its numbers.
pub fn reason_of(message: &str) -> (&'static str, Params) {
    let m = message.trim();
    let n = numbers(m);
    let get = |i: usize| n.get(i).cloned().unwrap_or_default();
    if m == "must not be empty" || m.starts_with("give the ") && m.contains("required") {
        return ("REQUIRED", Params::new());
    }
    if m.starts_with("must be at most ") && m.ends_with(" characters") {
        return ("TOO_LONG", params(&[("max", get(0))]));
    }
    if m.starts_with("must be ") && m.contains(" to ") && m.ends_with(" characters") {
        return ("LENGTH", params(&[("min", get(0)), ("max", get(1))]));
    }
    if m.contains("is not possible: expected") {
        return (
            "IMPOSSIBLE",
            params(&[("value", get(0)), ("low", get(1)), ("high", get(2))]),
        );
    }
    if m == "must not be in the future" || m == "is in the future" {
        return ("IN_FUTURE", Params::new());
    }
    if m.contains("must not be in the past") {
        return ("IN_PAST", Params::new());
    }
    if m.starts_with("prove your e-mail address first") {
        return ("EMAIL_UNPROVED", Params::new());
    }
    if m.starts_with("mixes letters of different scripts") {
        return ("MIXED_SCRIPTS", Params::new());
    }
    if m == "must be letters, not digits or symbols" {
        return ("LETTERS_ONLY", Params::new());
    }
    if m.starts_with("must be an Indian mobile number") {
        return ("MOBILE", Params::new());
    }
    if m == "a PIN code is 6 digits" {
        return ("PINCODE", Params::new());
    }
    if m.starts_with("give the date of birth or the age, not both") {
        return ("BIRTH_OR_AGE", Params::new());
    }
    if m.starts_with("give the date of birth, or the age") {
        return ("BIRTH_NEEDED", Params::new());
    }
    if m.starts_with("write the given name in Latin letters") {
        return ("LATIN_NAME", Params::new());
    }
    if m.starts_with("must be between ")
        || (m.starts_with("must be ") && m.contains(" to ") && n.len() >= 2)
    {
        return ("RANGE", params(&[("low", get(0)), ("high", get(1))]));
    }
    if m == "record at least one measurement" {
        return ("NOTHING_GIVEN", Params::new());
    }
    ("INVALID", Params::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_map_to_reasons_with_their_numbers() {
        let (r, p) = reason_of("must be at most 80 characters");
        assert_eq!(
            (r, p.get("max").cloned()),
            ("TOO_LONG", Some(Value::String("80".into())))
        );
        let (r, p) = reason_of("must be 2 to 200 characters");
        assert_eq!(r, "LENGTH");
        assert_eq!(p.get("min"), Some(&Value::String("2".into())));
        assert_eq!(
            reason_of("150 % is not possible: expected 0 to 100").0,
            "IMPOSSIBLE"
        );
        assert_eq!(reason_of("must be 1 to 365 days").0, "RANGE");
        assert_eq!(
            reason_of("prove your e-mail address first: enter the code sent to it").0,
            "EMAIL_UNPROVED"
        );
        assert_eq!(reason_of("must be between 0 and 120").0, "RANGE");
        assert_eq!(reason_of("must not be empty").0, "REQUIRED");
        assert_eq!(
            reason_of("must be an Indian mobile number: 10 digits starting with 6, 7, 8 or 9").0,
            "MOBILE"
        );
        assert_eq!(reason_of("something else entirely").0, "INVALID");
    }
}
