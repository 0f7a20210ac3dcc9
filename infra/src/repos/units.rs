//! Administrative units of one tenant.

use crate::db::{is_unique_violation, InfraError, InfraResult, TenantTx};
use crate::entities::admin_unit::{self, Column, Entity};
use arogya_domain::ids::UnitId;
use arogya_domain::unit::{LgdCode, UnitKind, UnitName, UnitPath};
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

pub type UnitRecord = admin_unit::Model;

/// Most units one tree query returns (a large state has well under this).
pub const MAX_TREE: u64 = 10_000;

impl From<&UnitRecord> for UnitPath {
    fn from(u: &UnitRecord) -> Self {
        UnitPath::from_stored(u.path.clone())
    }
}

fn lgd_conflict(e: sea_orm::DbErr) -> InfraError {
    if is_unique_violation(&e) {
        DomainError::validation("lgdCode", "another unit of this tenant has this LGD code").into()
    } else {
        e.into()
    }
}

pub async fn insert(
    tx: &TenantTx,
    parent: Option<&UnitRecord>,
    kind: UnitKind,
    name: &UnitName,
    lgd: Option<&LgdCode>,
) -> InfraResult<UnitRecord> {
    let id = UnitId::new();
    let path = match parent {
        Some(p) => UnitPath::from(p).child(id),
        None => UnitPath::root(id),
    };
    let now = Utc::now();
    admin_unit::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(id.0),
        parent_id: Set(parent.map(|p| p.id)),
        kind: Set(kind.as_str().to_owned()),
        name: Set(name.as_str().to_owned()),
        lgd_code: Set(lgd.map(|l| l.as_str().to_owned())),
        path: Set(path.as_str().to_owned()),
        depth: Set(parent.map(|p| p.depth + 1).unwrap_or(0)),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(tx.conn())
    .await
    .map_err(lgd_conflict)
}

pub async fn find(tx: &TenantTx, id: UnitId) -> InfraResult<Option<UnitRecord>> {
    Ok(Entity::find_by_id((tx.tenant().0, id.0))
        .one(tx.conn())
        .await?)
}

pub async fn find_many(tx: &TenantTx, ids: &[Uuid]) -> InfraResult<Vec<UnitRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?)
}

/// Units by LGD code, for imports that name units the way the census does.
pub async fn find_by_lgd_codes(tx: &TenantTx, codes: &[String]) -> InfraResult<Vec<UnitRecord>> {
    let mut out = Vec::new();
    // Chunked: a large file must not exceed the database's bind-parameter limit.
    for chunk in codes.chunks(500) {
        out.extend(
            Entity::find()
                .filter(Column::TenantId.eq(tx.tenant().0))
                .filter(Column::LgdCode.is_in(chunk.iter().cloned()))
                .all(tx.conn())
                .await?,
        );
    }
    Ok(out)
}

/// The units directly under `parent` (the top units when None), by name.
pub async fn children(tx: &TenantTx, parent: Option<UnitId>) -> InfraResult<Vec<UnitRecord>> {
    let q = Entity::find().filter(Column::TenantId.eq(tx.tenant().0));
    let q = match parent {
        Some(p) => q.filter(Column::ParentId.eq(p.0)),
        None => q.filter(Column::ParentId.is_null()),
    };
    Ok(q.order_by_asc(Column::Name).all(tx.conn()).await?)
}

/// A unit and everything under it (the whole tenant when None), in tree order.
pub async fn subtree(tx: &TenantTx, root: Option<&UnitRecord>) -> InfraResult<Vec<UnitRecord>> {
    let mut q = Entity::find().filter(Column::TenantId.eq(tx.tenant().0));
    if let Some(r) = root {
        q = q.filter(Column::Path.starts_with(r.path.as_str()));
    }
    Ok(q.order_by_asc(Column::Path)
        .limit(MAX_TREE)
        .all(tx.conn())
        .await?)
}

/// Rename or re-code a unit, if the caller saw its latest version. (Units are not
/// moved: a different parent is a different unit.)
pub async fn update(
    tx: &TenantTx,
    id: UnitId,
    expected_version: i32,
    name: Option<&UnitName>,
    lgd: Option<Option<&LgdCode>>,
) -> InfraResult<UnitRecord> {
    let mut sets: Vec<(Column, SimpleExpr)> = Vec::new();
    if let Some(n) = name {
        sets.push((Column::Name, Expr::value(n.as_str())));
    }
    if let Some(l) = lgd {
        sets.push((
            Column::LgdCode,
            Expr::value(l.map(|l| l.as_str().to_owned())),
        ));
    }
    let mut q = Entity::update_many()
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .col_expr(Column::Version, Expr::col(Column::Version).add(1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id.0))
        .filter(Column::Version.eq(expected_version));
    for (c, v) in sets {
        q = q.col_expr(c, v);
    }
    let updated = q.exec(tx.conn()).await.map_err(lgd_conflict)?.rows_affected;
    let current = find(tx, id)
        .await?
        .ok_or(DomainError::NotFound { entity: "unit" })?;
    if updated == 0 {
        return Err(DomainError::conflict(format!(
            "the unit was changed by someone else (now at version {}); reload and try again",
            current.version
        ))
        .into());
    }
    Ok(current)
}
