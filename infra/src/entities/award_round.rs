use sea_orm::entity::prelude::*;

/// An award round: a scorecard's ranking frozen (rules, inputs and result written
/// once), and the decision recorded once.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "award_rounds")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub title: String,
    pub scorecard_id: Uuid,
    pub scorecard_version: i32,
    pub from_month: Date,
    pub to_month: Date,
    pub rules: Json,
    pub inputs: Json,
    pub result: Json,
    pub frozen_by: Uuid,
    pub frozen_at: DateTimeUtc,
    pub decision_note: Option<String>,
    pub decided_by: Option<Uuid>,
    pub decided_at: Option<DateTimeUtc>,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
