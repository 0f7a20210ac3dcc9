use sea_orm::entity::prelude::*;

/// One movement of stock; never changed.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "supply_ledger")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub store_id: Uuid,
    pub item_id: Uuid,
    pub batch_id: Uuid,
    pub kind: String,
    pub reason: Option<String>,
    pub quantity: i64,
    pub batch_balance: i64,
    pub item_balance: i64,
    pub note: Option<String>,
    pub counterpart_store_id: Option<Uuid>,
    pub document_kind: Option<String>,
    pub document_id: Option<Uuid>,
    pub at: DateTimeUtc,
    pub by: Uuid,
    /// Units consumed and milliseconds out of stock from the store's first row of the
    /// item up to this one (migration 38).
    #[serde(default)]
    pub consumed_total: i64,
    #[serde(default)]
    pub out_ms_total: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
