use sea_orm::entity::prelude::*;

/// A store: the state warehouse, a district drug store, a facility pharmacy or a ward sub-store.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "supply_stores")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub level: String,
    pub parent_id: Option<Uuid>,
    pub unit_id: Uuid,
    pub unit_path: String,
    pub facility_id: Option<Uuid>,
    pub lookback_days: i32,
    pub min_months: f64,
    pub max_months: f64,
    pub overstock_months: f64,
    pub expiry_warn_days: i32,
    pub expiry_alert_days: i32,
    pub version: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
