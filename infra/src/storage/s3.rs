//! The S3 adapter, for Amazon S3 or any S3-compatible server. Uploads and downloads go
//! straight between the client and the bucket through SigV4-presigned URLs; the server
//! only reads an object once, to confirm it.

use super::{content_disposition, Download, Inspector, ObjectStore, PresignedRequest};
use crate::Secret;
use anyhow::Context;
use arogya_domain::document::ObjectFacts;
use aws_sdk_s3::presigning::PresigningConfig;
use aws_sdk_s3::Client;
use chrono::{DateTime, Utc};
use std::time::Duration;

/// Where the bucket is and how to reach it. Without an access key the usual AWS
/// chain applies (environment, profile, ECS task role, instance profile).
#[derive(Clone)]
pub struct S3Settings {
    pub bucket: String,
    pub region: String,
    pub endpoint_url: Option<String>,
    pub force_path_style: bool,
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<Secret<String>>,
}

impl std::fmt::Debug for S3Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Settings")
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .field("endpoint_url", &self.endpoint_url)
            .field("force_path_style", &self.force_path_style)
            .field("access_key_id", &self.access_key_id)
            .finish_non_exhaustive()
    }
}

#[derive(Debug)]
pub struct S3Store {
    client: Client,
    bucket: String,
}

impl S3Store {
    pub async fn connect(s: &S3Settings) -> anyhow::Result<Self> {
        anyhow::ensure!(
            !s.bucket.trim().is_empty(),
            "the S3 bucket is not set (AROGYA_S3_BUCKET)"
        );
        use aws_smithy_http_client::tls::{self, rustls_provider::CryptoMode};
        let http = aws_smithy_http_client::Builder::new()
            .tls_provider(tls::Provider::Rustls(CryptoMode::Ring))
            .build_https();
        let mut loader = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new(s.region.clone()))
            .http_client(http);
        if let (Some(id), Some(secret)) = (&s.access_key_id, &s.secret_access_key) {
            loader = loader.credentials_provider(aws_sdk_s3::config::Credentials::new(
                id.clone(),
                secret.expose().clone(),
                None,
                None,
                "arogya-configuration",
            ));
        }
        if let Some(url) = &s.endpoint_url {
            loader = loader.endpoint_url(url.clone());
        }
        let shared = loader.load().await;
        let config = aws_sdk_s3::config::Builder::from(&shared)
            .force_path_style(s.force_path_style)
            .build();
        Ok(Self {
            client: Client::from_conf(config),
            bucket: s.bucket.clone(),
        })
    }

    /// Is the bucket there and reachable with these credentials?
    pub async fn check(&self) -> anyhow::Result<()> {
        self.client
            .head_bucket()
            .bucket(&self.bucket)
            .send()
            .await
            .map_err(|e| anyhow::anyhow!("{}", aws_sdk_s3::error::DisplayErrorContext(e)))
            .with_context(|| format!("reaching the S3 bucket {}", self.bucket))?;
        Ok(())
    }
}

fn presigning(ttl: Duration) -> anyhow::Result<PresigningConfig> {
    PresigningConfig::expires_in(ttl).context("presigning expiry")
}

fn to_request(
    req: aws_sdk_s3::presigning::PresignedRequest,
    method: &'static str,
    ttl: Duration,
) -> anyhow::Result<PresignedRequest> {
    Ok(PresignedRequest {
        url: req.uri().to_owned(),
        method,
        headers: req
            .headers()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        expires_at: Utc::now() + chrono::Duration::from_std(ttl)?,
    })
}

impl S3Store {
    /// GET an object (`None`: there is no such key).
    async fn open(
        &self,
        key: &str,
    ) -> anyhow::Result<Option<aws_sdk_s3::operation::get_object::GetObjectOutput>> {
        match self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(key)
            .send()
            .await
        {
            Ok(out) => Ok(Some(out)),
            Err(e) if e.as_service_error().is_some_and(|s| s.is_no_such_key()) => Ok(None),
            Err(e) => Err(anyhow::anyhow!(
                "{}",
                aws_sdk_s3::error::DisplayErrorContext(e)
            ))
            .with_context(|| format!("reading s3://{}/{key}", self.bucket)),
        }
    }
}

