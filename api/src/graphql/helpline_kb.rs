//! The helpline's knowledge base over GraphQL: search (every agent), write and correct
//! (helpline doctors and state administrators).

use super::helpline::helpline;
use super::types::parse_id;
use crate::app::helpline::ArticleText;
use crate::error::{ApiError, ApiResult};
use arogya_domain::helpline::ticket_text;
use arogya_infra::repos::helpline::ArticleRecord;
use async_graphql::{Context, InputObject, Object, ID};

pub struct KbArticle(pub ArticleRecord);

#[Object]
impl KbArticle {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn language(&self) -> &str {
        &self.0.language
    }
    async fn title(&self) -> &str {
        &self.0.title
    }
    async fn body(&self) -> &str {
        &self.0.body
    }
    async fn tags(&self) -> Vec<&str> {
        self.0.tags.split(',').filter(|t| !t.is_empty()).collect()
    }
    /// Pass back as `expectedVersion` to correct the article.
    async fn version(&self) -> i32 {
        self.0.version
    }
}

#[derive(InputObject)]
pub struct KbArticleInput {
    pub language: String,
    pub title: String,
    pub body: String,
    #[graphql(default)]
    pub tags: Vec<String>,
}

impl KbArticleInput {
    fn parse(self) -> ApiResult<ArticleText> {
        Ok(ArticleText {
            language: language(&self.language)?,
            title: ticket_text(&self.title, "title", 200)?,
            body: ticket_text(&self.body, "body", 20_000)?,
            tags: self
                .tags
                .iter()
                .map(|t| t.trim().to_lowercase())
                .filter(|t| !t.is_empty() && !t.contains(','))
                .collect(),
        })
    }
}

/// A language code such as `en`, `hi` or `bn`.
pub(super) fn language(raw: &str) -> ApiResult<String> {
    let l = raw.trim().to_ascii_lowercase();
    if !(2..=8).contains(&l.len()) || !l.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        return Err(ApiError::validation(
            "language",
            "give a language code such as en, hi or bn",
        ));
    }
    Ok(l)
}

#[derive(Default)]
pub struct HelplineKbQuery;

#[Object]
impl HelplineKbQuery {
    /// Knowledge-base articles containing every word, newest first.
    async fn kb_articles(
        &self,
        ctx: &Context<'_>,
        search: String,
        language: Option<String>,
        #[graphql(default = 20)] limit: i32,
    ) -> ApiResult<Vec<KbArticle>> {
        let words: Vec<String> = search
            .split_whitespace()
            .take(10)
            .map(str::to_owned)
            .collect();
        let language = language.as_deref().map(self::language).transpose()?;
        Ok(helpline(ctx)?
            .search(words, language.as_deref(), limit.clamp(1, 100) as u64)
            .await?
            .into_iter()
            .map(KbArticle)
            .collect())
    }
}

#[derive(Default)]
pub struct HelplineKbMutation;

#[Object]
impl HelplineKbMutation {
    /// Write a knowledge-base article (helpline doctors, state administrators).
    async fn create_kb_article(
        &self,
        ctx: &Context<'_>,
        input: KbArticleInput,
    ) -> ApiResult<KbArticle> {
        Ok(KbArticle(
            helpline(ctx)?.create_article(input.parse()?).await?,
        ))
    }

    /// Correct an article (the same writers); a stale `expectedVersion` gets `CONFLICT`.
    /// The audit trail keeps what it said before.
    async fn update_kb_article(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        input: KbArticleInput,
    ) -> ApiResult<KbArticle> {
        let id = parse_id("id", &id)?;
        Ok(KbArticle(
            helpline(ctx)?
                .update_article(id, expected_version, input.parse()?)
                .await?,
        ))
    }
}
