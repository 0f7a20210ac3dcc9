//! Stock counts over GraphQL.

#[allow(unused_imports)]
use super::*;
use crate::app::supply::counts::{CountSheet, Counted};
use arogya_domain::supply::count::CountStatus as DomainStatus;

mirror!(CountStatus = "arogya_domain::supply::count::CountStatus" { Open, Submitted, Approved, Rejected });

#[derive(SimpleObject, Clone)]
pub struct CountLine {
    pub batch_id: ID,
    pub batch_no: String,
    pub expires_on: Option<NaiveDate>,
    pub item_id: ID,
    /// "Paracetamol 500 mg (PARA-500)".
    pub item_name: String,
    pub unit_of_issue: String,
    /// What the books held when the sheet was drawn up.
    pub expected: i64,
    pub counted: Option<i64>,
    /// Counted less expected, once counted.
    pub variance: Option<i64>,
    pub reason: Option<String>,
}

#[derive(SimpleObject, Clone)]
pub struct StockCount {
    pub id: ID,
    pub store_id: ID,
    pub status: CountStatus,
    pub note: Option<String>,
    pub decision_note: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub decided_at: Option<DateTime<Utc>>,
    pub lines: Vec<CountLine>,
}

impl From<&CountSheet> for StockCount {
    fn from(s: &CountSheet) -> Self {
        let c = &s.count;
        Self {
            id: id(c.id),
            store_id: id(c.store_id),
            status: DomainStatus::parse(&c.status)
                .unwrap_or(DomainStatus::Open)
                .into(),
            note: c.note.clone(),
            decision_note: c.decision_note.clone(),
            version: c.version,
            created_at: c.created_at,
            submitted_at: c.submitted_at,
            decided_at: c.decided_at,
            lines: s
                .lines
                .iter()
                .map(|l| CountLine {
                    batch_id: id(l.batch_id),
                    batch_no: s
                        .batches
                        .get(&l.batch_id)
                        .map(|b| b.batch_no.clone())
                        .unwrap_or_default(),
                    expires_on: s.batches.get(&l.batch_id).map(|b| b.expires_on),
                    item_id: id(l.item_id),
                    item_name: s
                        .items
                        .get(&l.item_id)
                        .map(|i| match &i.strength {
                            Some(st) => format!("{} {st} ({})", i.name, i.code),
                            None => format!("{} ({})", i.name, i.code),
                        })
                        .unwrap_or_default(),
                    unit_of_issue: s
                        .items
                        .get(&l.item_id)
                        .map(|i| i.unit_of_issue.clone())
                        .unwrap_or_default(),
                    expected: l.expected,
                    counted: l.counted,
                    variance: l.counted.map(|x| x - l.expected),
                    reason: l.reason.clone(),
                })
                .collect(),
        }
    }
}

#[derive(InputObject)]
pub struct CountedInput {
    pub batch_id: ID,
    pub counted: i64,
    /// Required where the count differs from the books.
    pub reason: Option<String>,
}

#[derive(Default)]
pub struct CountQuery;

#[Object]
impl CountQuery {
    /// A store's latest count sheets, newest first.
    async fn stock_counts(&self, ctx: &Context<'_>, store_id: ID) -> ApiResult<Vec<StockCount>> {
        let list = supply(ctx)?
            .counts_of(parse_id("storeId", &store_id)?)
            .await?;
        Ok(list.iter().map(Into::into).collect())
    }
}

#[derive(Default)]
pub struct CountMutation;

#[Object]
impl CountMutation {
    /// Draw up a count sheet of every batch the store's books hold.
    async fn start_stock_count(
        &self,
        ctx: &Context<'_>,
        store_id: ID,
        note: Option<String>,
    ) -> ApiResult<StockCount> {
        Ok((&supply(ctx)?
            .start_count(parse_id("storeId", &store_id)?, note)
            .await?)
            .into())
    }

    /// Enter counts on an open sheet.
    async fn record_stock_counts(
        &self,
        ctx: &Context<'_>,
        count_id: ID,
        expected_version: i32,
        lines: Vec<CountedInput>,
    ) -> ApiResult<StockCount> {
        let lines = lines
            .into_iter()
            .enumerate()
            .map(|(n, l)| {
                Ok(Counted {
                    batch_id: parse_id(&format!("lines.{n}.batchId"), &l.batch_id)?,
                    counted: l.counted,
                    reason: l.reason,
                })
            })
            .collect::<ApiResult<Vec<_>>>()?;
        Ok((&supply(ctx)?
            .record_counts(parse_id("countId", &count_id)?, expected_version, lines)
            .await?)
            .into())
    }

    /// Hand a fully counted sheet over for approval.
    async fn submit_stock_count(
        &self,
        ctx: &Context<'_>,
        count_id: ID,
        expected_version: i32,
    ) -> ApiResult<StockCount> {
        Ok((&supply(ctx)?
            .submit_count(parse_id("countId", &count_id)?, expected_version)
            .await?)
            .into())
    }

    /// Approve (posting every difference as an adjustment) or send back with a note.
    async fn decide_stock_count(
        &self,
        ctx: &Context<'_>,
        count_id: ID,
        expected_version: i32,
        approve: bool,
        note: Option<String>,
    ) -> ApiResult<StockCount> {
        Ok((&supply(ctx)?
            .decide_count(
                parse_id("countId", &count_id)?,
                expected_version,
                approve,
                note,
            )
            .await?)
            .into())
    }
}
