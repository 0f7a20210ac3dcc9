use sea_orm::entity::prelude::*;

/// One mark on a due (or as-needed) dose; a correction replaces it.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "medication_administrations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub admission_id: Uuid,
    pub prescription_id: Uuid,
    pub item_index: i16,
    pub due_at: Option<DateTimeUtc>,
    pub status: String,
    pub note: Option<String>,
    pub recorded_by: Uuid,
    pub recorded_at: DateTimeUtc,
    pub replaced_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
