use sea_orm::entity::prelude::*;

/// A manufacturer's batch of an item.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "supply_batches")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub item_id: Uuid,
    pub batch_no: String,
    pub expires_on: Date,
    pub manufactured_on: Option<Date>,
    pub manufacturer: Option<String>,
    pub supplier: Option<String>,
    pub unit_price_paise: i64,
    pub on_hold: bool,
    pub quality_status: String,
    pub version: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
