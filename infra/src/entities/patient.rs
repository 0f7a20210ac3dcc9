use sea_orm::entity::prelude::*;

/// A patient of one tenant. `merged_into` points to the surviving record after a merge.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "patients")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub health_id: String,
    pub given_name: String,
    pub family_name: Option<String>,
    pub local_name: Option<String>,
    pub given_key: String,
    pub family_key: String,
    pub sex: String,
    pub birth_date: Date,
    pub birth_estimated: bool,
    pub birth_year: i32,
    pub phone: Option<String>,
    pub unit_id: Option<Uuid>,
    pub unit_path: Option<String>,
    pub address_line: Option<String>,
    pub pincode: Option<String>,
    pub guardian_name: Option<String>,
    pub guardian_relation: Option<String>,
    pub guardian_phone: Option<String>,
    pub preferred_language: Option<String>,
    pub abha_number: Option<String>,
    pub national_id_hash: Option<String>,
    pub national_id_last4: Option<String>,
    pub household_id: Option<Uuid>,
    pub registered_by: Option<Uuid>,
    pub merged_into: Option<Uuid>,
    pub merged_at: Option<DateTimeUtc>,
    pub merged_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
