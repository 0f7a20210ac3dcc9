use sea_orm::entity::prelude::*;

/// A one-time code sent to an attendant's phone: only its keyed hash is kept.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "inpatient_codes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub request_id: Uuid,
    pub purpose: String,
    pub admission_id: Uuid,
    pub attendant_id: Uuid,
    pub phone: String,
    pub code_hash: String,
    pub expires_at: DateTimeUtc,
    pub attempts_left: i16,
    pub used_at: Option<DateTimeUtc>,
    pub client_addr: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
