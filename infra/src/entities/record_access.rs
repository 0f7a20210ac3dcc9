use sea_orm::entity::prelude::*;

/// One read of a patient's health record.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "record_access_log")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub patient_id: Uuid,
    pub actor_user_id: Uuid,
    pub actor_professional_id: Option<Uuid>,
    pub facility_id: Option<Uuid>,
    pub unit_path: Option<String>,
    pub viewed: String,
    pub entry_id: Option<Uuid>,
    pub purpose: Option<String>,
    pub break_glass: bool,
    pub reason: Option<String>,
    pub at: DateTimeUtc,
    pub reviewed_by: Option<Uuid>,
    pub reviewed_at: Option<DateTimeUtc>,
    pub review_note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
