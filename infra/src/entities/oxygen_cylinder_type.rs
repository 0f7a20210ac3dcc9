use sea_orm::entity::prelude::*;

/// A cylinder type and the gas a full one holds (`nm3` derived from the label).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "oxygen_cylinder_types")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub code: String,
    pub name: String,
    #[sea_orm(column_type = "Double")]
    pub gas_litres: f64,
    #[sea_orm(column_type = "Double")]
    pub label_celsius: f64,
    /// Empty for every supplier.
    pub supplier: String,
    #[sea_orm(column_type = "Double")]
    pub nm3: f64,
    pub version: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
