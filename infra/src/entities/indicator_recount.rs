use sea_orm::entity::prelude::*;

/// When a tenant's indicators from other modules' records were last recounted: the
/// months still open to correction (`recent_at`) and everything (`full_at`).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "indicator_recounts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    pub recent_at: Option<DateTimeUtc>,
    pub full_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
