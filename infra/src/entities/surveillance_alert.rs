use sea_orm::entity::prelude::*;

/// A rule that fired for a condition in a place, with its numbers, until verified.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "surveillance_alerts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub condition_id: Uuid,
    pub rule_key: String,
    pub unit_id: Uuid,
    pub unit_path: String,
    pub village: Option<String>,
    pub window_from: Date,
    pub window_to: Date,
    pub cases: i64,
    pub line: f64,
    pub explanation: String,
    /// open, true_signal or false_signal.
    pub status: String,
    pub raised_at: DateTimeUtc,
    pub verified_at: Option<DateTimeUtc>,
    pub verified_by: Option<Uuid>,
    pub verification_note: Option<String>,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
