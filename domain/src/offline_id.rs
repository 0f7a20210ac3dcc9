//! Ids made on a phone. A record created offline needs its id before the server has
//! seen it (members are enrolled into a household that is still in the phone's
//! queue), so create mutations accept a UUID v7 made by the client. The version and
//! its clock are checked: a v4 or a hand-typed id would lose v7's time order, and a
//! clock far ahead would sort the record after everything made for years.

use crate::error::{DomainError, DomainResult};
use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

/// How far a phone's clock may run ahead of the server's.
pub const CLOCK_AHEAD: Duration = Duration::hours(24);
/// How long an item may wait in a phone's queue before it is refused as too old.
pub const QUEUE_AGE: Duration = Duration::days(366);

/// A client-made id, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfflineId(Uuid);

impl OfflineId {
    /// `field` names the input for the error; `now` is the server's time.
    pub fn parse(field: &str, id: Uuid, now: DateTime<Utc>) -> DomainResult<Self> {
        if id.get_version_num() != 7 {
            return Err(DomainError::validation(
                field,
                "must be a UUID version 7 (time-ordered), made when the record was created",
            ));
        }
        let made = id
            .get_timestamp()
            .map(|t| t.to_unix())
            .and_then(|(secs, nanos)| DateTime::<Utc>::from_timestamp(secs as i64, nanos));
        match made {
            Some(t) if t > now + CLOCK_AHEAD => Err(DomainError::validation(
                field,
                "was made in the future: check the phone's date and time",
            )),
            Some(t) if t < now - QUEUE_AGE => Err(DomainError::validation(
                field,
                "was made more than a year ago",
            )),
            Some(_) => Ok(Self(id)),
            None => Err(DomainError::validation(field, "has no time in it")),
        }
    }

    pub fn uuid(self) -> Uuid {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::{NoContext, Timestamp};

    fn v7_at(t: DateTime<Utc>) -> Uuid {
        Uuid::new_v7(Timestamp::from_unix(
            NoContext,
            t.timestamp() as u64,
            t.timestamp_subsec_nanos(),
        ))
    }

    #[test]
    fn a_fresh_v7_is_taken() {
        let now = Utc::now();
        let id = v7_at(now - Duration::days(3));
        assert_eq!(OfflineId::parse("id", id, now).unwrap().uuid(), id);
    }

    #[test]
    fn other_versions_are_refused() {
        let v4 = Uuid::parse_str("9b2f7c1e-8c0a-4f1d-9a4b-3e5d6c7b8a90").unwrap();
        let err = OfflineId::parse("input.id", v4, Utc::now()).unwrap_err();
        assert!(matches!(err, DomainError::Validation { ref field, .. } if field == "input.id"));
    }

    #[test]
    fn a_clock_far_ahead_or_a_year_old_id_is_refused() {
        let now = Utc::now();
        assert!(OfflineId::parse("id", v7_at(now + Duration::hours(2)), now).is_ok());
        assert!(OfflineId::parse("id", v7_at(now + Duration::days(2)), now).is_err());
        assert!(OfflineId::parse("id", v7_at(now - Duration::days(400)), now).is_err());
    }
}
