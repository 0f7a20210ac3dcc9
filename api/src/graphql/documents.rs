//! Documents over GraphQL: ask for an upload slot, upload straight to the returned
//! URL, confirm; ask for a download URL; withdraw; the tenant's document rules.

use super::context::{ContextExt, RequestCtx};
use super::types::parse_id;
use crate::app::documents::{self as usecase, DocumentCaller, SlotRequest, UploadFor};
use crate::app::records::ReadRequest;
use crate::error::{ApiError, ApiResult};
use arogya_domain::document::{self as domain, DocumentSettings as Settings, FileName, Sha256Hex};
use arogya_infra::repos::documents::DocumentRecord;
use arogya_infra::storage::PresignedRequest;
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::document::DocumentPurpose")]
pub enum DocumentPurpose {
    ClinicalEstablishmentRegistration,
    FireSafetyNoc,
    BiomedicalWasteAuthorisation,
    PollutionControlConsent,
    BuildingOccupancyCertificate,
    PanGst,
    OtherLicence,
    LabReport,
    DischargeSummary,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::document::DocumentStatus")]
pub enum DocumentStatus {
    /// Waiting for the upload to be confirmed.
    Pending,
    Available,
    /// The upload did not match its declaration (see `rejectReason`).
    Rejected,
    /// Never confirmed in time.
    Expired,
    Deleted,
}

/// A document kept in object storage.
pub struct Document(pub DocumentRecord);

fn internal(what: &str) -> ApiError {
    ApiError::internal(&anyhow::anyhow!("a stored document has an unknown {what}"))
}

#[Object]
impl Document {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn purpose(&self) -> ApiResult<DocumentPurpose> {
        domain::DocumentPurpose::parse(&self.0.purpose)
            .map(Into::into)
            .map_err(|_| internal("purpose"))
    }
    async fn file_name(&self) -> &str {
        &self.0.file_name
    }
    async fn content_type(&self) -> &str {
        &self.0.content_type
    }
    async fn size_bytes(&self) -> i64 {
        self.0.size_bytes
    }
    async fn status(&self) -> ApiResult<DocumentStatus> {
        domain::DocumentStatus::parse(&self.0.status)
            .map(Into::into)
            .map_err(|_| internal("status"))
    }
    /// Why the upload was refused, when `status` is `REJECTED`.
    async fn reject_reason(&self) -> Option<&str> {
        self.0.reject_reason.as_deref()
    }
    /// The SHA-256 of the confirmed file.
    async fn sha256(&self) -> Option<&str> {
        self.0.sha256.as_deref()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// Until when a pending upload can be confirmed.
    async fn slot_expires_at(&self) -> DateTime<Utc> {
        self.0.slot_expires_at
    }
    async fn confirmed_at(&self) -> Option<DateTime<Utc>> {
        self.0.confirmed_at
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

#[derive(SimpleObject)]
pub struct HttpHeader {
    pub name: String,
    pub value: String,
}

/// A request to make directly (to S3, or to this server's storage), before `expiresAt`.
#[derive(SimpleObject)]
pub struct SignedRequest {
    pub url: String,
    pub method: String,
    /// Send these headers exactly: they are part of the signature.
    pub headers: Vec<HttpHeader>,
    pub expires_at: DateTime<Utc>,
}

impl SignedRequest {
    fn new(req: &RequestCtx, public_url: Option<&str>, p: PresignedRequest) -> Self {
        Self {
            url: req.absolute(public_url, p.url),
            method: p.method.to_owned(),
            headers: p
                .headers
                .into_iter()
                .map(|(name, value)| HttpHeader { name, value })
                .collect(),
            expires_at: p.expires_at,
        }
    }
}

/// A pending document and where to upload its bytes; then call `confirmUpload`.
#[derive(SimpleObject)]
pub struct UploadSlot {
    pub document: Document,
    pub upload: SignedRequest,
}

#[derive(InputObject)]
pub struct RequestUploadInput {
    pub purpose: DocumentPurpose,
    /// The file's name on the uploader's device (shown, and used for downloads).
    pub file_name: String,
    /// `application/pdf`, `image/jpeg` or `image/png` unless the tenant allows others.
    pub content_type: String,
    pub size_bytes: i64,
    /// For licences and certificates: the hospital application.
    pub application_id: Option<ID>,
    /// For lab reports and discharge papers: the lab result or discharge summary.
    pub entry_id: Option<ID>,
}

/// The tenant's document rules.
#[derive(SimpleObject)]
pub struct DocumentSettings {
    pub allowed_types: Vec<String>,
    /// What a private hospital must upload before it can submit its application.
    pub required_documents: Vec<DocumentPurpose>,
    /// The largest file accepted (bytes), the same for every tenant of this server.
    pub max_bytes: i64,
    /// 0 until an administrator first changes them.
    pub version: i32,
}

impl DocumentSettings {
    fn new(s: Settings, version: i32, max_bytes: u64) -> Self {
        Self {
            allowed_types: s
                .allowed_types
                .iter()
                .map(|t| t.as_str().to_owned())
                .collect(),
            required_documents: s
                .required_for_onboarding
                .into_iter()
                .map(Into::into)
                .collect(),
            max_bytes: max_bytes as i64,
            version,
        }
    }
}

fn caller<'a>(ctx: &'a Context<'_>) -> ApiResult<DocumentCaller<'a>> {
    let req = ctx.request()?;
    Ok(DocumentCaller {
        state: ctx.app()?,
        principal: req.principal()?,
        meta: req.meta(),
    })
}

#[derive(Default)]
pub struct DocumentQuery;

#[Object]
impl DocumentQuery {
    /// A short-lived URL to download a document. Allowed to whoever may see what owns
    /// it; for health records this is a read of the patient's record, logged as one.
    async fn document_download(
        &self,
        ctx: &Context<'_>,
        document_id: ID,
        purpose: Option<String>,
        break_glass_reason: Option<String>,
    ) -> ApiResult<SignedRequest> {
        let id = parse_id("documentId", &document_id)?;
        let read = ReadRequest {
            purpose,
            break_glass: break_glass_reason,
        };
        let p = usecase::download_url(&caller(ctx)?, id, &read).await?;
        let state = ctx.app()?;
        Ok(SignedRequest::new(
            ctx.request()?,
            state.config.public_url.as_deref(),
            p,
        ))
    }

    /// The tenant's document rules (any member of staff may read them).
    async fn document_settings(&self, ctx: &Context<'_>) -> ApiResult<DocumentSettings> {
        let state = ctx.app()?;
        let tenant = ctx
            .principal()?
            .tenant()
            .ok_or_else(|| ApiError::Forbidden("name a tenant's staff account".into()))?;
        let (s, v) = usecase::settings(state, tenant).await?;
        Ok(DocumentSettings::new(s, v, state.config.upload_max_bytes))
    }
}

#[derive(Default)]
pub struct DocumentMutation;

#[Object]
impl DocumentMutation {
    /// Open an upload slot: PUT the file's bytes to `upload.url` with `upload.headers`,
    /// then call `confirmUpload`. Slots not confirmed in time expire and are removed.
    async fn request_upload(
        &self,
        ctx: &Context<'_>,
        input: RequestUploadInput,
    ) -> ApiResult<UploadSlot> {
        let owner = match (&input.application_id, &input.entry_id) {
            (Some(a), None) => UploadFor::Application(parse_id("applicationId", a)?),
            (None, Some(e)) => UploadFor::Entry(parse_id("entryId", e)?),
            _ => return Err(ApiError::validation(
                "applicationId",
                "name either the application or the health-record entry the document belongs to",
            )),
        };
        let req = SlotRequest {
            purpose: input.purpose.into(),
            file_name: FileName::parse(&input.file_name)?,
            content_type: input.content_type,
            size_bytes: input.size_bytes,
            owner,
        };
        let (doc, put) = usecase::request_upload(&caller(ctx)?, req).await?;
        let state = ctx.app()?;
        Ok(UploadSlot {
            document: Document(doc),
            upload: SignedRequest::new(ctx.request()?, state.config.public_url.as_deref(), put),
        })
    }

    /// After uploading: the server reads the object and checks its size, SHA-256 and
    /// real type. The document comes back `AVAILABLE`, or `REJECTED` with the reason.
    async fn confirm_upload(
        &self,
        ctx: &Context<'_>,
        document_id: ID,
        sha256: String,
    ) -> ApiResult<Document> {
        let id = parse_id("documentId", &document_id)?;
        let sha = Sha256Hex::parse(&sha256)?;
        Ok(Document(
            usecase::confirm_upload(&caller(ctx)?, id, sha).await?,
        ))
    }

    /// Withdraw a document from an application still being edited (kept until the
    /// retention period ends, then destroyed).
    async fn delete_document(
        &self,
        ctx: &Context<'_>,
        document_id: ID,
        expected_version: i32,
    ) -> ApiResult<Document> {
        let id = parse_id("documentId", &document_id)?;
        Ok(Document(
            usecase::delete_document(&caller(ctx)?, id, expected_version).await?,
        ))
    }

    /// Set the tenant's accepted file types and the documents hospitals must provide
    /// (state administrators).
    async fn update_document_settings(
        &self,
        ctx: &Context<'_>,
        allowed_types: Vec<String>,
        required_documents: Vec<DocumentPurpose>,
        expected_version: i32,
    ) -> ApiResult<DocumentSettings> {
        let state = ctx.app()?;
        let req = ctx.request()?;
        let types = allowed_types
            .iter()
            .map(|t| domain::ContentType::parse(&t.trim().to_ascii_lowercase()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| {
                ApiError::validation(
                    "allowedTypes",
                    "accepted types are application/pdf, image/jpeg, image/png and image/webp",
                )
            })?;
        let settings = Settings::new(
            types,
            required_documents.into_iter().map(Into::into).collect(),
        )?;
        let (s, v) = usecase::update_settings(
            state,
            req.principal()?,
            &req.meta(),
            settings,
            expected_version,
        )
        .await?;
        Ok(DocumentSettings::new(s, v, state.config.upload_max_bytes))
    }
}
