//! The registry's GraphQL inputs, parsed into domain forms.

use super::*;

#[derive(SimpleObject, InputObject, Clone)]
#[graphql(input_name = "QualificationInput")]
pub struct Qualification {
    pub degree: String,
    pub institution: String,
    pub year: i32,
}

#[derive(InputObject, Clone)]
pub struct CouncilRegistrationInput {
    /// e.g. West Bengal Medical Council, Indian Nursing Council.
    pub council: String,
    pub number: String,
    pub registered_on: NaiveDate,
    /// Leave out for a permanent registration.
    pub valid_until: Option<NaiveDate>,
}

#[derive(InputObject)]
pub struct ProfessionalInput {
    pub name: String,
    pub kind: ProfessionalKind,
    pub sex: Option<Sex>,
    pub date_of_birth: Option<NaiveDate>,
    pub phone: Option<String>,
    pub email: Option<String>,
    #[graphql(default)]
    pub registrations: Vec<CouncilRegistrationInput>,
    #[graphql(default)]
    pub qualifications: Vec<Qualification>,
    #[graphql(default)]
    pub languages: Vec<String>,
}

impl ProfessionalInput {
    pub(super) fn parse(&self) -> ApiResult<domain::ProfessionalDetails> {
        let form = domain::ProfessionalForm {
            name: self.name.clone(),
            kind: domain::ProfessionalKind::from(self.kind)
                .as_str()
                .to_owned(),
            sex: self.sex.map(|s| domain::Sex::from(s).as_str().to_owned()),
            date_of_birth: self.date_of_birth,
            phone: self.phone.clone(),
            email: self.email.clone(),
            registrations: self
                .registrations
                .iter()
                .map(|r| domain::CouncilRegistration {
                    council: r.council.clone(),
                    number: r.number.clone(),
                    registered_on: r.registered_on,
                    valid_until: r.valid_until,
                })
                .collect(),
            qualifications: self
                .qualifications
                .iter()
                .map(|q| domain::Qualification {
                    degree: q.degree.clone(),
                    institution: q.institution.clone(),
                    year: q.year,
                })
                .collect(),
            languages: self.languages.clone(),
        };
        Ok(form.validate(today())?)
    }
}

#[derive(InputObject)]
pub struct PostingInput {
    pub facility_id: ID,
    /// e.g. Medical Officer, Staff Nurse.
    pub designation: String,
    pub department: Option<String>,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

impl PostingInput {
    pub(super) fn parse(&self) -> ApiResult<(FacilityId, NewAttachment)> {
        domain::attachment_period(self.from, self.to)?;
        Ok((
            FacilityId(parse_id("facilityId", &self.facility_id)?),
            NewAttachment {
                designation: domain::attachment_text(&self.designation, "designation")?,
                department: self
                    .department
                    .as_deref()
                    .filter(|d| !d.trim().is_empty())
                    .map(|d| domain::attachment_text(d, "department"))
                    .transpose()?,
                from: self.from,
                to: self.to,
            },
        ))
    }
}

#[derive(InputObject, Default)]
pub struct ProfessionalFilter {
    /// Words of the name.
    pub search: Option<String>,
    pub registration_number: Option<String>,
    /// Currently posted at this facility.
    pub facility_id: Option<ID>,
    pub kind: Option<ProfessionalKind>,
    pub status: Option<VerificationStatus>,
}

#[derive(InputObject)]
pub struct CreateProfessionalInput {
    pub tenant_id: Option<ID>,
    pub professional: ProfessionalInput,
    /// Where they work; required from district-scoped administrators.
    pub posting: Option<PostingInput>,
}

#[derive(InputObject)]
pub struct UpdateProfessionalInput {
    pub tenant_id: Option<ID>,
    pub id: ID,
    pub expected_version: i32,
    pub professional: ProfessionalInput,
}
