use sea_orm::entity::prelude::*;

/// A health facility. `unit_path` copies its unit's path and `district_id` names the
/// district it lies in, for subtree filters and per-district counts.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "facilities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub name_key: String,
    pub facility_type: String,
    pub ownership: String,
    pub ownership_subtype: Option<String>,
    pub unit_id: Uuid,
    pub unit_path: String,
    pub district_id: Option<Uuid>,
    pub address: Option<String>,
    pub pincode: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub systems_of_medicine: Json,
    pub specialities: Json,
    pub operational_status: String,
    pub national_facility_id: Option<String>,
    pub beds_general: i32,
    pub beds_oxygen: i32,
    pub beds_icu: i32,
    pub beds_hdu: i32,
    pub beds_ventilator: i32,
    pub beds_isolation: i32,
    pub beds_paediatric: i32,
    pub beds_maternity: i32,
    pub emr_adopted: bool,
    pub emr_adopted_on: Option<Date>,
    pub emr_checklist: Json,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