#[async_trait::async_trait]
impl ObjectStore for S3Store {
    fn name(&self) -> &'static str {
        "s3"
    }

    async fn presign_put(
        &self,
        key: &str,
        content_type: &str,
        size: u64,
        ttl: Duration,
    ) -> anyhow::Result<PresignedRequest> {
        let req = self
            .client
            .put_object()
            .bucket(&self.bucket)
            .key(key)
            .content_type(content_type)
            .content_length(size as i64)
            .presigned(presigning(ttl)?)
            .await
            .context("presigning an upload")?;
        to_request(req, "PUT", ttl)
    }

    async fn presign_get(
        &self,
        key: &str,
        download: Download<'_>,
        ttl: Duration,
    ) -> anyhow::Result<PresignedRequest> {
        let req = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(key)
            .response_content_type(download.content_type)
            .response_content_disposition(content_disposition(download.file_name))
            .presigned(presigning(ttl)?)
            .await
            .context("presigning a download")?;
        to_request(req, "GET", ttl)
    }

    async fn promote(&self, from: &str, to: &str) -> anyhow::Result<bool> {
        // Keys are the server's own ([a-z0-9-/]), so the copy source needs no escaping.
        let copied = self
            .client
            .copy_object()
            .bucket(&self.bucket)
            .key(to)
            .copy_source(format!("{}/{from}", self.bucket))
            .send()
            .await;
        if let Err(e) = copied {
            let missing = e.raw_response().is_some_and(|r| r.status().as_u16() == 404)
                || e.as_service_error().and_then(|s| s.meta().code()) == Some("NoSuchKey");
            if missing {
                return Ok(false);
            }
            return Err(anyhow::anyhow!(
                "{}",
                aws_sdk_s3::error::DisplayErrorContext(e)
            ))
            .with_context(|| format!("moving s3://{}/{from}", self.bucket));
        }
        self.delete(from).await?;
        Ok(true)
    }

    async fn inspect(&self, key: &str) -> anyhow::Result<Option<ObjectFacts>> {
        let Some(out) = self.open(key).await? else {
            return Ok(None);
        };
        let mut body = out.body;
        let mut inspector = Inspector::default();
        while let Some(chunk) = body.try_next().await.context("reading an object")? {
            inspector.update(&chunk);
        }
        Ok(Some(inspector.finish().await?))
    }

    async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>> {
        let Some(out) = self.open(key).await? else {
            return Ok(None);
        };
        let bytes = out.body.collect().await.context("reading an object")?;
        Ok(Some(bytes.into_bytes().to_vec()))
    }

    async fn put(&self, key: &str, bytes: Vec<u8>, content_type: &str) -> anyhow::Result<()> {
        self.client
            .put_object()
            .bucket(&self.bucket)
            .key(key)
            .content_type(content_type)
            .body(bytes.into())
            .send()
            .await
            .map_err(|e| anyhow::anyhow!("{}", aws_sdk_s3::error::DisplayErrorContext(e)))
            .with_context(|| format!("writing s3://{}/{key}", self.bucket))?;
        Ok(())
    }

    async fn list(&self, prefix: &str) -> anyhow::Result<Vec<(String, DateTime<Utc>)>> {
        let mut out = Vec::new();
        let mut pages = self
            .client
            .list_objects_v2()
            .bucket(&self.bucket)
            .prefix(prefix)
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            let page = page
                .map_err(|e| anyhow::anyhow!("{}", aws_sdk_s3::error::DisplayErrorContext(e)))
                .with_context(|| format!("listing s3://{}/{prefix}", self.bucket))?;
            for o in page.contents() {
                let Some(key) = o.key() else { continue };
                let at = o
                    .last_modified()
                    .and_then(|t| DateTime::from_timestamp(t.secs(), t.subsec_nanos()))
                    .unwrap_or_else(Utc::now);
                out.push((key.to_owned(), at));
            }
        }
        Ok(out)
    }

    async fn delete(&self, key: &str) -> anyhow::Result<()> {
        self.client
            .delete_object()
            .bucket(&self.bucket)
            .key(key)
            .send()
            .await
            .map_err(|e| anyhow::anyhow!("{}", aws_sdk_s3::error::DisplayErrorContext(e)))
            .with_context(|| format!("deleting s3://{}/{key}", self.bucket))?;
        Ok(())
    }
}
