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
