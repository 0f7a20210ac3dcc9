use sea_orm::entity::prelude::*;

/// A private hospital's application, its form as JSON (`domain::onboarding::ApplicationForm`).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "hospital_applications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub applicant_user_id: Uuid,
    pub status: String,
    pub name: Option<String>,
    pub form: Json,
    pub unit_id: Option<Uuid>,
    pub unit_path: Option<String>,
    pub district_id: Option<Uuid>,
    pub facility_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub submitted_at: Option<DateTimeUtc>,
    pub decided_at: Option<DateTimeUtc>,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
