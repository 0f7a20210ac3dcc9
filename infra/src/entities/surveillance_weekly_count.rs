use sea_orm::entity::prelude::*;

/// Cases of a condition in a place, week, age group and sex: kept current with every
/// change of a case (`arogya_domain::surveillance::counts`).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "surveillance_weekly_counts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub condition_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub unit_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub epi_week: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub age_group: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub sex: String,
    pub unit_path: String,
    pub cases: i64,
    pub confirmed: i64,
    pub deaths: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
