//! Supply inputs, parsed into the use cases' types at the edge.

#[allow(unused_imports)]
use super::*;
use crate::app::supply::indents::{Arrival, Decision};
use crate::app::supply::stock::{AdjustmentInput, IssueInput, ReceiptInput};
use crate::app::supply::stores::StoreInput as AppStoreInput;
use crate::graphql::records::DosageForm;
use arogya_domain::supply::fefo::Pick;
use arogya_domain::supply::item::ItemForm;
use arogya_domain::supply::store::StoreSettings;

#[derive(InputObject)]
pub struct SupplyItemInput {
    pub code: String,
    /// The generic name.
    pub name: String,
    pub kind: Option<ItemKind>,
    pub strength: Option<String>,
    pub form: Option<DosageForm>,
    pub pack_size: i32,
    pub unit_of_issue: String,
    #[graphql(default)]
    pub essential: bool,
    pub schedule: Option<DrugSchedule>,
    #[graphql(default)]
    pub over_the_counter: bool,
}

impl From<SupplyItemInput> for ItemForm {
    fn from(i: SupplyItemInput) -> Self {
        ItemForm {
            code: i.code,
            name: i.name,
            kind: i.kind.map(Into::into),
            strength: i.strength,
            form: i.form.map(Into::into),
            pack_size: i.pack_size,
            unit_of_issue: i.unit_of_issue,
            essential: i.essential,
            schedule: i.schedule.map(Into::into),
            over_the_counter: i.over_the_counter,
        }
    }
}

/// A store's planning thresholds.
#[derive(InputObject, Clone, Copy)]
pub struct StoreSettingsInput {
    pub lookback_days: i32,
    pub min_months: f64,
    pub max_months: f64,
    pub overstock_months: f64,
    pub expiry_warn_days: i32,
    pub expiry_alert_days: i32,
}

impl From<StoreSettingsInput> for StoreSettings {
    fn from(s: StoreSettingsInput) -> Self {
        StoreSettings {
            lookback_days: s.lookback_days,
            min_months: s.min_months,
            max_months: s.max_months,
            overstock_months: s.overstock_months,
            expiry_warn_days: s.expiry_warn_days,
            expiry_alert_days: s.expiry_alert_days,
        }
    }
}

#[derive(InputObject)]
pub struct StoreInput {
    pub name: String,
    pub level: StoreLevel,
    /// The store it indents from (none for the state warehouse).
    pub parent_id: Option<ID>,
    /// The unit a state or district store serves.
    pub unit_id: Option<ID>,
    /// The facility a pharmacy or ward store belongs to.
    pub facility_id: Option<ID>,
    pub settings: Option<StoreSettingsInput>,
}

fn opt_id(field: &str, v: &Option<ID>) -> ApiResult<Option<Uuid>> {
    v.as_ref().map(|i| parse_id(field, i)).transpose()
}

impl StoreInput {
    pub fn parse(self) -> ApiResult<AppStoreInput> {
        Ok(AppStoreInput {
            parent_id: opt_id("parentId", &self.parent_id)?,
            unit_id: opt_id("unitId", &self.unit_id)?,
            facility_id: opt_id("facilityId", &self.facility_id)?,
            name: self.name,
            level: self.level.into(),
            settings: self.settings.map(Into::into),
        })
    }
}

#[derive(InputObject)]
pub struct ReceiveStockInput {
    pub store_id: ID,
    pub item_id: ID,
    pub batch_no: String,
    pub expires_on: NaiveDate,
    pub manufactured_on: Option<NaiveDate>,
    pub manufacturer: Option<String>,
    pub supplier: Option<String>,
    /// Price of one unit of issue, in paise.
    #[graphql(default)]
    pub unit_price_paise: i64,
    pub quantity: i64,
    pub quality_status: Option<QualityStatus>,
    pub note: Option<String>,
}

impl ReceiveStockInput {
    pub fn parse(self) -> ApiResult<ReceiptInput> {
        Ok(ReceiptInput {
            store_id: parse_id("storeId", &self.store_id)?,
            item_id: parse_id("itemId", &self.item_id)?,
            batch_no: self.batch_no,
            expires_on: self.expires_on,
            manufactured_on: self.manufactured_on,
            manufacturer: self.manufacturer,
            supplier: self.supplier,
            unit_price_paise: self.unit_price_paise,
            quantity: self.quantity,
            quality: self.quality_status.map(Into::into),
            note: self.note,
        })
    }
}

#[derive(InputObject)]
pub struct BatchPickInput {
    pub batch_id: ID,
    pub quantity: i64,
}

