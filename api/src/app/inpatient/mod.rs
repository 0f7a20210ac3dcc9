//! Inpatient care's use cases: setting up wards and beds, admitting, moving and
//! discharging patients, recording their condition, the ward board, the monitoring
//! list and occupancy for officials, and the two public pages (free beds, and a
//! family's view of their patient after a one-time code).
//!
//! Every mutation is audited in its own transaction; every read that shows patients
//! is audited too (the family's view also goes to the patient's access log).

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{FacilityId, TenantId};
use arogya_domain::inpatient::access::{self as rules, Sight};
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::queue_bus::WardEvent;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::facilities::{self, FacilityRecord};
use arogya_infra::repos::inpatient::admissions::{self, AdmissionRecord};
use arogya_infra::repos::inpatient::wards::{self as ward_repo, BedRecord, WardRecord};
use arogya_infra::repos::professionals;
use arogya_infra::TenantTx;
use uuid::Uuid;

pub mod census;
pub mod chart;
mod conditions;
pub mod duty;
mod family;
pub mod live_counts;
mod locations;
mod monitoring;
pub mod public;
mod referrals;
pub mod register;
pub mod registers;
mod reservations;
pub mod settings;
mod setup;
mod stays;

pub use family::{
    family_status, request_family_code, FamilyCodeRequested, FamilyLookup, FamilyStatus,
};
pub use monitoring::{AdmissionDetail, AdmittedPatient, Monitoring, MonitoringFilter};
pub use monitoring::{BedOnBoard, Occupancy, OccupancyRow, WardBoard};
pub use setup::CapacityCheck;
pub use stays::{AdmitInput, AttendantInput};

pub struct Inpatient<'a> {
    pub state: &'a AppState,
    pub principal: &'a Principal,
    pub meta: RequestMeta,
}

fn not_found(entity: &'static str) -> ApiError {
    DomainError::NotFound { entity }.into()
}

impl Inpatient<'_> {
    fn tenant(&self) -> ApiResult<TenantId> {
        self.principal.tenant().ok_or_else(|| {
            ApiError::Forbidden("platform administrators do not work on the wards".into())
        })
    }

    async fn tx(&self, access: Access) -> ApiResult<TenantTx> {
        Ok(self.state.db.tenant_tx(self.tenant()?, access).await?)
    }

    /// The facilities the caller is posted at today, and their professional id.
    async fn postings(&self, tx: &TenantTx) -> ApiResult<(Option<Uuid>, Vec<FacilityId>)> {
        let Some(p) = professionals::find_by_user(tx, self.principal.user_id().0).await? else {
            return Ok((None, Vec::new()));
        };
        let today = crate::app::professionals::today();
        let posted = professionals::attachments_of_professionals(tx, &[p.id], Some(today))
            .await?
            .into_iter()
            .map(|a| FacilityId(a.facility_id))
            .collect();
        Ok((Some(p.id), posted))
    }

    async fn sight(&self, tx: &TenantTx) -> ApiResult<Sight> {
        // Postings matter only to ward staff: officials are spared the lookup.
        if !rules::WARD_ROLES
            .iter()
            .any(|r| self.principal.has_role(*r))
        {
            return Ok(Sight::of(self.principal, &[]));
        }
        let (_, postings) = self.postings(tx).await?;
        Ok(Sight::of(self.principal, &postings))
    }

    async fn facility(&self, tx: &TenantTx, id: Uuid) -> ApiResult<FacilityRecord> {
        facilities::find(tx, FacilityId(id))
            .await?
            .ok_or_else(|| not_found("facility"))
    }

    /// A facility the caller may see; others look absent.
    async fn visible_facility(&self, tx: &TenantTx, id: Uuid) -> ApiResult<FacilityRecord> {
        let f = self.facility(tx, id).await?;
        if self.sight(tx).await?.sees(
            FacilityId(f.id),
            &UnitPath::from_stored(f.unit_path.clone()),
        ) {
            Ok(f)
        } else {
            Err(ApiError::Forbidden(
                "you do not work at this facility or oversee it".into(),
            ))
        }
    }

    /// Bed managers: the facility's administrator, or state and district
    /// administrators in reach.
    async fn require_manager(&self, tx: &TenantTx, facility: Uuid) -> ApiResult<FacilityRecord> {
        let f = self.facility(tx, facility).await?;
        if rules::manages(
            self.principal,
            FacilityId(f.id),
            &UnitPath::from_stored(f.unit_path.clone()),
        ) {
            Ok(f)
        } else {
            Err(ApiError::Forbidden(
                "only the facility's administrator, or the state or district administration, sets up its wards and beds".into(),
            ))
        }
    }

    /// Ward staff posted at the facility (their professional id), or a bed manager
    /// (`None`) when `managers_too`.
    pub(super) async fn require_ward_staff(
        &self,
        tx: &TenantTx,
        facility: Uuid,
        managers_too: bool,
    ) -> ApiResult<Option<Uuid>> {
        let f = self.facility(tx, facility).await?;
        let (professional, postings) = self.postings(tx).await?;
        if rules::works_at(self.principal, FacilityId(f.id), &postings) {
            return Ok(professional);
        }
        if managers_too
            && rules::manages(
                self.principal,
                FacilityId(f.id),
                &UnitPath::from_stored(f.unit_path),
            )
        {
            return Ok(None);
        }
        Err(ApiError::Forbidden(
            "only doctors and nurses posted at this facility do this".into(),
        ))
    }

    async fn ward(&self, tx: &TenantTx, id: Uuid) -> ApiResult<WardRecord> {
        ward_repo::find_ward(tx, id)
            .await?
            .ok_or_else(|| not_found("ward"))
    }

    async fn bed(&self, tx: &TenantTx, id: Uuid) -> ApiResult<BedRecord> {
        ward_repo::find_bed(tx, id)
            .await?
            .ok_or_else(|| not_found("bed"))
    }

    async fn admission(&self, tx: &TenantTx, id: Uuid) -> ApiResult<AdmissionRecord> {
        admissions::find(tx, id)
            .await?
            .ok_or_else(|| not_found("admission"))
    }

    async fn audit(
        &self,
        tx: &mut TenantTx,
        action: AuditAction,
        entity: &'static str,
        id: Uuid,
        detail: serde_json::Value,
    ) -> ApiResult<()> {
        let event = NewAuditEvent::new(Actor::from(self.principal), action, entity, Some(id))
            .with_detail(detail);
        audit::record(tx, &self.meta, event).await?;
        Ok(())
    }
}

