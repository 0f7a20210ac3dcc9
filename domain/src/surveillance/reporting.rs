//! Weekly reporting: each reporting unit (an operational facility) sends its week's
//! report, a nil report when it saw no case, so that silence means "did not report"
//! and never "nothing happened". **Completeness** is the share of units that reported;
//! **timeliness** the share that reported by the deadline, the end of the Monday after
//! the week (IST), as IDSP asks for the weekly forms on Monday.

use super::epi_week::EpiWeek;
use crate::access::Principal;
use crate::error::{DomainError, DomainResult};
use crate::ids::FacilityId;
use crate::role::{Role, RoleScope};
use crate::unit::UnitPath;
use chrono::{DateTime, Duration, NaiveTime, Utc};

/// The end of the Monday after the week, in India: reports after it are late.
pub fn deadline(week: EpiWeek) -> DateTime<Utc> {
    let tuesday = week.sunday() + Duration::days(2);
    // Midnight in India is 18:30 UTC the day before.
    tuesday.and_time(NaiveTime::MIN).and_utc() - Duration::minutes(330)
}

/// Reported by the deadline?
pub fn on_time(week: EpiWeek, submitted: DateTime<Utc>) -> bool {
    submitted < deadline(week)
}

/// A week may be reported from its own days on (a unit may send its week on Sunday
/// evening), never for a week still to come.
pub fn reportable(week: EpiWeek, now: DateTime<Utc>) -> DomainResult<()> {
    if week > EpiWeek::of_instant(now) {
        return Err(DomainError::validation(
            "week",
            "a week is reported once it has begun, not before",
        ));
    }
    Ok(())
}

/// May the caller send a facility's weekly report? Staff of the facility, and the
/// reporting roles (health workers, nurses, doctors, laboratory technicians, facility
/// administrators, surveillance officers) whose scope holds it.
pub fn may_report_for(principal: &Principal, facility: FacilityId, path: &UnitPath) -> bool {
    let Principal::Staff { grants, .. } = principal else {
        return false;
    };
    grants.iter().any(|g| {
        let reporting = matches!(
            g.role,
            Role::Surveyor
                | Role::Nurse
                | Role::Doctor
                | Role::LabTechnician
                | Role::FacilityAdmin
                | Role::SurveillanceOfficer
        );
        reporting
            && match g.scope {
                RoleScope::Tenant => true,
                RoleScope::Unit(u) => path.contains(u),
                RoleScope::Facility(f) => f == facility,
            }
    })
}

/// One week's reporting in a place.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub expected: i64,
    pub reported: i64,
    pub on_time: i64,
}

impl Tally {
    /// Percentages, whole; none when no unit is expected to report.
    pub fn completeness(&self) -> Option<i64> {
        (self.expected > 0).then(|| self.reported * 100 / self.expected)
    }
    pub fn timeliness(&self) -> Option<i64> {
        (self.expected > 0).then(|| self.on_time * 100 / self.expected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{TenantId, UnitId, UserId};
    use crate::role::RoleGrant;
    use chrono::TimeZone;

    #[test]
    fn the_deadline_is_the_end_of_monday_in_india() {
        let w = EpiWeek::parse("2026W49", "w").unwrap(); // 30 Nov to 6 Dec 2026
        assert_eq!(
            deadline(w),
            Utc.with_ymd_and_hms(2026, 12, 7, 18, 30, 0).unwrap()
        );
        // Monday 23:59 IST is on time; Tuesday 00:01 IST is late.
        assert!(on_time(
            w,
            Utc.with_ymd_and_hms(2026, 12, 7, 18, 29, 0).unwrap()
        ));
        assert!(!on_time(
            w,
            Utc.with_ymd_and_hms(2026, 12, 7, 18, 31, 0).unwrap()
        ));
    }

    #[test]
    fn weeks_to_come_are_not_reported() {
        let now = Utc.with_ymd_and_hms(2026, 12, 2, 6, 0, 0).unwrap(); // in 2026W49
        assert!(reportable(EpiWeek::parse("2026W49", "w").unwrap(), now).is_ok());
        assert!(reportable(EpiWeek::parse("2026W50", "w").unwrap(), now).is_err());
    }

    #[test]
    fn who_reports_for_a_facility() {
        let (district, other) = (UnitId::new(), UnitId::new());
        let path = UnitPath::root(district).child(UnitId::new());
        let f = FacilityId(uuid::Uuid::now_v7());
        let staff = |role, unit: Option<UnitId>, facility: Option<FacilityId>| Principal::Staff {
            id: UserId(uuid::Uuid::nil()),
            tenant: TenantId(uuid::Uuid::nil()),
            grants: vec![RoleGrant::new(role, unit, facility).unwrap()],
        };
        assert!(may_report_for(&staff(Role::Nurse, None, Some(f)), f, &path));
        assert!(may_report_for(
            &staff(Role::SurveillanceOfficer, Some(district), None),
            f,
            &path
        ));
        assert!(!may_report_for(
            &staff(Role::SurveillanceOfficer, Some(other), None),
            f,
            &path
        ));
        assert!(!may_report_for(
            &staff(Role::Pharmacist, None, Some(f)),
            f,
            &path
        ));
        assert_eq!(
            Tally {
                expected: 4,
                reported: 3,
                on_time: 2
            }
            .completeness(),
            Some(75)
        );
        assert_eq!(Tally::default().timeliness(), None);
    }
}
