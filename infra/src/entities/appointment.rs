use sea_orm::entity::prelude::*;

/// A booked (or cancelled) appointment.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "appointments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub patient_id: Uuid,
    pub facility_id: Uuid,
    pub department: String,
    pub professional_id: Uuid,
    pub slot_start: DateTimeUtc,
    pub slot_end: DateTimeUtc,
    pub day: Date,
    pub token_number: i32,
    pub status: String,
    pub ticket_id: Option<Uuid>,
    pub booked_by: Uuid,
    pub created_at: DateTimeUtc,
    pub cancelled_at: Option<DateTimeUtc>,
    pub cancel_reason: Option<String>,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
