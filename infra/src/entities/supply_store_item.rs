use sea_orm::entity::prelude::*;

/// A store's stock of an item (all batches) and its own min/max.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "supply_store_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub store_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub item_id: Uuid,
    pub on_hand: i64,
    pub min_months: Option<f64>,
    pub max_months: Option<f64>,
    pub out_since: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
    /// The latest expiry among the batches the store may issue (migration 37).
    #[serde(default)]
    pub usable_until: Option<Date>,
    /// Running totals for planning at the latest ledger row (migration 38).
    #[serde(default)]
    pub consumed_total: i64,
    #[serde(default)]
    pub out_ms_total: i64,
    #[serde(default)]
    pub first_move_at: Option<DateTimeUtc>,
    #[serde(default)]
    pub last_move_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
