use sea_orm::entity::prelude::*;

/// One version of a clinical entry, kept for ever: corrections add versions.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "clinical_entry_versions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub entry_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub version: i32,
    pub status: String,
    pub occurred_at: DateTimeUtc,
    pub details: Json,
    pub author_user_id: Uuid,
    pub author_professional_id: Uuid,
    pub recorded_at: DateTimeUtc,
    pub change_reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
