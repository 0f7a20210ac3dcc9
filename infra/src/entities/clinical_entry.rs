use sea_orm::entity::prelude::*;

/// The current version of one clinical entry (an encounter, or something recorded in one).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "clinical_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub patient_id: Uuid,
    pub encounter_id: Uuid,
    pub kind: String,
    pub status: String,
    pub facility_id: Uuid,
    pub author_user_id: Uuid,
    pub author_professional_id: Uuid,
    pub occurred_at: DateTimeUtc,
    pub recorded_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
    pub details: Json,
    pub code: Option<String>,
    pub order_id: Option<Uuid>,
    pub document_id: Option<Uuid>,
    pub error_reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
