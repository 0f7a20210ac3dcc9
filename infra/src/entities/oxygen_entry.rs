use sea_orm::entity::prelude::*;

/// One version of a reading in a facility's daily oxygen register, with the stock it
/// comes to in Nm³.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "oxygen_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub series_id: Uuid,
    pub facility_id: Uuid,
    pub version: i32,
    pub reading_at: DateTimeUtc,
    pub entered_at: DateTimeUtc,
    pub entered_by: Uuid,
    pub late: bool,
    pub correction_reason: Option<String>,
    pub superseded_at: Option<DateTimeUtc>,
    pub readings: Json,
    #[sea_orm(column_type = "Double")]
    pub held_nm3: f64,
    #[sea_orm(column_type = "Double")]
    pub usable_nm3: f64,
    #[sea_orm(column_type = "Double")]
    pub received_nm3: f64,
    #[sea_orm(column_type = "Double")]
    pub produced_nm3: f64,
    pub estimated: bool,
    pub plant_fault: bool,
    pub patients: Option<Json>,
    /// `inpatient` (counted from the wards) or `entered`.
    pub patients_from: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
