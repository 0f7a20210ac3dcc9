use sea_orm::entity::prelude::*;

/// A ward's shift handover, signed by the outgoing and incoming nurse.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "handover_notes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub ward_id: Uuid,
    pub day: Date,
    pub shift: String,
    pub summary: String,
    pub pending_tasks: Option<String>,
    pub outgoing_by: Uuid,
    pub outgoing_at: DateTimeUtc,
    pub incoming_by: Option<Uuid>,
    pub incoming_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
