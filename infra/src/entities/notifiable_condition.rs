use sea_orm::entity::prelude::*;

/// A condition under surveillance in a tenant (see `arogya_domain::surveillance::condition`).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "notifiable_conditions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub code: String,
    pub name: String,
    /// Comma-separated ICD-10 codes.
    pub icd10: String,
    /// Comma-separated LOINC codes of confirming tests.
    pub loinc: String,
    pub syndromic: String,
    pub presumptive: String,
    pub confirmed: String,
    pub episode_days: i32,
    pub active: bool,
    pub version: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
