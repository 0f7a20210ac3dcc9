use sea_orm::entity::prelude::*;

/// A document's metadata; its bytes live in the object store under `object_key`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "documents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub owner_kind: String,
    pub owner_id: Uuid,
    pub purpose: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub object_key: String,
    pub status: String,
    pub sha256: Option<String>,
    pub reject_reason: Option<String>,
    pub uploaded_by: Uuid,
    pub created_at: DateTimeUtc,
    pub slot_expires_at: DateTimeUtc,
    pub confirmed_at: Option<DateTimeUtc>,
    pub deleted_at: Option<DateTimeUtc>,
    pub purge_after: Option<DateTimeUtc>,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
