use sea_orm::entity::prelude::*;

/// A catalogue item: a medicine, consumable or reagent.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "supply_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub strength: Option<String>,
    pub form: Option<String>,
    pub pack_size: i32,
    pub unit_of_issue: String,
    pub essential: bool,
    pub schedule: String,
    pub over_the_counter: bool,
    pub active: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
