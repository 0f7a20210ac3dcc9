//! The item catalogue.

use crate::db::{is_unique_violation, InfraResult, TenantTx};
use crate::entities::supply_item as i;
use arogya_domain::supply::item::Item;
use arogya_domain::DomainError;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

pub type ItemRecord = i::Model;

pub async fn insert(tx: &TenantTx, item: &Item) -> InfraResult<ItemRecord> {
    let model = i::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        code: Set(item.code.clone()),
        name: Set(item.name.clone()),
        kind: Set(item.kind.as_str().into()),
        strength: Set(item.strength.clone()),
        form: Set(item.form.map(|f| f.as_str().into())),
        pack_size: Set(item.pack_size),
        unit_of_issue: Set(item.unit_of_issue.clone()),
        essential: Set(item.essential),
        schedule: Set(item.schedule.as_str().into()),
        over_the_counter: Set(item.over_the_counter),
        active: Set(true),
        version: Set(1),
        created_at: Set(Utc::now()),
    };
    match model.insert(tx.conn()).await {
        Ok(m) => Ok(m),
        Err(e) if is_unique_violation(&e) => Err(DomainError::conflict(format!(
            "the catalogue already has an item with code {}",
            item.code
        ))
        .into()),
        Err(e) => Err(e.into()),
    }
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<ItemRecord>> {
    Ok(i::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

pub async fn by_ids(tx: &TenantTx, ids: &[Uuid]) -> InfraResult<Vec<ItemRecord>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(i::Entity::find()
        .filter(i::Column::TenantId.eq(tx.tenant().0))
        .filter(i::Column::Id.is_in(ids.iter().copied()))
        .all(tx.conn())
        .await?)
}

pub async fn by_codes(tx: &TenantTx, codes: &[String]) -> InfraResult<Vec<ItemRecord>> {
    if codes.is_empty() {
        return Ok(Vec::new());
    }
    Ok(i::Entity::find()
        .filter(i::Column::TenantId.eq(tx.tenant().0))
        .filter(i::Column::Code.is_in(codes.iter().cloned()))
        .all(tx.conn())
        .await?)
}

/// The catalogue in name order, optionally those whose name or code contains `text`.
pub async fn list(tx: &TenantTx, text: Option<&str>, limit: u64) -> InfraResult<Vec<ItemRecord>> {
    let mut q = i::Entity::find().filter(i::Column::TenantId.eq(tx.tenant().0));
    if let Some(t) = text.map(str::trim).filter(|t| !t.is_empty()) {
        // Any case: "para" finds Paracetamol on PostgreSQL too.
        use sea_orm::sea_query::{Expr, ExprTrait, Func};
        let like = format!("%{}%", t.to_lowercase().replace(['%', '_'], ""));
        q = q.filter(
            sea_orm::Condition::any()
                .add(Expr::expr(Func::lower(Expr::col(i::Column::Name))).like(like))
                .add(i::Column::Code.contains(t.to_uppercase())),
        );
    }
    Ok(q.order_by_asc(i::Column::Name)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// Items whose code is one of `codes` or whose name (any case) is one of `names`
/// (given in lower case).
pub async fn by_codes_or_names(
    tx: &TenantTx,
    codes: &[String],
    names: &[String],
) -> InfraResult<Vec<ItemRecord>> {
    if codes.is_empty() && names.is_empty() {
        return Ok(Vec::new());
    }
    use sea_orm::sea_query::{Expr, ExprTrait, Func};
    Ok(i::Entity::find()
        .filter(i::Column::TenantId.eq(tx.tenant().0))
        .filter(
            sea_orm::Condition::any()
                .add(i::Column::Code.is_in(codes.iter().cloned()))
                .add(
                    Expr::expr(Func::lower(Expr::col(i::Column::Name)))
                        .is_in(names.iter().cloned()),
                ),
        )
        .all(tx.conn())
        .await?)
}
