use sea_orm::entity::prelude::*;

/// A facility's weekly report (a nil report when it saw no case).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "surveillance_weekly_reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub facility_id: Uuid,
    pub unit_path: String,
    pub epi_week: i32,
    pub first_submitted_at: DateTimeUtc,
    pub last_submitted_at: DateTimeUtc,
    pub submitted_by: Uuid,
    pub cases: i64,
    pub note: Option<String>,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
