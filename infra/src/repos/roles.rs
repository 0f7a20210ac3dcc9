//! Role grants of tenant users.

use crate::db::{is_unique_violation, InfraError, InfraResult, TenantTx};
use crate::entities::role_assignment::{self, Column, Entity};
use arogya_domain::ids::{FacilityId, UnitId, UserId};
use arogya_domain::role::{Role, RoleGrant, RoleScope};
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use std::collections::HashMap;
use uuid::Uuid;

fn scope_key(scope: RoleScope) -> String {
    match scope {
        RoleScope::Tenant => "tenant".to_owned(),
        RoleScope::Unit(u) => format!("unit:{u}"),
        RoleScope::Facility(f) => format!("facility:{f}"),
    }
}

fn to_grant(m: &role_assignment::Model) -> InfraResult<RoleGrant> {
    let role =
        Role::parse(&m.role).map_err(|_| anyhow::anyhow!("unknown role {:?} stored", m.role))?;
    RoleGrant::new(role, m.unit_id.map(UnitId), m.facility_id.map(FacilityId))
        .map_err(|e| InfraError::Internal(anyhow::anyhow!("invalid stored grant: {e}")))
}

pub async fn grants_for(tx: &TenantTx, user: UserId) -> InfraResult<Vec<RoleGrant>> {
    Ok(grants_for_many(tx, &[user.0])
        .await?
        .remove(&user.0)
        .unwrap_or_default())
}

/// Every grant of any of `roles` in the tenant, with its user (on
/// `ix_role_assignments_role`): who must hear of work waiting for that role.
pub async fn holders(tx: &TenantTx, roles: &[Role]) -> InfraResult<Vec<(Uuid, RoleGrant)>> {
    let rows = Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Role.is_in(roles.iter().map(|r| r.as_str())))
        .order_by_asc(Column::Id)
        .all(tx.conn())
        .await?;
    rows.iter()
        .map(|row| Ok((row.user_id, to_grant(row)?)))
        .collect()
}

/// Grants of several users in one query.
pub async fn grants_for_many(
    tx: &TenantTx,
    users: &[Uuid],
) -> InfraResult<HashMap<Uuid, Vec<RoleGrant>>> {
    let rows = Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::UserId.is_in(users.iter().copied()))
        .order_by_asc(Column::Id)
        .all(tx.conn())
        .await?;
    let mut out: HashMap<Uuid, Vec<RoleGrant>> = HashMap::new();
    for row in &rows {
        out.entry(row.user_id).or_default().push(to_grant(row)?);
    }
    Ok(out)
}

pub async fn grant(
    tx: &TenantTx,
    user: UserId,
    grant: RoleGrant,
    by: Option<Uuid>,
) -> InfraResult<()> {
    let now = Utc::now();
    let model = role_assignment::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        user_id: Set(user.0),
        role: Set(grant.role.as_str().to_owned()),
        unit_id: Set(grant.unit().map(|u| u.0)),
        facility_id: Set(grant.facility().map(|f| f.0)),
        scope_key: Set(scope_key(grant.scope)),
        created_by: Set(by),
        created_at: Set(now),
        updated_at: Set(now),
    };
    model.insert(tx.conn()).await.map_err(|e| {
        if is_unique_violation(&e) {
            InfraError::from(DomainError::conflict("the user already has this role"))
        } else {
            e.into()
        }
    })?;
    Ok(())
}

/// Returns whether a grant was removed.
pub async fn revoke(tx: &TenantTx, user: UserId, grant: RoleGrant) -> InfraResult<bool> {
    let res = Entity::delete_many()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::UserId.eq(user.0))
        .filter(Column::Role.eq(grant.role.as_str()))
        .filter(Column::ScopeKey.eq(scope_key(grant.scope)))
        .exec(tx.conn())
        .await?;
    Ok(res.rows_affected > 0)
}
