use sea_orm::entity::prelude::*;

/// A place, a condition's measure, or an age group and sex, mapped to a DHIS2 identifier.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "dhis2_mappings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// org_unit, data_element or category.
    pub kind: String,
    pub local_key: String,
    pub unit_id: Option<Uuid>,
    pub condition_id: Option<Uuid>,
    pub measure: Option<String>,
    pub age_group: Option<String>,
    pub sex: Option<String>,
    pub dhis2_id: String,
    pub version: i32,
    pub updated_at: DateTimeUtc,
    pub updated_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
