use sea_orm::entity::prelude::*;

/// Someone who receives a place's monthly indicators report (kept when removed).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "report_recipients")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub email: String,
    pub unit_id: Option<Uuid>,
    pub facility_id: Option<Uuid>,
    pub added_by: Uuid,
    pub added_at: DateTimeUtc,
    pub removed_by: Option<Uuid>,
    pub removed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
