//! Bulk import through GraphQL: the CSV content in a string (the command line takes a
//! file path for the same thing).

use super::context::ContextExt;
use super::units::registry_tenant;
use crate::app::import::{self, ImportReport as Report};
use crate::error::ApiResult;
use arogya_domain::audit::Actor;
use async_graphql::{Context, Object, SimpleObject, ID};

/// A problem with one row (the header is row 1), naming the CSV column.
#[derive(SimpleObject)]
pub struct ImportRowError {
    pub row: i32,
    pub column: String,
    pub message: String,
}

#[derive(SimpleObject)]
pub struct ImportReport {
    pub imported: i32,
    /// Rows not imported: the invalid ones, or all of them when any was invalid and
    /// `skipInvalid` was false.
    pub skipped: i32,
    pub errors: Vec<ImportRowError>,
}

impl From<Report> for ImportReport {
    fn from(r: Report) -> Self {
        Self {
            imported: r.imported as i32,
            skipped: r.skipped as i32,
            errors: r
                .errors
                .into_iter()
                .map(|e| ImportRowError {
                    row: e.row as i32,
                    column: e.column,
                    message: e.message,
                })
                .collect(),
        }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Facilities,
    Professionals,
}

async fn run(
    ctx: &Context<'_>,
    kind: Kind,
    csv: &str,
    skip_invalid: bool,
    tenant_id: Option<ID>,
) -> ApiResult<ImportReport> {
    let (app, req) = (ctx.app()?, ctx.request()?);
    let principal = req.principal()?;
    let tenant = registry_tenant(ctx, tenant_id.as_ref())?;
    let reach = principal.registry_write_reach()?;
    let (actor, meta, progress) = (Actor::from(principal), req.meta(), import::no_progress);
    let report = match kind {
        Kind::Facilities => {
            import::import_facilities(
                app,
                actor,
                &meta,
                tenant,
                &reach,
                csv,
                skip_invalid,
                &progress,
            )
            .await?
        }
        Kind::Professionals => {
            import::import_professionals(
                app,
                actor,
                &meta,
                tenant,
                &reach,
                csv,
                skip_invalid,
                &progress,
            )
            .await?
        }
    };
    Ok(report.into())
}

#[derive(Default)]
pub struct ImportMutation;

#[Object]
impl ImportMutation {
    /// Import facilities from CSV (columns in `docs/samples/facilities.csv`).
    async fn import_facilities(
        &self,
        ctx: &Context<'_>,
        csv: String,
        #[graphql(default)] skip_invalid: bool,
        tenant_id: Option<ID>,
    ) -> ApiResult<ImportReport> {
        run(ctx, Kind::Facilities, &csv, skip_invalid, tenant_id).await
    }

    /// Import professionals from CSV (columns in `docs/samples/professionals.csv`).
    async fn import_professionals(
        &self,
        ctx: &Context<'_>,
        csv: String,
        #[graphql(default)] skip_invalid: bool,
        tenant_id: Option<ID>,
    ) -> ApiResult<ImportReport> {
        run(ctx, Kind::Professionals, &csv, skip_invalid, tenant_id).await
    }
}

/// A row flagged as someone already enrolled.
#[derive(SimpleObject)]
pub struct SurveyDuplicate {
    pub row: i32,
    /// Health IDs of the likely matches.
    pub matches: Vec<String>,
}

#[derive(SimpleObject)]
pub struct SurveyImportReport {
    /// People enrolled (each with a health ID and a card).
    pub imported: i32,
    pub households: i32,
    /// Rows not enrolled because the person looks already enrolled.
    pub duplicates: Vec<SurveyDuplicate>,
    pub errors: Vec<ImportRowError>,
}

#[derive(Default)]
pub struct SurveyImportMutation;

#[Object]
impl SurveyImportMutation {
    /// Import a household survey spreadsheet (columns in `docs/samples/survey.csv`):
    /// one person per row, grouped by `household`. Nothing is imported when a row is
    /// invalid, unless `skipInvalid`.
    async fn import_survey(
        &self,
        ctx: &Context<'_>,
        csv: String,
        skip_invalid: Option<bool>,
    ) -> ApiResult<SurveyImportReport> {
        let caller = super::patients::caller(ctx)?;
        let skip_invalid = skip_invalid.unwrap_or(false);
        let r = import::import_survey(&caller, &csv, skip_invalid, &import::no_progress).await?;
        Ok(SurveyImportReport {
            imported: r.imported as i32,
            households: r.households as i32,
            duplicates: r
                .duplicates
                .into_iter()
                .map(|(row, matches)| SurveyDuplicate {
                    row: row as i32,
                    matches,
                })
                .collect(),
            errors: r
                .errors
                .into_iter()
                .map(|e| ImportRowError {
                    row: e.row as i32,
                    column: e.column,
                    message: e.message,
                })
                .collect(),
        })
    }
}
