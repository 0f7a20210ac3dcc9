use sea_orm::entity::prelude::*;

/// An outbreak investigation opened by an alert verified as a true signal.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "outbreak_investigations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub alert_id: Uuid,
    pub condition_id: Uuid,
    pub unit_id: Uuid,
    pub unit_path: String,
    pub village: Option<String>,
    pub status: String,
    pub raised_at: DateTimeUtc,
    pub verified_at: DateTimeUtc,
    pub responded_at: Option<DateTimeUtc>,
    pub opened_by: Option<Uuid>,
    #[sea_orm(column_type = "Text", nullable)]
    pub final_report: Option<String>,
    pub closed_at: Option<DateTimeUtc>,
    pub version: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
