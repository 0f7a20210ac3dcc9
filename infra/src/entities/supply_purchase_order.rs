use sea_orm::entity::prelude::*;

/// A purchase order to a supplier against a budget head.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "supply_purchase_orders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub number: String,
    pub store_id: Uuid,
    pub budget_head_id: Uuid,
    pub supplier: String,
    pub status: String,
    pub ordered_on: Date,
    pub expected_on: Date,
    pub total_paise: i64,
    pub override_reason: Option<String>,
    pub override_by: Option<Uuid>,
    pub version: i32,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
