use sea_orm::entity::prelude::*;

/// A helpline call or message.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "helpline_tickets")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub channel: String,
    pub caller_phone: String,
    pub caller_name: Option<String>,
    pub language: String,
    pub patient_id: Option<Uuid>,
    pub category: String,
    pub notes: String,
    pub priority: String,
    pub priority_rank: i32,
    pub tier: i16,
    pub status: String,
    pub assignee_user_id: Option<Uuid>,
    pub kb_article_id: Option<Uuid>,
    pub encounter_id: Option<Uuid>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub first_response_at: Option<DateTimeUtc>,
    pub resolved_at: Option<DateTimeUtc>,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
