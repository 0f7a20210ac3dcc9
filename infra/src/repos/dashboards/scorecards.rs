//! Hospital scorecards: each save a new version, the highest of an id in force.

use crate::db::{InfraResult, TenantTx};
use crate::entities::scorecard::{self as s, Column, Entity};
use arogya_domain::dashboards::scorecard::ScorecardRules;
use arogya_domain::DomainError;
use chrono::{NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

pub type ScorecardRecord = s::Model;

/// The rules a stored version holds.
pub fn rules_of(r: &ScorecardRecord) -> InfraResult<ScorecardRules> {
    serde_json::from_value(r.rules.clone())
        .map_err(|e| anyhow::anyhow!("scorecard {} v{} unreadable: {e}", r.id, r.version).into())
}

/// The version in force of every scorecard, by name.
pub async fn current_all(tx: &TenantTx) -> InfraResult<Vec<ScorecardRecord>> {
    // Every version, newest first per id, keeping the first of each: scorecards are
    // few and rarely saved, so this stays small.
    let rows = Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .order_by_asc(Column::Id)
        .order_by_desc(Column::Version)
        .all(tx.conn())
        .await?;
    let mut out: Vec<ScorecardRecord> = Vec::new();
    for r in rows {
        if out.last().map(|l| l.id) != Some(r.id) {
            out.push(r);
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// The version in force of one scorecard.
pub async fn current(tx: &TenantTx, id: Uuid) -> InfraResult<Option<ScorecardRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(id))
        .order_by_desc(Column::Version)
        .one(tx.conn())
        .await?)
}

/// Save a scorecard: a new one (`id` none) or a new version over the one the caller
/// saw.
pub async fn save(
    tx: &TenantTx,
    id: Option<(Uuid, i32)>,
    rules: &ScorecardRules,
    from: NaiveDate,
    to: NaiveDate,
    by: Uuid,
) -> InfraResult<ScorecardRecord> {
    let (id, version) = match id {
        None => (Uuid::now_v7(), 1),
        Some((id, expected)) => {
            let now = current(tx, id)
                .await?
                .ok_or(DomainError::NotFound {
                    entity: "scorecard",
                })?
                .version;
            if now != expected {
                return Err(DomainError::conflict(format!(
                    "the scorecard was changed meanwhile (now at version {now}); reload and try again"
                ))
                .into());
            }
            (id, now + 1)
        }
    };
    let row = ScorecardRecord {
        tenant_id: tx.tenant().0,
        id,
        version,
        name: rules.name.clone(),
        specialty: rules.specialty.clone(),
        rules: serde_json::to_value(rules).map_err(anyhow::Error::from)?,
        from_month: from,
        to_month: to,
        saved_by: by,
        saved_at: Utc::now(),
    };
    super::super::insert_all_or_conflict(
        tx,
        vec![s::ActiveModel {
            tenant_id: Set(row.tenant_id),
            id: Set(row.id),
            version: Set(row.version),
            name: Set(row.name.clone()),
            specialty: Set(row.specialty.clone()),
            rules: Set(row.rules.clone()),
            from_month: Set(row.from_month),
            to_month: Set(row.to_month),
            saved_by: Set(row.saved_by),
            saved_at: Set(row.saved_at),
        }],
        "the scorecard was changed at the same moment; reload and try again",
    )
    .await?;
    Ok(row)
}