impl Inpatient<'_> {
    /// Tell the monitoring lists (on PostgreSQL at commit, from every instance); call
    /// `told` with the result after the commit.
    async fn announce(
        &self,
        tx: &TenantTx,
        a: &AdmissionRecord,
        action: &str,
    ) -> ApiResult<WardEvent> {
        let e = WardEvent {
            tenant: tx.tenant().0,
            facility: a.facility_id,
            ward: a.ward_id,
            admission: a.id,
            action: action.to_owned(),
            category: a.category.clone(),
            life_support: a.life_support.clone(),
            at: chrono::Utc::now(),
        };
        self.state.wards.announce(tx, &e).await?;
        Ok(e)
    }

    fn told(&self, e: WardEvent) {
        // This instance forgets its live counts at once; others when they hear of it.
        if e.moves_beds() {
            self.state
                .live_counts
                .changed(TenantId(e.tenant), e.facility);
        }
        self.state.wards.committed(e);
    }
}

/// `CONFLICT` for a stale version.
fn stale(what: &str) -> ApiError {
    ApiError::Conflict(format!(
        "the {what} was changed by someone else meanwhile; reload it and try again"
    ))
}

/// A patient's inpatient stays for their record (FHIR `$everything`).
#[derive(Default)]
pub struct Stays {
    pub admissions: Vec<AdmissionRecord>,
    pub assignments: Vec<arogya_infra::repos::inpatient::admissions::AssignmentRecord>,
    pub beds: Vec<BedRecord>,
    pub wards: Vec<WardRecord>,
    pub conditions: Vec<arogya_infra::repos::inpatient::conditions::ConditionRecord>,
}

/// The stays of the patient's records (merged ones included), in a few queries.
pub async fn stays_of(tx: &TenantTx, patients: &[Uuid]) -> ApiResult<Stays> {
    let admissions = admissions::of_patients(tx, patients).await?;
    if admissions.is_empty() {
        return Ok(Stays::default());
    }
    let ids: Vec<Uuid> = admissions.iter().map(|a| a.id).collect();
    let assignments = admissions::assignments_of_many(tx, &ids).await?;
    let ward_ids: Vec<Uuid> = admissions.iter().map(|a| a.ward_id).collect();
    let mut bed_ids: Vec<Uuid> = assignments.iter().map(|a| a.bed_id).collect();
    bed_ids.sort();
    bed_ids.dedup();
    let beds = ward_repo::find_beds(tx, &bed_ids).await?;
    let mut all_wards: Vec<Uuid> = beds.iter().map(|b| b.ward_id).chain(ward_ids).collect();
    all_wards.sort();
    all_wards.dedup();
    let wards = ward_repo::find_wards(tx, &all_wards).await?;
    let conditions = arogya_infra::repos::inpatient::conditions::of_admissions(tx, &ids).await?;
    Ok(Stays {
        admissions,
        assignments,
        beds,
        wards,
        conditions,
    })
}
