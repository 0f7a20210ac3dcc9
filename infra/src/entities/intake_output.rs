use sea_orm::entity::prelude::*;

/// One line of the intake–output chart.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "intake_output")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub admission_id: Uuid,
    pub at: DateTimeUtc,
    pub direction: String,
    pub kind: String,
    pub volume_ml: i32,
    pub note: Option<String>,
    pub recorded_by: Uuid,
    pub recorded_at: DateTimeUtc,
    pub entered_in_error_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
