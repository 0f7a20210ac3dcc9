//! Creating and editing administrative units, within the caller's reach.

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::UnitReach;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::ids::{TenantId, UnitId};
use arogya_domain::tenant::TenantKind;
use arogya_domain::unit::{LgdCode, UnitKind, UnitName, UnitPath};
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::units::{self, UnitRecord};

pub struct NewUnit {
    pub parent: Option<UnitId>,
    pub kind: UnitKind,
    pub name: UnitName,
    pub lgd: Option<LgdCode>,
}

fn not_found() -> ApiError {
    DomainError::NotFound { entity: "unit" }.into()
}

pub async fn create_unit(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    new: NewUnit,
) -> ApiResult<UnitRecord> {
    let tenant_kind = state
        .tenants
        .get(tenant)
        .await?
        .ok_or(DomainError::NotFound { entity: "tenant" })?;
    let tenant_kind = TenantKind::parse(&tenant_kind.kind)?;
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let parent = match new.parent {
        Some(id) => {
            let p = units::find(&tx, id).await?.ok_or_else(not_found)?;
            if !reach.allows(&UnitPath::from(&p)) {
                return Err(not_found());
            }
            Some(p)
        }
        None if *reach != UnitReach::Whole => {
            return Err(
                DomainError::forbidden("only state administrators create top-level units").into(),
            )
        }
        None => None,
    };
    let parent_kind = parent
        .as_ref()
        .map(|p| UnitKind::parse(&p.kind))
        .transpose()?;
    new.kind.check_placement(parent_kind, tenant_kind)?;
    let unit = units::insert(&tx, parent.as_ref(), new.kind, &new.name, new.lgd.as_ref()).await?;
    let detail =
        serde_json::json!({ "kind": unit.kind, "name": unit.name, "parent": unit.parent_id });
    let event = NewAuditEvent::new(actor, AuditAction::UnitCreate, "unit", Some(unit.id))
        .with_detail(detail);
    audit::record(&mut tx, meta, event).await?;
    tx.commit().await?;
    Ok(unit)
}

#[allow(clippy::too_many_arguments)]
pub async fn update_unit(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    id: UnitId,
    expected_version: i32,
    name: Option<UnitName>,
    lgd: Option<Option<LgdCode>>,
) -> ApiResult<UnitRecord> {
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let current = units::find(&tx, id).await?.ok_or_else(not_found)?;
    if !reach.allows(&UnitPath::from(&current)) {
        return Err(not_found());
    }
    let unit = units::update(
        &tx,
        id,
        expected_version,
        name.as_ref(),
        lgd.as_ref().map(Option::as_ref),
    )
    .await?;
    let detail = serde_json::json!({ "name": name.is_some(), "lgdCode": lgd.is_some() });
    let event =
        NewAuditEvent::new(actor, AuditAction::UnitUpdate, "unit", Some(id.0)).with_detail(detail);
    audit::record(&mut tx, meta, event).await?;
    tx.commit().await?;
    Ok(unit)
}
