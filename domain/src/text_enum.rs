//! Enums stored and exchanged as stable lowercase text.

/// Declare an enum whose variants have fixed text forms (`as_str`, `parse`), with
/// `parse` failing as a validation error on `$field`.
macro_rules! text_enum {
    ($(#[$doc:meta])* $name:ident, $field:literal { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            pub fn parse(s: &str) -> DomainResult<Self> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(DomainError::validation($field, format!("unknown value {s}"))),
                }
            }
        }
    };
}
