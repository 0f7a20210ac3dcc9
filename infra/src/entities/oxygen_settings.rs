use sea_orm::entity::prelude::*;

/// A tenant's oxygen rules: the liquid conversion factor, flow norms, alert thresholds
/// and the daily deadline for readings.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "oxygen_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    pub liquid_factor: String,
    pub norms: Json,
    pub warning_hours: i32,
    pub critical_hours: i32,
    pub deadline_hour: i16,
    pub version: i32,
    pub updated_at: DateTimeUtc,
    /// Unacknowledged critical alerts go to the state after this many hours.
    pub escalate_after_hours: i32,
    /// `{district id: [warning hours, critical hours]}` for districts with their own.
    pub district_thresholds: Option<Json>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
