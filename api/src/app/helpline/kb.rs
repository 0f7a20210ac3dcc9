//! The helpline's knowledge base: articles written and corrected by helpline doctors
//! and state administrators, searched by every agent. A correction is a new version;
//! the audit trail keeps what the article said before.

use super::Helpline;
use crate::error::{ApiError, ApiResult};
use arogya_domain::audit::AuditAction;
use arogya_domain::ids::TenantId;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, NewAuditEvent};
use arogya_infra::repos::helpline::{self as repo, ArticleRecord, NewArticle};
use uuid::Uuid;

/// An article's words, as checked at the edge.
pub struct ArticleText {
    pub language: String,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
}

impl ArticleText {
    fn article(&self, by: Uuid) -> NewArticle<'_> {
        NewArticle {
            language: &self.language,
            title: self.title.clone(),
            body: self.body.clone(),
            tags: self.tags.clone(),
            created_by: by,
        }
    }
}

impl Helpline<'_> {
    /// Who writes articles: helpline doctors (tier 2) and state administrators.
    fn kb_writer(&self) -> ApiResult<TenantId> {
        match self.principal.helpline_agent() {
            Ok(a) if a.tier == 2 => Ok(a.tenant),
            _ => self
                .principal
                .require_state_admin("write knowledge-base articles")
                .map_err(|_| {
                    ApiError::Forbidden(
                        "helpline doctors and state administrators write articles".into(),
                    )
                }),
        }
    }

    /// Write an article.
    pub async fn create_article(&self, text: ArticleText) -> ApiResult<ArticleRecord> {
        let tenant = self.kb_writer()?;
        let mut tx = self.write_tx(tenant).await?;
        let a = repo::insert_article(&tx, text.article(self.principal.user_id().0)).await?;
        let event = NewAuditEvent::new(
            self.actor(),
            AuditAction::KbArticleCreate,
            "kb_article",
            Some(a.id),
        );
        audit::record(&mut tx, &self.meta, event).await?;
        tx.commit().await?;
        Ok(a)
    }

    /// Correct an article; a stale `expected_version` gets `CONFLICT`.
    pub async fn update_article(
        &self,
        id: Uuid,
        expected_version: i32,
        text: ArticleText,
    ) -> ApiResult<ArticleRecord> {
        let tenant = self.kb_writer()?;
        let mut tx = self.write_tx(tenant).await?;
        let current = repo::find_article(&tx, id)
            .await?
            .ok_or(DomainError::NotFound {
                entity: "knowledge-base article",
            })?;
        let a = repo::update_article(
            &tx,
            &current,
            expected_version,
            text.article(self.principal.user_id().0),
        )
        .await?;
        let event = NewAuditEvent::new(
            self.actor(),
            AuditAction::KbArticleUpdate,
            "kb_article",
            Some(a.id),
        )
        .with_detail(serde_json::json!({
            "version": current.version,
            "before": { "language": current.language, "title": current.title, "body": current.body, "tags": current.tags },
        }));
        audit::record(&mut tx, &self.meta, event).await?;
        tx.commit().await?;
        Ok(a)
    }

    /// Articles with every word, in a language if given (any agent, and the writers).
    pub async fn search(
        &self,
        words: Vec<String>,
        language: Option<&str>,
        limit: u64,
    ) -> ApiResult<Vec<ArticleRecord>> {
        let tenant = match self.agent() {
            Ok(a) => a.tenant,
            Err(e) => self.kb_writer().map_err(|_| e)?,
        };
        let tx = self.state.db.tenant_tx(tenant, Access::Read).await?;
        let rows = repo::search_articles(&tx, &words, language, limit).await?;
        tx.commit().await?;
        Ok(rows)
    }
}
