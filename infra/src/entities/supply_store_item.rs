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
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
