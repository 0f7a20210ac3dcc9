//! Supply objects.

#[allow(unused_imports)]
use super::*;
use crate::app::supply::indents::Indent as AppIndent;
use crate::app::supply::planning::ItemPosition;
use crate::graphql::records::DosageForm;
use arogya_domain::clinical::prescription::DosageForm as DomainForm;
use arogya_domain::supply::fefo::QualityStatus as DomainQuality;
use arogya_domain::supply::indent::IndentStatus as DomainIndentStatus;
use arogya_domain::supply::item::{ItemKind as DomainKind, Schedule};
use arogya_domain::supply::ledger::{
    AdjustmentReason as DomainReason, MovementKind as DomainMovement,
};
use arogya_domain::supply::store::{StoreLevel as DomainLevel, StoreSettings as DomainSettings};
use arogya_infra::repos::supply::items::ItemRecord;
use arogya_infra::repos::supply::stock::{LedgerRow, Posted, StockLine};
use arogya_infra::repos::supply::stores::{settings_of, StoreRecord};

#[derive(SimpleObject, Clone)]
pub struct SupplyItem {
    pub id: ID,
    pub code: String,
    pub name: String,
    pub kind: ItemKind,
    pub strength: Option<String>,
    pub form: Option<DosageForm>,
    pub pack_size: i32,
    pub unit_of_issue: String,
    pub essential: bool,
    pub schedule: DrugSchedule,
    pub over_the_counter: bool,
}

impl From<&ItemRecord> for SupplyItem {
    fn from(i: &ItemRecord) -> Self {
        Self {
            id: id(i.id),
            code: i.code.clone(),
            name: i.name.clone(),
            kind: DomainKind::parse(&i.kind)
                .unwrap_or(DomainKind::Medicine)
                .into(),
            strength: i.strength.clone(),
            form: i
                .form
                .as_deref()
                .and_then(|f| DomainForm::parse(f).ok())
                .map(Into::into),
            pack_size: i.pack_size,
            unit_of_issue: i.unit_of_issue.clone(),
            essential: i.essential,
            schedule: Schedule::parse(&i.schedule)
                .unwrap_or(Schedule::None)
                .into(),
            over_the_counter: i.over_the_counter,
        }
    }
}

#[derive(SimpleObject, Clone, Copy)]
pub struct StoreSettings {
    /// AMC is taken over this many days.
    pub lookback_days: i32,
    pub min_months: f64,
    pub max_months: f64,
    pub overstock_months: f64,
    pub expiry_warn_days: i32,
    pub expiry_alert_days: i32,
}

impl From<DomainSettings> for StoreSettings {
    fn from(s: DomainSettings) -> Self {
        Self {
            lookback_days: s.lookback_days,
            min_months: s.min_months,
            max_months: s.max_months,
            overstock_months: s.overstock_months,
            expiry_warn_days: s.expiry_warn_days,
            expiry_alert_days: s.expiry_alert_days,
        }
    }
}

#[derive(SimpleObject, Clone)]
pub struct Store {
    pub id: ID,
    pub name: String,
    pub level: StoreLevel,
    pub parent_id: Option<ID>,
    pub unit_id: ID,
    pub facility_id: Option<ID>,
    pub settings: StoreSettings,
    /// Whether the caller moves this store's stock (or only sees it).
    pub works_here: bool,
    /// Whether the caller approves this store's stock counts.
    pub supervises_here: bool,
    pub version: i32,
}

impl Store {
    /// The store as `caller` sees it.
    pub fn of(s: &StoreRecord, caller: &arogya_domain::access::Principal) -> Self {
        let r = crate::app::supply::store_ref(s);
        use arogya_domain::supply::access as rules;
        Self {
            id: id(s.id),
            name: s.name.clone(),
            level: DomainLevel::parse(&s.level)
                .unwrap_or(DomainLevel::Ward)
                .into(),
            parent_id: s.parent_id.map(id),
            unit_id: id(s.unit_id),
            facility_id: s.facility_id.map(id),
            settings: settings_of(s).into(),
            works_here: rules::works(caller, &r),
            supervises_here: rules::supervises(caller, &r),
            version: s.version,
        }
    }
}

#[derive(SimpleObject, Clone)]
pub struct BatchStock {
    pub batch_id: ID,
    pub batch_no: String,
    pub expires_on: NaiveDate,
    pub days_to_expiry: i64,
    pub expiry: ExpiryBand,
    pub quantity: i64,
    pub on_hold: bool,
    pub quality_status: QualityStatus,
    /// Why it may not be issued, if it may not.
    pub blocked: Option<String>,
    pub manufacturer: Option<String>,
    pub unit_price_paise: i64,
}

