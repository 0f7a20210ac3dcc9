use sea_orm::entity::prelude::*;

/// A ward's midnight census for one day.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "ward_census")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub ward_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: Date,
    pub facility_id: Uuid,
    pub opening: i32,
    pub admitted: i32,
    pub transferred_in: i32,
    pub transferred_out: i32,
    pub discharged: i32,
    pub died: i32,
    pub closing: i32,
    pub counted_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
