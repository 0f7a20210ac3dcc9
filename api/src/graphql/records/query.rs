//! Queries: one entry, ICD-10 type-ahead, break-glass openings to review.

#[allow(unused_imports)]
use super::*;

#[derive(Default)]
pub struct RecordQuery;

#[Object]
impl RecordQuery {
    /// One entry with its history. The read is logged like a timeline read.
    async fn clinical_entry(
        &self,
        ctx: &Context<'_>,
        id: ID,
        purpose: Option<String>,
        break_glass_reason: Option<String>,
    ) -> ApiResult<ClinicalEntry> {
        let c = clinical(ctx)?;
        let read = ReadRequest {
            purpose,
            break_glass: break_glass_reason,
        };
        Ok(ClinicalEntry(
            usecase::entry(&c, parse_id("id", &id)?, &read).await?,
        ))
    }

    /// ICD-10 codes for type-ahead: by code prefix ("E11") or by words of the
    /// description ("diab mell"), general codes first.
    async fn icd10_codes(
        &self,
        ctx: &Context<'_>,
        search: String,
        #[graphql(default = 20)] first: i32,
    ) -> ApiResult<Vec<Icd10Code>> {
        ctx.principal()?;
        if !(1..=50).contains(&first) {
            return Err(ApiError::validation("first", "must be between 1 and 50"));
        }
        if search.chars().count() > 100 {
            return Err(ApiError::validation(
                "search",
                "must be at most 100 characters",
            ));
        }
        Ok(arogya_infra::icd10::table()
            .search(&search, first as usize)
            .into_iter()
            .map(|c| Icd10Code {
                code: c.code.clone(),
                description: c.description.clone(),
            })
            .collect())
    }

    /// Records opened outside care (break-glass), newest first, for state and
    /// district administrators to review.
    async fn break_glass_accesses(
        &self,
        ctx: &Context<'_>,
        reviewed: Option<bool>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Connection<String, RecordAccess>> {
        let had_cursor = after.is_some();
        let page = page_request(first, after)?;
        let rows =
            usecase::break_glass_openings(ctx.app()?, ctx.principal()?, reviewed, page).await?;
        Ok(connection(rows, had_cursor, |r| r.id, RecordAccess))
    }
}
