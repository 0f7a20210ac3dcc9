use sea_orm::entity::prelude::*;

/// An e-health card issued for a patient's health ID.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "patient_cards")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub patient_id: Uuid,
    pub health_id: String,
    pub status: String,
    pub status_reason: Option<String>,
    pub replaces: Option<Uuid>,
    pub issued_by: Option<Uuid>,
    pub issued_at: DateTimeUtc,
    pub delivery: String,
    pub delivery_changed_at: Option<DateTimeUtc>,
    pub unit_path: Option<String>,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