#[derive(InputObject)]
pub struct IssueStockInput {
    pub store_id: ID,
    pub item_id: ID,
    pub quantity: i64,
    /// Where the stock goes (a camp, a programme).
    pub destination: String,
    /// Name the batches instead of first-expiry-first-out (with `overrideReason`).
    pub batches: Option<Vec<BatchPickInput>>,
    pub override_reason: Option<String>,
}

impl IssueStockInput {
    pub fn parse(self) -> ApiResult<IssueInput> {
        let batches = self
            .batches
            .map(|b| {
                b.iter()
                    .enumerate()
                    .map(|(n, p)| {
                        Ok(Pick {
                            batch: parse_id(&format!("batches.{n}.batchId"), &p.batch_id)?,
                            quantity: p.quantity,
                        })
                    })
                    .collect::<ApiResult<Vec<_>>>()
            })
            .transpose()?;
        Ok(IssueInput {
            store_id: parse_id("storeId", &self.store_id)?,
            item_id: parse_id("itemId", &self.item_id)?,
            quantity: self.quantity,
            destination: self.destination,
            batches,
            override_reason: self.override_reason,
        })
    }
}

#[derive(InputObject)]
pub struct AdjustStockInput {
    pub store_id: ID,
    pub batch_id: ID,
    pub reason: AdjustmentReason,
    pub quantity: i64,
    pub note: String,
}

impl AdjustStockInput {
    pub fn parse(self) -> ApiResult<AdjustmentInput> {
        Ok(AdjustmentInput {
            store_id: parse_id("storeId", &self.store_id)?,
            batch_id: parse_id("batchId", &self.batch_id)?,
            reason: self.reason.into(),
            quantity: self.quantity,
            note: self.note,
        })
    }
}

#[derive(InputObject)]
pub struct IndentLineInput {
    pub item_id: ID,
    pub quantity: i64,
}

#[derive(InputObject)]
pub struct RaiseIndentInput {
    /// The asking store; the indent goes to the store above it.
    pub store_id: ID,
    pub lines: Vec<IndentLineInput>,
    pub note: Option<String>,
}

/// The asking store, each item with its quantity, and the note.
pub type RaisedIndent = (Uuid, Vec<(Uuid, i64)>, Option<String>);

impl RaiseIndentInput {
    pub fn parse(self) -> ApiResult<RaisedIndent> {
        let lines = self
            .lines
            .iter()
            .enumerate()
            .map(|(n, l)| {
                Ok((
                    parse_id(&format!("lines.{n}.itemId"), &l.item_id)?,
                    l.quantity,
                ))
            })
            .collect::<ApiResult<Vec<_>>>()?;
        Ok((parse_id("storeId", &self.store_id)?, lines, self.note))
    }
}

#[derive(InputObject)]
pub struct IndentDecisionInput {
    pub item_id: ID,
    pub approved: i64,
    /// Required when less than requested is approved.
    pub reason: Option<String>,
}

#[derive(InputObject)]
pub struct DecideIndentInput {
    pub indent_id: ID,
    pub expected_version: i32,
    pub lines: Vec<IndentDecisionInput>,
}

impl DecideIndentInput {
    pub fn parse(self) -> ApiResult<(Uuid, i32, Vec<Decision>)> {
        let lines = self
            .lines
            .into_iter()
            .enumerate()
            .map(|(n, l)| {
                Ok(Decision {
                    item_id: parse_id(&format!("lines.{n}.itemId"), &l.item_id)?,
                    approved: l.approved,
                    reason: l.reason,
                })
            })
            .collect::<ApiResult<Vec<_>>>()?;
        Ok((
            parse_id("indentId", &self.indent_id)?,
            self.expected_version,
            lines,
        ))
    }
}

#[derive(InputObject)]
pub struct ArrivalInput {
    pub batch_id: ID,
    /// Arrived in good order (goes into stock).
    pub received: i64,
    #[graphql(default)]
    pub damaged: i64,
}

#[derive(InputObject)]
pub struct ReceiveIndentInput {
    pub indent_id: ID,
    pub expected_version: i32,
    /// One per batch on the issue voucher.
    pub arrivals: Vec<ArrivalInput>,
}

impl ReceiveIndentInput {
    pub fn parse(self) -> ApiResult<(Uuid, i32, Vec<Arrival>)> {
        let arrivals = self
            .arrivals
            .iter()
            .enumerate()
            .map(|(n, a)| {
                Ok(Arrival {
                    batch_id: parse_id(&format!("arrivals.{n}.batchId"), &a.batch_id)?,
                    received: a.received,
                    damaged: a.damaged,
                })
            })
            .collect::<ApiResult<Vec<_>>>()?;
        Ok((
            parse_id("indentId", &self.indent_id)?,
            self.expected_version,
            arrivals,
        ))
    }
}
