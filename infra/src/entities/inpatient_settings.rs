use sea_orm::entity::prelude::*;

/// A tenant's inpatient rules: condition entries a day, and how late a death may be entered.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "inpatient_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    pub critical_care_per_day: i16,
    pub critical_per_day: i16,
    pub others_per_day: i16,
    pub death_entry_hours: i16,
    pub version: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
