use sea_orm::entity::prelude::*;

/// A change of a piece of equipment's status, kept for its history.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "equipment_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub equipment_id: Uuid,
    pub status: String,
    pub note: Option<String>,
    pub at: DateTimeUtc,
    /// None for the command line (an import).
    pub by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
