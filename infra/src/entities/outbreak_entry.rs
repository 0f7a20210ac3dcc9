use sea_orm::entity::prelude::*;

/// One entry of an investigation (appended, never changed).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "outbreak_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub investigation_id: Uuid,
    pub kind: String,
    pub happened_on: Date,
    pub text: String,
    pub detail: Option<String>,
    pub sample_id: Option<Uuid>,
    pub result: Option<String>,
    pub case_id: Option<Uuid>,
    pub recorded_at: DateTimeUtc,
    pub recorded_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
