use sea_orm::entity::prelude::*;

/// A delivery of oxygen to a facility, from dispatch to the facility's confirmation.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "oxygen_deliveries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub facility_id: Uuid,
    pub supplier: String,
    pub vehicle: Option<String>,
    pub challan: Option<String>,
    pub kind: String,
    pub source_id: Option<Uuid>,
    pub cylinder_type_id: Option<Uuid>,
    pub quantity: f64,
    pub unit: String,
    pub nm3: f64,
    pub dispatched_at: DateTimeUtc,
    pub expected_at: DateTimeUtc,
    pub status: String,
    pub received_at: Option<DateTimeUtc>,
    pub received_quantity: Option<f64>,
    pub received_by: Option<Uuid>,
    pub note: Option<String>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
