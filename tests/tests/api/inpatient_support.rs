//! What the inpatient tests share: a hospital with a medical ward and an ICU, a
//! doctor and a nurse posted there, and admissions.

use super::records::Clinic;
use arogya_tests::{expect_data, TestApp};
use serde_json::{json, Value};

pub const WARD: &str =
    "mutation($i: WardInput!) { createWard(input: $i) { id name department phone version } }";
pub const BEDS: &str = "mutation($w: ID!, $t: BedType!, $l: [String!]!) { addBeds(wardId: $w, bedType: $t, labels: $l) { id label bedType housekeeping version } }";
pub const ADMIT: &str = "mutation($i: AdmitInput!) { admitPatient(input: $i) { id patientId healthId name unidentified bedId bedLabel wardName facilityName encounterId status category version } }";
pub const BOARD: &str = "query($w: ID!) { wardBoard(wardId: $w) { ward { name } counts { total occupied free outOfService occupancyRate } beds { state fhirStatus bed { id label version housekeeping } admission { id name category lifeSupport news2 overdue version } } } }";
pub const CONDITION: &str = "mutation($i: ConditionInput!) { recordCondition(input: $i) { id category categoryDefinition lifeSupport news2 news2Risk recordedAt } }";
pub const DISCHARGE: &str = "mutation($i: DischargeInput!) { dischargePatient(input: $i) { id status outcome dischargedAt timeOfDeath version } }";
pub const TRANSFER: &str = "mutation($a: ID!, $v: Int!, $b: ID!) { transferPatient(admissionId: $a, expectedVersion: $v, bedId: $b) { id bedId bedLabel wardName version } }";
pub const HOUSEKEEPING: &str = "mutation($b: ID!, $v: Int!, $h: BedHousekeeping!, $r: String) { setBedHousekeeping(bedId: $b, expectedVersion: $v, housekeeping: $h, reason: $r) { id housekeeping reason version } }";

pub struct Hospital {
    pub c: Clinic,
    pub ward: Value,
    pub icu: Value,
    /// General beds M-1..M-4 and ICU beds ICU-1..ICU-2.
    pub beds: Vec<Value>,
    pub icu_beds: Vec<Value>,
}

impl Hospital {
    pub async fn new(app: &TestApp) -> Self {
        let c = Clinic::new(app).await;
        let ward = expect_data(
            &app.gql(Some(&c.wb), WARD, json!({ "i": { "facilityId": c.kolkata["id"], "name": "Female Medical", "department": "MEDICINE", "floor": "2", "phone": "033 2223 4567" } }))
                .await,
        )["createWard"]
            .clone();
        let icu = expect_data(
            &app.gql(Some(&c.wb), WARD, json!({ "i": { "facilityId": c.kolkata["id"], "name": "ICU", "department": "ICU" } }))
                .await,
        )["createWard"]
            .clone();
        let beds = expect_data(
            &app.gql(
                Some(&c.wb),
                BEDS,
                json!({ "w": ward["id"], "t": "GENERAL", "l": ["M-1", "M-2", "M-3", "M-4"] }),
            )
            .await,
        )["addBeds"]
            .as_array()
            .unwrap()
            .clone();
        let icu_beds = expect_data(
            &app.gql(
                Some(&c.wb),
                BEDS,
                json!({ "w": icu["id"], "t": "VENTILATOR", "l": ["ICU-1", "ICU-2"] }),
            )
            .await,
        )["addBeds"]
            .as_array()
            .unwrap()
            .clone();
        Self {
            c,
            ward,
            icu,
            beds,
            icu_beds,
        }
    }

    pub fn admission(&self, patient: &Value, bed: &Value) -> Value {
        json!({ "i": {
            "healthId": patient["healthId"], "bedId": bed["id"], "admittingProfessionalId": self.c.doctor_id,
            "department": "MEDICINE", "reason": "Fever with breathlessness", "provisionalDiagnosis": "Pneumonia",
            "attendants": [{ "name": "Rupa Mondal", "relationship": "daughter", "phone": "98300 55501" }]
        } })
    }

    /// Admit a new patient to `bed` (by the nurse) and return the admission.
    pub async fn admit(
        &self,
        app: &TestApp,
        given: &str,
        phone: &str,
        bed: &Value,
    ) -> (Value, Value) {
        let p = self.c.patient(app, given, phone).await;
        let a = expect_data(
            &app.gql(Some(&self.c.nurse), ADMIT, self.admission(&p, bed))
                .await,
        )["admitPatient"]
            .clone();
        (p, a)
    }
}

/// A critical patient on invasive ventilation, with observations (NEWS2 19).
pub fn critical_on_ventilator(admission: &Value) -> Value {
    json!({ "i": { "admissionId": admission["id"], "category": "CRITICAL", "lifeSupport": "INVASIVE_VENTILATION", "consciousness": "PAIN", "remark": "sedated",
        "observations": { "respiratoryRate": 26, "spo2": 90, "systolicBp": 88, "pulse": 132, "temperatureC": 39.4 } } })
}
