//! Health records over GraphQL: encounters and entries, corrections with history,
//! the patient's timeline (`Patient.timeline`), ICD-10 type-ahead, and access review.

// The imports below serve the submodules too: each starts with `use super::*`.
use crate::app::professionals::today;
use crate::app::records::{self as usecase, details_of, Clinical, ReadRequest};
use crate::error::{ApiError, ApiResult};
use crate::graphql::context::ContextExt;
use crate::graphql::facilities::Facility;
use crate::graphql::pagination::{connection, page_request};
use crate::graphql::professionals::Professional;
use crate::graphql::types::{parse_id, User};
use arogya_domain::audit::Actor;
use arogya_domain::clinical::entry::{
    EntryDetails, EntryKind as DomainKind, EntryStatus as DomainStatus,
};
use arogya_domain::ids::TenantId;
use arogya_infra::repos::clinical::{EntryRecord, VersionRecord};
use arogya_infra::repos::record_access::AccessRecord;
use async_graphql::connection::{Connection, Edge};
use async_graphql::{Context, Enum, InputObject, Object, OneofObject, SimpleObject, Union, ID};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

mod enums;
mod inputs;
mod mutation;
mod objects;
mod query;

pub use enums::*;
pub use inputs::*;
pub use mutation::*;
pub use objects::*;
pub use query::*;

/// The caller as clinical staff.
pub fn clinical<'a>(ctx: &'a Context<'_>) -> ApiResult<Clinical<'a>> {
    let req = ctx.request()?;
    let principal = req.principal()?;
    Ok(Clinical {
        state: ctx.app()?,
        staff: principal.clinical_staff()?,
        actor: Actor::from(principal),
        meta: req.meta(),
    })
}

/// Timeline cursors: the entry's time and id, opaque to clients.
fn encode_cursor(e: &EntryRecord) -> String {
    URL_SAFE_NO_PAD.encode(format!("t1:{}:{}", e.occurred_at.timestamp_micros(), e.id))
}

fn decode_cursor(cursor: &str) -> ApiResult<(DateTime<Utc>, Uuid)> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| {
            let rest = s.strip_prefix("t1:")?;
            let (micros, id) = rest.split_once(':')?;
            let at = DateTime::from_timestamp_micros(micros.parse().ok()?)?;
            Some((at, Uuid::try_parse(id).ok()?))
        })
        .ok_or_else(|| ApiError::validation("after", "is not a cursor this API issued"))
}

/// `Patient.timeline`: one page of the patient's record, newest first unless asked.
#[allow(clippy::too_many_arguments)]
pub async fn timeline(
    ctx: &Context<'_>,
    patient: Uuid,
    first: Option<i32>,
    after: Option<String>,
    filter: Option<TimelineFilter>,
    purpose: Option<String>,
    break_glass_reason: Option<String>,
) -> ApiResult<Connection<String, ClinicalEntry>> {
    let c = clinical(ctx)?;
    let limit = arogya_domain::page::PageRequest::new(first, None)?.limit;
    let cursor = after.as_deref().map(decode_cursor).transpose()?;
    let filter = filter.unwrap_or_default();
    let request = usecase::TimelineRequest {
        kinds: filter
            .kinds
            .unwrap_or_default()
            .into_iter()
            .map(Into::into)
            .collect(),
        from: filter.from,
        until: filter.until,
        after: cursor,
        oldest_first: filter.oldest_first.unwrap_or(false),
        limit,
    };
    let read = ReadRequest {
        purpose,
        break_glass: break_glass_reason,
    };
    let page = usecase::timeline(&c, patient, request, &read).await?;
    let mut conn = Connection::new(cursor.is_some(), page.has_next_page);
    conn.edges.extend(
        page.items
            .into_iter()
            .map(|e| Edge::new(encode_cursor(&e), ClinicalEntry(e))),
    );
    Ok(conn)
}

/// `Patient.recordAccessLog`: who read the record, for audits (and, later, the patient).
pub async fn access_log(
    ctx: &Context<'_>,
    patient: Uuid,
    first: Option<i32>,
    after: Option<String>,
) -> ApiResult<Connection<String, RecordAccess>> {
    let had_cursor = after.is_some();
    let page = page_request(first, after)?;
    let rows = usecase::access_log(ctx.app()?, ctx.principal()?, patient, page).await?;
    Ok(connection(rows, had_cursor, |r| r.id, RecordAccess))
}
