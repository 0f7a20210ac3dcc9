//! Input objects, parsed into domain types at the edge.

#[allow(unused_imports)]
use super::*;

#[derive(InputObject, Clone)]
pub struct GuardianInput {
    pub name: String,
    pub relation: Relation,
    pub phone: Option<String>,
}

#[derive(InputObject, Clone)]
pub struct AddressInput {
    /// The block (or other unit) the patient lives in.
    pub unit_id: ID,
    pub line: Option<String>,
    pub pincode: Option<String>,
}

#[derive(InputObject, Clone)]
pub struct PatientInput {
    /// In Latin letters.
    pub given_name: String,
    pub family_name: Option<String>,
    /// The name in the patient's own script, as entered.
    pub local_name: Option<String>,
    pub sex: PatientSex,
    /// Give this, or `ageYears` when the date is not known.
    pub date_of_birth: Option<NaiveDate>,
    pub age_years: Option<i32>,
    pub phone: Option<String>,
    pub address: Option<AddressInput>,
    pub guardian: Option<GuardianInput>,
    /// ISO 639-1 code, e.g. hi, bn, en.
    pub preferred_language: Option<String>,
    /// XX-XXXX-XXXX-XXXX.
    pub abha_number: Option<String>,
    /// Aadhaar number: only a keyed hash and the last four digits are kept.
    pub national_id: Option<String>,
}

impl PatientInput {
    pub fn parse(&self) -> ApiResult<arogya_domain::patient::details::PatientDetails> {
        let unit = self
            .address
            .as_ref()
            .map(|a| parse_id("address.unitId", &a.unit_id).map(UnitId))
            .transpose()?;
        let form = PatientForm {
            given_name: self.given_name.clone(),
            family_name: self.family_name.clone(),
            local_name: self.local_name.clone(),
            sex: arogya_domain::patient::details::PatientSex::from(self.sex)
                .as_str()
                .to_owned(),
            date_of_birth: self.date_of_birth,
            age_years: self.age_years,
            phone: self.phone.clone(),
            address_unit: unit,
            address_line: self.address.as_ref().and_then(|a| a.line.clone()),
            pincode: self.address.as_ref().and_then(|a| a.pincode.clone()),
            guardian_name: self.guardian.as_ref().map(|g| g.name.clone()),
            guardian_relation: self.guardian.as_ref().map(|g| {
                arogya_domain::patient::details::Relation::from(g.relation)
                    .as_str()
                    .to_owned()
            }),
            guardian_phone: self.guardian.as_ref().and_then(|g| g.phone.clone()),
            preferred_language: self.preferred_language.clone(),
            abha_number: self.abha_number.clone(),
            national_id: self.national_id.clone(),
        };
        Ok(form.validate(today())?)
    }
}

#[derive(InputObject)]
pub struct PatientSearchInput {
    pub phone: Option<String>,
    /// Words of the name, in Latin, Devanagari or Bengali script; spelling and
    /// transliteration variants match (लक्ष्मी and লক্ষ্মী find Lakshmi).
    pub name: Option<String>,
    /// Age band in years (with `name`).
    pub age_from: Option<i32>,
    pub age_to: Option<i32>,
}

#[derive(InputObject)]
pub struct HouseholdInput {
    /// The household's id when the phone made it (a UUID v7: see `OfflineId`), so that
    /// members can be enrolled into it while both still wait in the phone's queue.
    pub id: Option<ID>,
    pub unit_id: ID,
    pub address_line: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

impl HouseholdInput {
    /// The client's id for the household, if it sent one.
    pub fn offline_id(&self) -> ApiResult<Option<OfflineId>> {
        self.id
            .as_ref()
            .map(|raw| {
                Ok(OfflineId::parse(
                    "id",
                    parse_id("id", raw)?,
                    chrono::Utc::now(),
                )?)
            })
            .transpose()
    }

    pub fn parse(&self) -> ApiResult<HouseholdDetails> {
        let geo = match (self.latitude, self.longitude) {
            (Some(la), Some(lo)) => Some((la, lo)),
            (None, None) => None,
            _ => {
                return Err(ApiError::validation(
                    "longitude",
                    "give both latitude and longitude, or neither",
                ))
            }
        };
        Ok(HouseholdDetails::new(
            UnitId(parse_id("unitId", &self.unit_id)?),
            &self.address_line,
            geo,
        )?)
    }
}
