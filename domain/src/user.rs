//! Staff accounts: usernames, e-mail addresses, display names and passwords.

use crate::error::{DomainError, DomainResult};
use std::fmt;

/// 3 to 64 characters of lowercase ASCII letters, digits, `.`, `_` and `-`,
/// starting with a letter or digit. Stored lowercase, so `Asha` and `asha` are one user.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        let name = raw.trim().to_ascii_lowercase();
        let valid_chars = name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
        let starts_ok = name
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphanumeric());
        if !(3..=64).contains(&name.len()) || !valid_chars || !starts_ok {
            return Err(DomainError::validation(
                "username",
                "must be 3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
            ));
        }
        Ok(Self(name))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An e-mail address, checked for shape (one `@`, a dotted domain) and stored lowercase.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        let email = raw.trim().to_lowercase();
        let err = || DomainError::validation("email", "is not a valid e-mail address");
        if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(err());
        }
        let (local, domain) = email.split_once('@').ok_or_else(err)?;
        let domain_ok = domain.contains('.')
            && !domain.contains('@')
            && domain
                .split('.')
                .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'));
        if local.is_empty() || local.len() > 64 || !domain_ok {
            return Err(err());
        }
        // `wb.аdmin@…` with a Cyrillic `а` looks like another account's address: each
        // part must be written in one script (digits and punctuation go with any).
        use unicode_security::MixedScript;
        if !local.is_single_script() || !domain.is_single_script() {
            return Err(DomainError::validation(
                "email",
                "mixes letters of different scripts that look alike: type it in one script",
            ));
        }
        Ok(Self(email))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a user typed to log in: a username or an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginName {
    Username(Username),
    Email(Email),
}

impl LoginName {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        if raw.contains('@') {
            Email::parse(raw).map(LoginName::Email)
        } else {
            Username::parse(raw).map(LoginName::Username)
        }
        .map_err(|_| DomainError::bad_credentials())
    }
    /// The normalised form, used to key login throttling.
    pub fn as_str(&self) -> &str {
        match self {
            LoginName::Username(u) => u.as_str(),
            LoginName::Email(e) => e.as_str(),
        }
    }
}

/// A person's name as they want it shown, 1 to 120 characters, any script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        let name = raw.trim();
        if !(1..=120).contains(&name.chars().count()) {
            return Err(DomainError::validation(
                "displayName",
                "must be 1 to 120 characters",
            ));
        }
        if name.chars().any(char::is_control) {
            return Err(DomainError::validation(
                "displayName",
                "must not contain control characters",
            ));
        }
        Ok(Self(name.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What the name looks like, for telling look-alikes apart (Unicode's confusable
    /// skeleton, UTS #39, lower-cased, spaces collapsed): `Stаte Admin` with a Cyrillic
    /// `а` and `State  admin` both give the skeleton of `state admin`.
    pub fn skeleton(&self) -> String {
        let lowered = self.0.to_lowercase();
        let collapsed = lowered.split_whitespace().collect::<Vec<_>>().join(" ");
        unicode_security::skeleton(&collapsed).collect()
    }
}

/// A new password that meets the policy. Never printed: `Debug` shows `[REDACTED]`.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

pub const MIN_PASSWORD_CHARS: usize = 10;
pub const MAX_PASSWORD_CHARS: usize = 128;

impl NewPassword {
    /// Length 10 to 128 characters (any script; passphrases welcome), not a single
    /// repeated character, and not the username itself.
    pub fn parse(raw: &str, field: &str, username: Option<&Username>) -> DomainResult<Self> {
        let len = raw.chars().count();
        if !(MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&len) {
            return Err(DomainError::validation(
                field,
                format!("must be {MIN_PASSWORD_CHARS} to {MAX_PASSWORD_CHARS} characters"),
            ));
        }
        let mut chars = raw.chars();
        let first = chars.next();
        if chars.all(|c| Some(c) == first) {
            return Err(DomainError::validation(
                field,
                "must not be one character repeated",
            ));
        }
        if username.is_some_and(|u| raw.trim().eq_ignore_ascii_case(u.as_str())) {
            return Err(DomainError::validation(field, "must not be the username"));
        }
        Ok(Self(raw.to_owned()))
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword([REDACTED])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames() {
        assert_eq!(
            Username::parse(" Asha.Devi ").unwrap().as_str(),
            "asha.devi"
        );
        for bad in ["ab", "-abc", "a b c", "asha@x", &"a".repeat(65), "अशा"] {
            assert!(Username::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn emails() {
        assert_eq!(
            Email::parse("Admin@WB.gov.in").unwrap().as_str(),
            "admin@wb.gov.in"
        );
        for bad in [
            "", "a@", "@b.in", "a@b", "a b@c.in", "a@b@c.in", "a@-b.in", "a@b..in",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} accepted");
        }
        // A Cyrillic а (U+0430) among Latin letters, in the local part or the domain.
        for look_alike in [
            "wb.\u{430}dmin@demo.arogya.example",
            "admin@w\u{430}b.gov.in",
        ] {
            let e = Email::parse(look_alike).unwrap_err().to_string();
            assert!(e.contains("scripts"), "{look_alike}: {e}");
        }
        // One script throughout is fine, whatever the script.
        assert!(
            Email::parse("\u{92a}\u{930}\u{940}\u{915}\u{94d}\u{937}\u{93e}@example.in").is_ok()
        );
        assert!(Email::parse("dr.rina-2026@health.wb.gov.in").is_ok());
    }

    #[test]
    fn look_alike_display_names_share_a_skeleton() {
        let plain = DisplayName::parse("State Admin").unwrap().skeleton();
        for same in ["St\u{430}te Admin", "state  admin", "STATE ADMIN"] {
            assert_eq!(
                DisplayName::parse(same).unwrap().skeleton(),
                plain,
                "{same}"
            );
        }
        assert_ne!(
            DisplayName::parse("Estate Admin").unwrap().skeleton(),
            plain
        );
    }

    #[test]
    fn login_name_never_says_which_part_was_wrong() {
        assert!(matches!(
            LoginName::parse("x"),
            Err(DomainError::Unauthenticated { .. })
        ));
        assert!(matches!(
            LoginName::parse("admin@wb.gov.in"),
            Ok(LoginName::Email(_))
        ));
        assert!(matches!(
            LoginName::parse("admin"),
            Ok(LoginName::Username(_))
        ));
    }

    #[test]
    fn password_policy() {
        let user = Username::parse("asha.devi").unwrap();
        assert!(NewPassword::parse("correct horse", "password", Some(&user)).is_ok());
        assert!(NewPassword::parse("पासवर्ड-बहुत-लंबा", "password", None).is_ok());
        assert!(NewPassword::parse("short", "password", None).is_err());
        assert!(NewPassword::parse("aaaaaaaaaaaa", "password", None).is_err());
        assert!(NewPassword::parse(
            "ASHA.DEVI.K",
            "password",
            Some(&Username::parse("asha.devi.k").unwrap())
        )
        .is_err());
        assert!(NewPassword::parse(&"x1".repeat(65), "password", None).is_err());
    }

    #[test]
    fn password_debug_is_redacted() {
        let p = NewPassword::parse("correct horse", "password", None).unwrap();
        assert!(!format!("{p:?}").contains("horse"));
    }
}
