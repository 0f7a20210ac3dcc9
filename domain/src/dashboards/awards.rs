//! Award rounds: a title, a decision over a frozen ranking, and what an award
//! certificate's QR code says.

use super::scorecard::Standing;
use crate::{DomainError, DomainResult};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A round's title, "Best district hospital in paediatrics, 2026–27".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwardTitle(String);

impl AwardTitle {
    pub fn parse(s: &str) -> DomainResult<Self> {
        let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if t.is_empty() || t.chars().count() > 160 {
            return Err(DomainError::validation(
                "title",
                "give the round a title of at most 160 characters",
            ));
        }
        Ok(Self(t))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub const MAX_WINNERS: usize = 10;

/// A winner as the decision names it: a ranked hospital of the frozen result and the
/// place awarded (1 for first).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Winner {
    pub facility: Uuid,
    pub place: u32,
    pub score: Option<f64>,
    pub rank: Option<u32>,
}

/// The decision of a round: a note (the committee's minutes, say) and its winners,
/// each a hospital ranked in the frozen result. The committee may depart from the
/// ranking's order (the note says why), but not award an unranked hospital.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub note: String,
    pub winners: Vec<Winner>,
}

impl Decision {
    pub fn parse(note: &str, winners: &[(Uuid, u32)], result: &[Standing]) -> DomainResult<Self> {
        let note = note.trim();
        if note.is_empty() || note.chars().count() > 2000 {
            return Err(DomainError::validation(
                "note",
                "record the decision in a note of at most 2,000 characters",
            ));
        }
        if winners.is_empty() || winners.len() > MAX_WINNERS {
            return Err(DomainError::validation(
                "winners",
                format!("name between 1 and {MAX_WINNERS} winners"),
            ));
        }
        let mut out: Vec<Winner> = Vec::new();
        for &(facility, place) in winners {
            if !(1..=MAX_WINNERS as u32).contains(&place) {
                return Err(DomainError::validation(
                    "winners",
                    format!("a place is from 1 to {MAX_WINNERS}"),
                ));
            }
            if out.iter().any(|w| w.facility == facility) {
                return Err(DomainError::validation(
                    "winners",
                    "a hospital is named twice",
                ));
            }
            let standing = result
                .iter()
                .find(|s| s.facility == facility && s.rank.is_some())
                .ok_or_else(|| {
                    DomainError::validation(
                        "winners",
                        "every winner must be a hospital ranked in the frozen result",
                    )
                })?;
            out.push(Winner {
                facility,
                place,
                score: standing.score,
                rank: standing.rank,
            });
        }
        out.sort_by_key(|w| w.place);
        Ok(Self {
            note: note.to_owned(),
            winners: out,
        })
    }
}

/// What an award certificate's QR code holds, signed with the tenant's card key
/// (verifiable offline against `/tenants/{code}/card-keys.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CertificateClaims {
    /// The tenant's code.
    pub tnt: String,
    /// The round and the facility.
    pub rid: String,
    pub fid: String,
    /// The round's title, the facility's name and its place.
    pub title: String,
    pub fac: String,
    pub place: u32,
    pub score: Option<f64>,
    /// When the decision was recorded (seconds since 1970).
    pub iat: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing(n: u128, rank: Option<u32>) -> Standing {
        Standing {
            facility: Uuid::from_u128(n),
            name: format!("H{n}"),
            volume: 10,
            rank,
            score: rank.map(|r| 100.0 - r as f64),
            parts: vec![],
        }
    }

    #[test]
    fn winners_come_from_the_ranked_hospitals_once_each() {
        let result = [
            standing(1, Some(1)),
            standing(2, Some(2)),
            standing(3, None),
        ];
        let d = Decision::parse(
            " Committee met. ",
            &[(Uuid::from_u128(2), 2), (Uuid::from_u128(1), 1)],
            &result,
        )
        .unwrap();
        assert_eq!(d.note, "Committee met.");
        assert_eq!(d.winners[0].facility, Uuid::from_u128(1));
        assert_eq!(d.winners[0].score, Some(99.0));
        assert_eq!(d.winners[1].rank, Some(2));
        // Not ranked, twice, no place, nothing said.
        assert!(Decision::parse("x", &[(Uuid::from_u128(3), 1)], &result).is_err());
        assert!(Decision::parse("x", &[(Uuid::from_u128(9), 1)], &result).is_err());
        assert!(Decision::parse(
            "x",
            &[(Uuid::from_u128(1), 1), (Uuid::from_u128(1), 2)],
            &result
        )
        .is_err());
        assert!(Decision::parse("x", &[(Uuid::from_u128(1), 0)], &result).is_err());
        assert!(Decision::parse(" ", &[(Uuid::from_u128(1), 1)], &result).is_err());
        assert!(Decision::parse("x", &[], &result).is_err());
    }

    #[test]
    fn titles_are_tidied_and_bounded() {
        assert_eq!(
            AwardTitle::parse("  Best  DH\tpaediatrics ")
                .unwrap()
                .as_str(),
            "Best DH paediatrics"
        );
        assert!(AwardTitle::parse("   ").is_err());
        assert!(AwardTitle::parse(&"x".repeat(161)).is_err());
    }
}
