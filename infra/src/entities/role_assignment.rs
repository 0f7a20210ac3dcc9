use sea_orm::entity::prelude::*;

/// A role granted to a user, for the whole tenant, a unit or a facility.
/// `scope_key` ("tenant", "unit:<id>", "facility:<id>") makes each grant unique
/// without relying on how a backend compares NULLs.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "role_assignments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub role: String,
    pub unit_id: Option<Uuid>,
    pub facility_id: Option<Uuid>,
    pub scope_key: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
