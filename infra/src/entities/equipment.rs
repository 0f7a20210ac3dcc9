use sea_orm::entity::prelude::*;

/// A piece of critical-care equipment at a facility, with its current status.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "equipment")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub facility_id: Uuid,
    pub kind: String,
    pub make: String,
    pub model: String,
    pub serial_number: String,
    pub source: String,
    pub order_id: Option<Uuid>,
    pub status: String,
    pub installed_on: Option<Date>,
    pub last_maintenance_on: Option<Date>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
