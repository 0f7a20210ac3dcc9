//! Supply alerts.

use crate::db::{InfraResult, TenantTx};
use crate::entities::supply_alert as a;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

pub type AlertRecord = a::Model;

pub struct NewAlert {
    pub store_id: Uuid,
    pub item_id: Uuid,
    pub batch_id: Option<Uuid>,
    pub kind: &'static str,
    pub key: String,
    pub message: String,
}

/// The store's open alerts.
pub async fn open_of(tx: &TenantTx, stores: &[Uuid]) -> InfraResult<Vec<AlertRecord>> {
    if stores.is_empty() {
        return Ok(Vec::new());
    }
    Ok(a::Entity::find()
        .filter(a::Column::TenantId.eq(tx.tenant().0))
        .filter(a::Column::StoreId.is_in(stores.iter().copied()))
        .filter(a::Column::ResolvedAt.is_null())
        .order_by_desc(a::Column::RaisedAt)
        .limit(2000)
        .all(tx.conn())
        .await?)
}

pub async fn insert(tx: &TenantTx, n: NewAlert, at: DateTime<Utc>) -> InfraResult<AlertRecord> {
    Ok(a::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        store_id: Set(n.store_id),
        item_id: Set(n.item_id),
        batch_id: Set(n.batch_id),
        kind: Set(n.kind.into()),
        key: Set(n.key),
        message: Set(n.message),
        raised_at: Set(at),
        resolved_at: Set(None),
    }
    .insert(tx.conn())
    .await?)
}

pub async fn resolve(tx: &TenantTx, ids: &[Uuid], at: DateTime<Utc>) -> InfraResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    a::Entity::update_many()
        .col_expr(a::Column::ResolvedAt, Expr::value(at))
        .filter(a::Column::TenantId.eq(tx.tenant().0))
        .filter(a::Column::Id.is_in(ids.iter().copied()))
        .filter(a::Column::ResolvedAt.is_null())
        .exec(tx.conn())
        .await?;
    Ok(())
}

/// Stores whose stock moved since `since`.
pub async fn stores_moved_since(tx: &TenantTx, since: DateTime<Utc>) -> InfraResult<Vec<Uuid>> {
    use crate::entities::supply_store_item as si;
    let rows: Vec<Uuid> = si::Entity::find()
        .select_only()
        .column(si::Column::StoreId)
        .distinct()
        .filter(si::Column::TenantId.eq(tx.tenant().0))
        .filter(si::Column::UpdatedAt.gte(since))
        .into_tuple()
        .all(tx.conn())
        .await?;
    Ok(rows)
}
