use sea_orm::entity::prelude::*;

/// A facility's oxygen source, its capacity as declared (JSON) and in Nm³.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "oxygen_sources")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub facility_id: Uuid,
    pub kind: String,
    pub name: String,
    pub capacity: Json,
    pub cylinder_type_id: Option<Uuid>,
    #[sea_orm(column_type = "Double")]
    pub storage_nm3: f64,
    #[sea_orm(column_type = "Double")]
    pub output_nm3_per_hour: f64,
    pub beds_fed: i32,
    pub active: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
