//! Health records' GraphQL enums, mirrors of the domain's.

#[allow(unused_imports)]
use super::*;

macro_rules! mirror {
    ($name:ident = $remote:literal { $($v:ident),+ $(,)? }) => {
        #[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
        #[graphql(remote = $remote)]
        pub enum $name { $($v),+ }
    };
}

mirror!(EntryKind = "arogya_domain::clinical::entry::EntryKind" {
    Encounter, Vitals, Diagnosis, Prescription, LabOrder, LabResult, Note, DischargeSummary
});
mirror!(EntryStatus = "arogya_domain::clinical::entry::EntryStatus" {
    Active, InProgress, Finished, Cancelled, EnteredInError
});
mirror!(EncounterKind = "arogya_domain::clinical::encounter::EncounterKind" {
    Outpatient, Inpatient, Emergency, Teleconsultation, HomeVisit
});
mirror!(EncounterOutcome = "arogya_domain::clinical::encounter::EncounterOutcome" {
    SentHome, FollowUp, Referred, Admitted, LeftAgainstAdvice, Died
});
mirror!(GlucoseTiming = "arogya_domain::clinical::vitals::GlucoseTiming" {
    Fasting, Random, PostPrandial
});
mirror!(DiagnosisCertainty = "arogya_domain::clinical::diagnosis::Certainty" { Provisional, Final });
mirror!(DiagnosisRank = "arogya_domain::clinical::diagnosis::DiagnosisRank" { Primary, Secondary });
mirror!(Route = "arogya_domain::clinical::prescription::Route" {
    Oral, Intravenous, Intramuscular, Subcutaneous, Topical, Inhaled, Sublingual, Rectal,
    Nasal, Ophthalmic, Otic, Vaginal, Other
});
mirror!(DosageForm = "arogya_domain::clinical::prescription::DosageForm" {
    Tablet, Capsule, Syrup, Suspension, Drops, Injection, Infusion, Ointment, Cream, Gel,
    Inhaler, Nebulisation, Powder, Suppository, Lotion, Other
});
mirror!(LabPriority = "arogya_domain::clinical::lab::Priority" { Routine, Urgent, Stat });
mirror!(Specimen = "arogya_domain::clinical::lab::Specimen" {
    Blood, Serum, Plasma, Urine, Stool, Sputum, Swab, Csf, Tissue, Other
});
mirror!(AbnormalFlag = "arogya_domain::clinical::lab::AbnormalFlag" { Low, Normal, High });
mirror!(NoteCategory = "arogya_domain::clinical::notes::NoteCategory" {
    Progress, Nursing, Consultation, Procedure, Counselling, Other
});
