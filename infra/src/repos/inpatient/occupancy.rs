//! Beds counted by state, grouped by facility or district and bed type, in one
//! query. A bed's state combines its housekeeping with the assignment holding it
//! (at most one, by the partial unique index).

use super::statement;
use crate::db::{InfraResult, TenantTx};
use arogya_domain::inpatient::beds::{BedState, BedType, Housekeeping};
use sea_orm::{ConnectionTrait, FromQueryResult, Value};
use uuid::Uuid;

/// What the counts are grouped by, besides the bed type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Facility,
    District,
}

/// Which beds are counted.
#[derive(Default)]
pub struct Scope {
    /// `LIKE` patterns on the facility's unit path, any of which matches; none: all.
    pub unit_path_patterns: Vec<String>,
    pub facility: Option<Uuid>,
    pub ward: Option<Uuid>,
}

/// Beds of one group, type and state.
pub struct Count {
    pub key: Option<Uuid>,
    pub bed_type: BedType,
    pub state: BedState,
    pub beds: i64,
}

#[derive(FromQueryResult)]
struct Row {
    key: Option<Uuid>,
    bed_type: String,
    housekeeping: String,
    held: Option<String>,
    n: i64,
}

pub async fn counts(tx: &TenantTx, group: GroupBy, scope: &Scope) -> InfraResult<Vec<Count>> {
    let key = match group {
        GroupBy::Facility => "b.facility_id",
        GroupBy::District => "f.district_id",
    };
    let mut values: Vec<Value> = vec![tx.tenant().0.into()];
    let mut filters = String::new();
    if !scope.unit_path_patterns.is_empty() {
        let mut any = Vec::new();
        for p in &scope.unit_path_patterns {
            values.push(p.clone().into());
            any.push(format!("f.unit_path LIKE ${}", values.len()));
        }
        filters.push_str(&format!(" AND ({})", any.join(" OR ")));
    }
    if let Some(f) = scope.facility {
        values.push(f.into());
        filters.push_str(&format!(" AND b.facility_id = ${}", values.len()));
    }
    if let Some(w) = scope.ward {
        values.push(w.into());
        filters.push_str(&format!(" AND b.ward_id = ${}", values.len()));
    }
    let sql = format!(
        "SELECT {key} AS key, b.bed_type AS bed_type, b.housekeeping AS housekeeping,
                a.status AS held, COUNT(*) AS n
         FROM beds b
         JOIN facilities f ON f.tenant_id = b.tenant_id AND f.id = b.facility_id
         LEFT JOIN bed_assignments a ON a.tenant_id = b.tenant_id AND a.bed_id = b.id
              AND a.status IN ('reserved', 'active')
         WHERE b.tenant_id = $1{filters}
         GROUP BY {key}, b.bed_type, b.housekeeping, a.status"
    );
    let rows = tx.conn().query_all_raw(statement(tx, &sql, values)).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let r = Row::from_query_result(&r, "")?;
        let housekeeping = Housekeeping::parse(&r.housekeeping).map_err(anyhow::Error::new)?;
        out.push(Count {
            key: r.key,
            bed_type: BedType::parse(&r.bed_type).map_err(anyhow::Error::new)?,
            state: BedState::of(
                housekeeping,
                r.held.as_deref() == Some("active"),
                r.held.as_deref() == Some("reserved"),
            ),
            beds: r.n,
        });
    }
    Ok(out)
}

/// Ids of the facilities whose unit path matches any of the `LIKE` patterns.
pub async fn facilities_matching(tx: &TenantTx, patterns: &[String]) -> InfraResult<Vec<Uuid>> {
    if patterns.is_empty() {
        return Ok(Vec::new());
    }
    let mut values: Vec<Value> = vec![tx.tenant().0.into()];
    let mut any = Vec::new();
    for p in patterns {
        values.push(p.clone().into());
        any.push(format!("unit_path LIKE ${}", values.len()));
    }
    let sql = format!(
        "SELECT id FROM facilities WHERE tenant_id = $1 AND ({})",
        any.join(" OR ")
    );
    let rows = tx.conn().query_all_raw(statement(tx, &sql, values)).await?;
    rows.iter()
        .map(|r| Ok(r.try_get::<Uuid>("", "id")?))
        .collect()
}

