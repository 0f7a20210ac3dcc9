//! Indian phone numbers as people write them: spaces, hyphens and brackets, with or
//! without `+91`/`91`, with or without a trunk `0`.

/// The number without separators and without the country code or trunk prefix
/// (ten digits when it is a well-formed Indian number; anything else is left for the
/// caller to reject).
pub fn national_part(raw: &str) -> String {
    let digits: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    let rest = digits.strip_prefix("+91").unwrap_or(&digits);
    let rest = match rest.len() {
        12 => rest.strip_prefix("91").unwrap_or(rest),
        11 => rest.strip_prefix('0').unwrap_or(rest),
        _ => rest,
    };
    rest.to_owned()
}

#[cfg(test)]
mod tests {
    use super::national_part;

    #[test]
    fn strips_country_code_trunk_zero_and_separators() {
        for raw in [
            "+91 98300 12345",
            "919830012345",
            "09830012345",
            "(98300) 12-345",
        ] {
            assert_eq!(national_part(raw), "9830012345", "{raw}");
        }
        assert_eq!(national_part("12345"), "12345");
    }
}
