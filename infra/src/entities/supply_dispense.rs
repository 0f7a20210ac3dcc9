use sea_orm::entity::prelude::*;

/// One line dispensed (or found not available) at a pharmacy.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "supply_dispenses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub store_id: Uuid,
    pub patient_id: Option<Uuid>,
    pub prescription_id: Option<Uuid>,
    pub line: Option<i32>,
    pub prescribed: String,
    pub item_id: Option<Uuid>,
    pub quantity: i64,
    pub outcome: String,
    pub reason: Option<String>,
    pub walk_in_name: Option<String>,
    pub witness_by: Option<Uuid>,
    pub dispensed_at: DateTimeUtc,
    pub by: Uuid,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
