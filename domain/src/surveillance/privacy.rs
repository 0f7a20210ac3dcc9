//! Minimal disclosure: outside surveillance roles, and in anything public or across
//! districts, a count from 1 to 4 is shown as "<5" so that a small village's case
//! cannot be pinned to a person.

/// Below this, a count is not shown exactly.
pub const SMALLEST_SHOWN: i64 = 5;

/// A count as it may be shown: exactly, or only as "fewer than five".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Exact(i64),
    FewerThanFive,
}

pub fn shown(count: i64, exact_allowed: bool) -> Shown {
    if exact_allowed || count == 0 || count >= SMALLEST_SHOWN {
        Shown::Exact(count)
    } else {
        Shown::FewerThanFive
    }
}

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Shown::Exact(n) => write!(f, "{n}"),
            Shown::FewerThanFive => f.write_str("<5"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_to_four_are_hidden_unless_allowed() {
        let s = |n, a| shown(n, a).to_string();
        assert_eq!(
            [s(0, false), s(1, false), s(4, false), s(5, false)],
            ["0", "<5", "<5", "5"]
        );
        assert_eq!(s(3, true), "3");
    }
}
