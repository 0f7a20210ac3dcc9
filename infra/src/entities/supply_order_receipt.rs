use sea_orm::entity::prelude::*;

/// Goods received against an order line.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "supply_order_receipts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub order_id: Uuid,
    pub item_id: Uuid,
    pub batch_id: Option<Uuid>,
    pub accepted: i64,
    pub rejected: i64,
    pub reason: Option<String>,
    pub received_at: DateTimeUtc,
    pub by: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
