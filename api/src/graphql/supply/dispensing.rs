//! Dispensing over GraphQL: a patient's prescriptions as the pharmacy sees them,
//! dispensing against one, and walk-in sales of over-the-counter items.

#[allow(unused_imports)]
use super::*;
use crate::app::supply::dispensing::{DispenseLine, ToDispense, Witness};
use arogya_domain::supply::dispensing::DispenseOutcome as DomainOutcome;
use arogya_domain::supply::fefo::Pick;
use arogya_infra::repos::supply::dispenses::DispenseRecord;

mirror!(DispenseOutcome = "arogya_domain::supply::dispensing::DispenseOutcome" {
    Dispensed, Substituted, NotAvailable
});

#[derive(SimpleObject, Clone)]
pub struct Dispense {
    pub id: ID,
    pub prescription_id: Option<ID>,
    pub line: Option<i32>,
    pub prescribed: String,
    pub item_id: Option<ID>,
    pub quantity: i64,
    pub outcome: DispenseOutcome,
    pub reason: Option<String>,
    pub witnessed: bool,
    pub dispensed_at: DateTime<Utc>,
}

impl From<&DispenseRecord> for Dispense {
    fn from(d: &DispenseRecord) -> Self {
        Self {
            id: id(d.id),
            prescription_id: d.prescription_id.map(id),
            line: d.line,
            prescribed: d.prescribed.clone(),
            item_id: d.item_id.map(id),
            quantity: d.quantity,
            outcome: DomainOutcome::parse(&d.outcome)
                .unwrap_or(DomainOutcome::Dispensed)
                .into(),
            reason: d.reason.clone(),
            witnessed: d.witness_by.is_some(),
            dispensed_at: d.dispensed_at,
        }
    }
}

/// A catalogue item that matches a prescribed drug, with what the pharmacy can give.
#[derive(SimpleObject, Clone)]
pub struct DispenseCandidate {
    pub item: SupplyItem,
    pub usable: i64,
}

#[derive(SimpleObject, Clone)]
pub struct PrescriptionLineToDispense {
    pub line: i32,
    pub drug_name: String,
    pub drug_code: Option<String>,
    pub strength: Option<String>,
    pub dose: String,
    pub frequency: String,
    pub duration_days: Option<i32>,
    /// Units already given against this line.
    pub dispensed_quantity: i64,
    pub dispenses: Vec<Dispense>,
    pub candidates: Vec<DispenseCandidate>,
}

#[derive(SimpleObject, Clone)]
pub struct PrescriptionToDispense {
    pub id: ID,
    pub occurred_at: DateTime<Utc>,
    pub facility_id: ID,
    pub lines: Vec<PrescriptionLineToDispense>,
}

#[derive(SimpleObject, Clone)]
pub struct PatientPrescriptions {
    pub patient_id: ID,
    pub health_id: String,
    pub name: String,
    pub prescriptions: Vec<PrescriptionToDispense>,
}

impl From<&ToDispense> for PrescriptionToDispense {
    fn from(t: &ToDispense) -> Self {
        Self {
            id: id(t.entry.id),
            occurred_at: t.entry.occurred_at,
            facility_id: id(t.entry.facility_id),
            lines: t
                .prescription
                .items
                .iter()
                .enumerate()
                .map(|(n, pi)| {
                    let mine: Vec<&DispenseRecord> = t
                        .dispensed
                        .iter()
                        .filter(|d| d.line == Some(n as i32))
                        .collect();
                    PrescriptionLineToDispense {
                        line: n as i32,
                        drug_name: pi.drug_name.clone(),
                        drug_code: pi.drug_code.clone(),
                        strength: pi.strength.clone(),
                        dose: pi.dose.clone(),
                        frequency: pi.frequency.clone(),
                        duration_days: pi.duration_days,
                        dispensed_quantity: mine.iter().map(|d| d.quantity).sum(),
                        dispenses: mine.iter().map(|d| (*d).into()).collect(),
                        candidates: t.candidates[n]
                            .iter()
                            .map(|(i, u)| DispenseCandidate {
                                item: i.into(),
                                usable: *u,
                            })
                            .collect(),
                    }
                })
                .collect(),
        }
    }
}