impl BatchStock {
    pub fn of(l: &StockLine, settings: &DomainSettings, today: NaiveDate) -> Self {
        let days = (l.batch.expiry - today).num_days();
        Self {
            batch_id: id(l.batch.batch),
            batch_no: l.batch.batch_no.clone(),
            expires_on: l.batch.expiry,
            days_to_expiry: days,
            expiry: if days < 0 {
                ExpiryBand::Expired
            } else if days <= settings.expiry_alert_days as i64 {
                ExpiryBand::Alert
            } else if days <= settings.expiry_warn_days as i64 {
                ExpiryBand::Warning
            } else {
                ExpiryBand::Good
            },
            quantity: l.batch.quantity,
            on_hold: l.batch.on_hold,
            quality_status: l.batch.quality.into(),
            blocked: l.batch.blocked(today).map(str::to_owned),
            manufacturer: l.manufacturer.clone(),
            unit_price_paise: l.unit_price_paise,
        }
    }
}

/// A store's position in one item.
#[derive(SimpleObject, Clone)]
pub struct StockPosition {
    pub item: SupplyItem,
    /// Every unit in the store, whatever its state.
    pub on_hand: i64,
    /// What may be issued today: not expired, on hold or awaiting testing.
    pub usable: i64,
    /// Average monthly consumption over the store's look-back, leaving out days out of stock.
    pub amc: Option<f64>,
    pub months_of_stock: Option<f64>,
    pub days_out_of_stock: i32,
    pub status: StockStatus,
    /// Issued to this store and not yet received.
    pub in_transit: i64,
    /// What to indent for now (0 above the minimum).
    pub suggested_quantity: i64,
    /// Units in batches inside the store's expiry warning band.
    pub expiring: i64,
    /// Units that will expire before they can be used at this AMC.
    pub wasted_before_expiry: i64,
    pub min_months: f64,
    pub max_months: f64,
    pub batches: Vec<BatchStock>,
}

impl StockPosition {
    pub fn of(p: &ItemPosition, today: NaiveDate) -> Self {
        Self {
            item: (&p.item).into(),
            on_hand: p.on_hand,
            usable: p.usable,
            amc: p.amc.map(|a| (a * 10.0).round() / 10.0),
            months_of_stock: p.months.map(|m| (m * 10.0).round() / 10.0),
            days_out_of_stock: p.days_out,
            status: p.status.into(),
            in_transit: p.in_transit,
            suggested_quantity: p.suggested,
            expiring: p.expiring,
            wasted_before_expiry: p.wasted,
            min_months: p.settings.min_months,
            max_months: p.settings.max_months,
            batches: p
                .batches
                .iter()
                .map(|b| BatchStock::of(b, &p.settings, today))
                .collect(),
        }
    }
}

#[derive(SimpleObject, Clone)]
pub struct StoreStock {
    pub store: Store,
    pub items: Vec<StockPosition>,
}

/// A movement posted: the ledger row and the balances after it.
#[derive(SimpleObject, Clone)]
pub struct PostedMovement {
    pub ledger_id: ID,
    pub batch_id: Option<ID>,
    pub quantity: i64,
    pub batch_balance: i64,
    pub item_balance: i64,
}

impl From<&Posted> for PostedMovement {
    fn from(p: &Posted) -> Self {
        Self {
            ledger_id: id(p.ledger_id),
            batch_id: None,
            quantity: 0,
            batch_balance: p.batch_balance,
            item_balance: p.item_balance,
        }
    }
}

#[derive(SimpleObject, Clone)]
pub struct LedgerEntry {
    pub id: ID,
    pub batch_id: ID,
    pub kind: MovementKind,
    pub reason: Option<AdjustmentReason>,
    /// In is positive, out negative.
    pub quantity: i64,
    pub batch_balance: i64,
    pub item_balance: i64,
    pub note: Option<String>,
    pub counterpart_store_id: Option<ID>,
    pub document_kind: Option<String>,
    pub document_id: Option<ID>,
    pub at: DateTime<Utc>,
    pub by: ID,
}

