use sea_orm::entity::prelude::*;

/// One of a condition's alert rules as the state set them (retired when replaced).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "surveillance_alert_rules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub condition_id: Uuid,
    pub rule_key: String,
    pub kind: String,
    pub scope: String,
    pub window: String,
    pub amount: f64,
    pub years: Option<i32>,
    pub half_width: Option<i32>,
    pub days: Option<i32>,
    pub min_cases: i64,
    pub quiet_days: i32,
    pub valid_from: DateTimeUtc,
    pub retired_at: Option<DateTimeUtc>,
    pub set_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
