use sea_orm::entity::prelude::*;

/// One person's illness episode of a notifiable condition.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "surveillance_cases")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub condition_id: Uuid,
    pub patient_id: Option<Uuid>,
    /// `s`, `p` or `l`.
    pub level: String,
    pub classification: String,
    pub outcome: Option<String>,
    pub onset_date: Date,
    /// `EpiWeek::key` of the onset.
    pub epi_week: i32,
    pub reported_at: DateTimeUtc,
    pub unit_id: Uuid,
    pub unit_path: String,
    pub village: Option<String>,
    pub facility_id: Option<Uuid>,
    pub name: Option<String>,
    pub age_years: Option<i32>,
    pub age_group: String,
    pub sex: String,
    pub symptoms: Option<String>,
    pub source_entry_id: Option<Uuid>,
    pub reported_by: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
