use sea_orm::entity::prelude::*;

/// What a facility of one type should hold of one item under a buffer-stock list.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "supply_kit_lines")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub kit_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub facility_type: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub item_id: Uuid,
    pub quantity: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
