//! Stores and their hierarchy.

use crate::db::{is_unique_violation, InfraResult, TenantTx};
use crate::entities::supply_store as s;
use arogya_domain::supply::store::{StoreLevel, StoreSettings};
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

pub type StoreRecord = s::Model;

pub struct NewStore {
    pub name: String,
    pub level: StoreLevel,
    pub parent_id: Option<Uuid>,
    pub unit_id: Uuid,
    pub unit_path: String,
    pub facility_id: Option<Uuid>,
    pub settings: StoreSettings,
}

pub fn settings_of(s: &StoreRecord) -> StoreSettings {
    StoreSettings {
        lookback_days: s.lookback_days,
        min_months: s.min_months,
        max_months: s.max_months,
        overstock_months: s.overstock_months,
        expiry_warn_days: s.expiry_warn_days,
        expiry_alert_days: s.expiry_alert_days,
    }
}

pub async fn insert(tx: &TenantTx, n: NewStore) -> InfraResult<StoreRecord> {
    let st = n.settings;
    let model = s::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        name: Set(n.name.clone()),
        level: Set(n.level.as_str().into()),
        parent_id: Set(n.parent_id),
        unit_id: Set(n.unit_id),
        unit_path: Set(n.unit_path),
        facility_id: Set(n.facility_id),
        lookback_days: Set(st.lookback_days),
        min_months: Set(st.min_months),
        max_months: Set(st.max_months),
        overstock_months: Set(st.overstock_months),
        expiry_warn_days: Set(st.expiry_warn_days),
        expiry_alert_days: Set(st.expiry_alert_days),
        version: Set(1),
        created_at: Set(Utc::now()),
    };
    match model.insert(tx.conn()).await {
        Ok(m) => Ok(m),
        Err(e) if is_unique_violation(&e) => {
            Err(DomainError::conflict(format!("a store named {} exists already", n.name)).into())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<StoreRecord>> {
    Ok(s::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn by_ids(tx: &TenantTx, ids: &[Uuid]) -> InfraResult<Vec<StoreRecord>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(s::Entity::find()
        .filter(s::Column::TenantId.eq(tx.tenant().0))
        .filter(s::Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?)
}

/// Every store of the tenant, by level then name (a state has hundreds, not millions).
pub async fn all(tx: &TenantTx) -> InfraResult<Vec<StoreRecord>> {
    Ok(s::Entity::find()
        .filter(s::Column::TenantId.eq(tx.tenant().0))
        .order_by_asc(s::Column::Name)
        .all(tx.conn())
        .await?)
}

/// The stores under a unit (its path a prefix of theirs): a district's, not the state's.
pub async fn under(tx: &TenantTx, path: &str) -> InfraResult<Vec<StoreRecord>> {
    Ok(s::Entity::find()
        .filter(s::Column::TenantId.eq(tx.tenant().0))
        .filter(s::Column::UnitPath.starts_with(path))
        .order_by_asc(s::Column::Name)
        .all(tx.conn())
        .await?)
}

/// Change a store's thresholds, if nobody changed the store meanwhile.
pub async fn set_settings(
    tx: &TenantTx,
    id: Uuid,
    expected_version: i32,
    st: StoreSettings,
) -> InfraResult<()> {
    let done = s::Entity::update_many()
        .col_expr(s::Column::LookbackDays, Expr::value(st.lookback_days))
        .col_expr(s::Column::MinMonths, Expr::value(st.min_months))
        .col_expr(s::Column::MaxMonths, Expr::value(st.max_months))
        .col_expr(s::Column::OverstockMonths, Expr::value(st.overstock_months))
        .col_expr(s::Column::ExpiryWarnDays, Expr::value(st.expiry_warn_days))
        .col_expr(
            s::Column::ExpiryAlertDays,
            Expr::value(st.expiry_alert_days),
        )
        .col_expr(s::Column::Version, Expr::col(s::Column::Version).add(1))
        .filter(s::Column::TenantId.eq(tx.tenant().0))
        .filter(s::Column::Id.eq(id))
        .filter(s::Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?;
    if done.rows_affected == 0 {
        return Err(DomainError::conflict("the store was changed meanwhile; reload it").into());
    }
    Ok(())
}
