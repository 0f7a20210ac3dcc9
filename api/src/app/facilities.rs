//! Creating and editing facilities, within the caller's reach.

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::UnitReach;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::facility::FacilityDetails;
use arogya_domain::ids::{FacilityId, TenantId, UnitId};
use arogya_domain::tenant::TenantKind;
use arogya_domain::unit::UnitPath;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::dashboards::emr_changes::{self, ChangeSource};
use arogya_infra::repos::facilities::{self, FacilityRecord, Placement};
use arogya_infra::repos::units::{self, UnitRecord};
use arogya_infra::TenantTx;

fn facility_not_found() -> ApiError {
    DomainError::NotFound { entity: "facility" }.into()
}

/// The unit a facility is placed in: it must exist and lie within the caller's reach.
async fn placement_unit(tx: &TenantTx, reach: &UnitReach, unit: UnitId) -> ApiResult<UnitRecord> {
    units::find(tx, unit)
        .await?
        .filter(|u| reach.allows(&UnitPath::from(u)))
        .ok_or_else(|| ApiError::NotFound("unit not found".into()))
}

/// Whether the tenant is a state or a district (placement rules depend on it).
pub(crate) async fn tenant_kind(state: &AppState, tenant: TenantId) -> ApiResult<TenantKind> {
    let t = state
        .tenants
        .get(tenant)
        .await?
        .ok_or(DomainError::NotFound { entity: "tenant" })?;
    Ok(TenantKind::parse(&t.kind)?)
}

fn audit_detail(f: &FacilityRecord) -> serde_json::Value {
    serde_json::json!({ "name": f.name, "type": f.facility_type, "unit": f.unit_id, "status": f.operational_status })
}

pub async fn create_facility(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    unit: UnitId,
    details: FacilityDetails,
) -> ApiResult<FacilityRecord> {
    let kind = tenant_kind(state, tenant).await?;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let unit = placement_unit(&tx, reach, unit).await?;
    let at = Placement {
        district: UnitPath::from(&unit).district(kind),
        unit: &unit,
    };
    let facility = facilities::insert(&tx, &details, &at).await?;
    emr_changes::record(&tx, &facility, ChangeSource::Form, actor.user()).await?;
    let event = NewAuditEvent::new(
        actor,
        AuditAction::FacilityCreate,
        "facility",
        Some(facility.id),
    )
    .with_detail(audit_detail(&facility));
    audit::record(&mut tx, meta, event).await?;
    tx.commit().await?;
    Ok(facility)
}

#[allow(clippy::too_many_arguments)]
pub async fn update_facility(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    id: FacilityId,
    expected_version: i32,
    unit: UnitId,
    details: FacilityDetails,
) -> ApiResult<FacilityRecord> {
    let kind = tenant_kind(state, tenant).await?;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let current = facilities::find(&tx, id)
        .await?
        .filter(|f| reach.allows(&UnitPath::from_stored(f.unit_path.clone())))
        .ok_or_else(facility_not_found)?;
    let unit = placement_unit(&tx, reach, unit).await?;
    let at = Placement {
        district: UnitPath::from(&unit).district(kind),
        unit: &unit,
    };
    let facility = facilities::update(&tx, &current, expected_version, &details, &at).await?;
    // Only a change of readiness is the roll-out's history.
    if (
        facility.emr_adopted,
        facility.emr_adopted_on,
        &facility.emr_checklist,
    ) != (
        current.emr_adopted,
        current.emr_adopted_on,
        &current.emr_checklist,
    ) {
        emr_changes::record(&tx, &facility, ChangeSource::Form, actor.user()).await?;
    }
    let event = NewAuditEvent::new(
        actor,
        AuditAction::FacilityUpdate,
        "facility",
        Some(facility.id),
    )
    .with_detail(audit_detail(&facility));
    audit::record(&mut tx, meta, event).await?;
    tx.commit().await?;
    Ok(facility)
}