/// Admitted patients counted by condition category and life support.
pub struct OpenCount {
    pub category: Option<String>,
    pub life_support: Option<String>,
    pub patients: i64,
}

#[derive(FromQueryResult)]
struct OpenRow {
    category: Option<String>,
    life_support: Option<String>,
    n: i64,
}

/// `facilities`: `None` for the whole tenant.
pub async fn open_counts(
    tx: &TenantTx,
    facilities: Option<&[Uuid]>,
) -> InfraResult<Vec<OpenCount>> {
    let mut values: Vec<Value> = vec![tx.tenant().0.into()];
    let mut filter = String::new();
    if let Some(ids) = facilities {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut marks = Vec::new();
        for id in ids {
            values.push((*id).into());
            marks.push(format!("${}", values.len()));
        }
        filter = format!(" AND facility_id IN ({})", marks.join(", "));
    }
    let sql = format!(
        "SELECT category, life_support, COUNT(*) AS n FROM admissions
         WHERE tenant_id = $1 AND status = 'admitted'{filter}
         GROUP BY category, life_support"
    );
    let rows = tx.conn().query_all_raw(statement(tx, &sql, values)).await?;
    rows.iter()
        .map(|r| {
            let r = OpenRow::from_query_result(r, "")?;
            Ok(OpenCount {
                category: r.category,
                life_support: r.life_support,
                patients: r.n,
            })
        })
        .collect()
}

/// A tenant's districts, by name (for the public bed page).
pub async fn districts(tx: &TenantTx) -> InfraResult<Vec<(Uuid, String)>> {
    use crate::entities::admin_unit::{Column, Entity};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Kind.eq("district"))
        .order_by_asc(Column::Name)
        .all(tx.conn())
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}

/// Beds of one facility, type and state, with where the facility lies.
#[derive(Debug, Clone, FromQueryResult)]
pub struct FacilityCountRow {
    pub facility_id: Uuid,
    pub district_id: Option<Uuid>,
    pub unit_path: String,
    pub bed_type: String,
    pub housekeeping: String,
    pub held: Option<String>,
    pub n: i64,
}

/// Every facility's beds by type and state, in one query (cached by the caller).
pub async fn facility_counts(tx: &TenantTx) -> InfraResult<Vec<FacilityCountRow>> {
    counts_where(tx, "", vec![tx.tenant().0.into()]).await
}

/// The same for a few facilities (those changed since the cache was filled).
pub async fn facility_counts_of(
    tx: &TenantTx,
    facilities: &[Uuid],
) -> InfraResult<Vec<FacilityCountRow>> {
    if facilities.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (0..facilities.len())
        .map(|i| format!("${}", i + 2))
        .collect();
    let mut values: Vec<sea_orm::Value> = vec![tx.tenant().0.into()];
    values.extend(facilities.iter().map(|f| (*f).into()));
    counts_where(
        tx,
        &format!(" AND b.facility_id IN ({})", marks.join(", ")),
        values,
    )
    .await
}

async fn counts_where(
    tx: &TenantTx,
    filter: &str,
    values: Vec<sea_orm::Value>,
) -> InfraResult<Vec<FacilityCountRow>> {
    let sql = format!(
        "SELECT b.facility_id AS facility_id, f.district_id AS district_id, f.unit_path AS unit_path,
                b.bed_type AS bed_type, b.housekeeping AS housekeeping, a.status AS held, COUNT(*) AS n
         FROM beds b
         JOIN facilities f ON f.tenant_id = b.tenant_id AND f.id = b.facility_id
         LEFT JOIN bed_assignments a ON a.tenant_id = b.tenant_id AND a.bed_id = b.id
              AND a.status IN ('reserved', 'active')
         WHERE b.tenant_id = $1{filter}
         GROUP BY b.facility_id, f.district_id, f.unit_path, b.bed_type, b.housekeeping, a.status"
    );
    let rows = tx.conn().query_all_raw(statement(tx, &sql, values)).await?;
    rows.iter()
        .map(|r| Ok(FacilityCountRow::from_query_result(r, "")?))
        .collect()
}
