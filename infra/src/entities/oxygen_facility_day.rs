use sea_orm::entity::prelude::*;

/// A facility's day in oxygen, rolled up from its current readings (see
/// `arogya_domain::oxygen::days`): rewritten whenever a reading of that day, or the
/// one before it, is entered or corrected.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "oxygen_facility_days")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub facility_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: Date,
    pub stock_nm3: f64,
    pub usable_nm3: f64,
    pub consumption_nm3: f64,
    pub received_nm3: f64,
    pub produced_nm3: f64,
    pub hours: f64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
