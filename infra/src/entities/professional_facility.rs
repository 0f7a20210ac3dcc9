use sea_orm::entity::prelude::*;

/// A professional working at a facility (current while `to_date` is empty or ahead).
/// `facility_unit_path` copies the facility's unit path for district-scoped reads.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "professional_facilities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub professional_id: Uuid,
    pub facility_id: Uuid,
    pub facility_unit_path: String,
    pub designation: String,
    pub department: Option<String>,
    pub from_date: Date,
    pub to_date: Option<Date>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