impl From<&LedgerRow> for LedgerEntry {
    fn from(r: &LedgerRow) -> Self {
        Self {
            id: id(r.id),
            batch_id: id(r.batch_id),
            kind: DomainMovement::parse(&r.kind)
                .unwrap_or(DomainMovement::Adjustment)
                .into(),
            reason: r
                .reason
                .as_deref()
                .and_then(|x| DomainReason::parse(x).ok())
                .map(Into::into),
            quantity: r.quantity,
            batch_balance: r.batch_balance,
            item_balance: r.item_balance,
            note: r.note.clone(),
            counterpart_store_id: r.counterpart_store_id.map(id),
            document_kind: r.document_kind.clone(),
            document_id: r.document_id.map(id),
            at: r.at,
            by: id(r.by),
        }
    }
}

#[derive(SimpleObject, Clone)]
pub struct IndentLine {
    pub item: Option<SupplyItem>,
    pub item_id: ID,
    pub requested: i64,
    /// The asking store's usable stock and AMC when it asked.
    pub stock_on_hand: i64,
    pub amc: Option<f64>,
    /// Of that stock, units that will expire before the asking store can use them.
    pub wasted_before_use: i64,
    pub approved: Option<i64>,
    pub reason: Option<String>,
}

#[derive(SimpleObject, Clone)]
pub struct VoucherLine {
    pub item_id: ID,
    pub batch_id: ID,
    pub batch_no: String,
    pub expires_on: Option<NaiveDate>,
    pub quantity: i64,
    pub received: Option<i64>,
    pub damaged: Option<i64>,
    /// Issued, and neither received nor damaged.
    pub short: Option<i64>,
}

#[derive(SimpleObject, Clone)]
pub struct Indent {
    pub id: ID,
    pub number: String,
    pub from_store_id: ID,
    pub to_store_id: ID,
    pub status: IndentStatus,
    pub note: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    pub issued_at: Option<DateTime<Utc>>,
    pub received_at: Option<DateTime<Utc>>,
    pub lines: Vec<IndentLine>,
    pub voucher: Vec<VoucherLine>,
}

impl From<&AppIndent> for Indent {
    fn from(a: &AppIndent) -> Self {
        let i = &a.indent;
        Self {
            id: id(i.id),
            number: i.number.clone(),
            from_store_id: id(i.from_store_id),
            to_store_id: id(i.to_store_id),
            status: DomainIndentStatus::parse(&i.status)
                .unwrap_or(DomainIndentStatus::Submitted)
                .into(),
            note: i.note.clone(),
            version: i.version,
            created_at: i.created_at,
            decided_at: i.decided_at,
            issued_at: i.issued_at,
            received_at: i.received_at,
            lines: a
                .lines
                .iter()
                .map(|l| IndentLine {
                    item: a.items.get(&l.item_id).map(Into::into),
                    item_id: id(l.item_id),
                    requested: l.requested,
                    stock_on_hand: l.stock_on_hand,
                    amc: l.amc.map(|x| (x * 10.0).round() / 10.0),
                    wasted_before_use: l.wasted_before_use,
                    approved: l.approved,
                    reason: l.reason.clone(),
                })
                .collect(),
            voucher: a
                .voucher
                .iter()
                .map(|v| {
                    let b = a.batches.get(&v.batch_id);
                    VoucherLine {
                        item_id: id(v.item_id),
                        batch_id: id(v.batch_id),
                        batch_no: b.map(|b| b.batch_no.clone()).unwrap_or_default(),
                        expires_on: b.map(|b| b.expires_on),
                        quantity: v.quantity,
                        received: v.received,
                        damaged: v.damaged,
                        short: v.received.map(|r| v.quantity - r - v.damaged.unwrap_or(0)),
                    }
                })
                .collect(),
        }
    }
}

#[derive(SimpleObject, Clone)]
pub struct SupplyBatch {
    pub id: ID,
    pub batch_no: String,
    pub expires_on: NaiveDate,
    pub on_hold: bool,
    pub quality_status: QualityStatus,
    pub version: i32,
}

impl From<&arogya_infra::repos::supply::batches::BatchRecord> for SupplyBatch {
    fn from(b: &arogya_infra::repos::supply::batches::BatchRecord) -> Self {
        Self {
            id: id(b.id),
            batch_no: b.batch_no.clone(),
            expires_on: b.expires_on,
            on_hold: b.on_hold,
            quality_status: DomainQuality::parse(&b.quality_status)
                .unwrap_or(DomainQuality::Pending)
                .into(),
            version: b.version,
        }
    }
}

/// Whether a store's balances agree with its ledger.
#[derive(SimpleObject, Clone, Copy)]
pub struct LedgerCheck {
    /// Batches whose stock is not the sum of their ledger rows.
    pub batches_disagreeing: i64,
    /// Items whose store total is not the sum of their batches.
    pub items_disagreeing: i64,
}