#[derive(InputObject)]
pub struct DispenseLineInput {
    /// The prescription's line (0-based); leave out for walk-ins.
    pub line: Option<i32>,
    /// The item given; leave out when the drug is not available.
    pub item_id: Option<ID>,
    #[graphql(default)]
    pub quantity: i64,
    pub batches: Option<Vec<BatchPickInput>>,
    pub batch_reason: Option<String>,
    /// Why a substitute was given, or why nothing was.
    pub reason: Option<String>,
}

#[derive(InputObject)]
pub struct WitnessInput {
    pub login: String,
    pub password: String,
}

#[derive(InputObject)]
pub struct DispenseInput {
    pub store_id: ID,
    pub prescription_id: ID,
    pub lines: Vec<DispenseLineInput>,
    /// A colleague's second signature, for controlled drugs (schedule H1, X).
    pub witness: Option<WitnessInput>,
}

#[derive(InputObject)]
pub struct WalkInInput {
    pub store_id: ID,
    pub name: Option<String>,
    pub lines: Vec<DispenseLineInput>,
}

fn lines(input: Vec<DispenseLineInput>) -> ApiResult<Vec<DispenseLine>> {
    input
        .into_iter()
        .enumerate()
        .map(|(n, l)| {
            let batches = l
                .batches
                .map(|b| {
                    b.iter()
                        .enumerate()
                        .map(|(k, p)| {
                            Ok(Pick {
                                batch: parse_id(
                                    &format!("lines.{n}.batches.{k}.batchId"),
                                    &p.batch_id,
                                )?,
                                quantity: p.quantity,
                            })
                        })
                        .collect::<ApiResult<Vec<_>>>()
                })
                .transpose()?;
            Ok(DispenseLine {
                line: l.line,
                item_id: l
                    .item_id
                    .as_ref()
                    .map(|i| parse_id(&format!("lines.{n}.itemId"), i))
                    .transpose()?,
                quantity: l.quantity,
                batches,
                batch_reason: l.batch_reason,
                reason: l.reason,
            })
        })
        .collect()
}

#[derive(Default)]
pub struct DispensingQuery;

#[Object]
impl DispensingQuery {
    /// A patient's current prescriptions (the last 90 days), found by health ID at
    /// a pharmacy the caller works; the read goes on the patient's access log.
    async fn prescriptions_to_dispense(
        &self,
        ctx: &Context<'_>,
        store_id: ID,
        health_id: String,
    ) -> ApiResult<PatientPrescriptions> {
        let (p, list) = supply(ctx)?
            .prescriptions_to_dispense(parse_id("storeId", &store_id)?, &health_id)
            .await?;
        Ok(PatientPrescriptions {
            patient_id: id(p.id),
            health_id: p.health_id.clone(),
            name: match &p.family_name {
                Some(f) => format!("{} {f}", p.given_name),
                None => p.given_name.clone(),
            },
            prescriptions: list.iter().map(Into::into).collect(),
        })
    }
}

#[derive(Default)]
pub struct DispensingMutation;

#[Object]
impl DispensingMutation {
    /// Dispense against a prescription, line by line.
    async fn dispense_prescription(
        &self,
        ctx: &Context<'_>,
        input: DispenseInput,
    ) -> ApiResult<Vec<Dispense>> {
        let store = parse_id("storeId", &input.store_id)?;
        let rx = parse_id("prescriptionId", &input.prescription_id)?;
        let witness = input.witness.map(|w| Witness {
            login: w.login,
            password: w.password,
        });
        let done = supply(ctx)?
            .dispense(store, rx, lines(input.lines)?, witness)
            .await?;
        Ok(done.iter().map(Into::into).collect())
    }

    /// Over-the-counter items to someone without a prescription.
    async fn dispense_walk_in(
        &self,
        ctx: &Context<'_>,
        input: WalkInInput,
    ) -> ApiResult<Vec<Dispense>> {
        let store = parse_id("storeId", &input.store_id)?;
        let done = supply(ctx)?
            .dispense_walk_in(store, input.name, lines(input.lines)?)
            .await?;
        Ok(done.iter().map(Into::into).collect())
    }
}
