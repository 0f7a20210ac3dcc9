use sea_orm::entity::prelude::*;

/// One count of a facility's day (see `domain::dashboards::measures`).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "indicator_facility_days")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub facility_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: Date,
    #[sea_orm(primary_key, auto_increment = false)]
    pub measure: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub department: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub age_group: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub sex: String,
    pub value: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
