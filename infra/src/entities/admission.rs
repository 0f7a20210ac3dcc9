use sea_orm::entity::prelude::*;

/// An inpatient stay, with the latest condition kept for the monitoring list.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "admissions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub patient_id: Option<Uuid>,
    pub unidentified: Option<String>,
    pub facility_id: Uuid,
    pub ward_id: Uuid,
    pub bed_id: Uuid,
    pub encounter_id: Option<Uuid>,
    pub admitting_professional_id: Uuid,
    pub department: String,
    pub reason: String,
    pub provisional_diagnosis: Option<String>,
    pub admitted_at: DateTimeUtc,
    pub status: String,
    pub outcome: Option<String>,
    pub discharged_at: Option<DateTimeUtc>,
    pub time_of_death: Option<DateTimeUtc>,
    pub discharge_note: Option<String>,
    pub category: Option<String>,
    pub life_support: Option<String>,
    pub condition_at: Option<DateTimeUtc>,
    pub news2: Option<i32>,
    pub version: i32,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    /// When the discharge (or death) was entered.
    pub discharge_recorded_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
