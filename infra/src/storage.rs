//! The document store port and its adapters: Amazon S3 (or any S3-compatible
//! server) through `aws-sdk-s3`, and a local folder (the embedded default) whose
//! upload and download URLs are signed by the server and served by the API.
//!
//! Clients never stream documents through GraphQL: they get a short-lived URL, send or
//! fetch the bytes there directly, and the server then reads the object to check it.

mod file_check;
mod fs;
mod s3;

pub use fs::{FsStore, UrlClaims, UrlError};
pub use s3::{S3Settings, S3Store};

use arogya_domain::document::ObjectFacts;
use chrono::{DateTime, Utc};
use std::time::Duration;

/// A request the client makes itself, within its expiry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PresignedRequest {
    /// Absolute (S3), or a path on this server starting with `/` (the folder store).
    pub url: String,
    pub method: &'static str,
    /// Headers the client must send as given (they are part of the signature).
    pub headers: Vec<(String, String)>,
    pub expires_at: DateTime<Utc>,
}

/// What a download should be served as.
#[derive(Debug, Clone)]
pub struct Download<'a> {
    pub file_name: &'a str,
    pub content_type: &'a str,
}

#[async_trait::async_trait]
pub trait ObjectStore: Send + Sync + std::fmt::Debug {
    /// `s3` or `fs`, for logs and metrics.
    fn name(&self) -> &'static str;
    /// A URL to PUT exactly `size` bytes of `content_type` to `key`.
    async fn presign_put(
        &self,
        key: &str,
        content_type: &str,
        size: u64,
        ttl: Duration,
    ) -> anyhow::Result<PresignedRequest>;
    /// A URL to GET the object at `key`, served with the given name and type.
    async fn presign_get(
        &self,
        key: &str,
        download: Download<'_>,
        ttl: Duration,
    ) -> anyhow::Result<PresignedRequest>;
    /// Move the object at `from` to `to` (replacing it); false when `from` is absent.
    async fn promote(&self, from: &str, to: &str) -> anyhow::Result<bool>;
    /// Read the whole object once: its size, SHA-256 and leading bytes (`None`: absent).
    async fn inspect(&self, key: &str) -> anyhow::Result<Option<ObjectFacts>>;
    /// Destroy the object (absent is fine).
    async fn delete(&self, key: &str) -> anyhow::Result<()>;
    /// The whole object (`None`: absent), for tenant archives.
    async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>>;
    /// Write an object (replacing it), for restoring a tenant archive.
    async fn put(&self, key: &str, bytes: Vec<u8>, content_type: &str) -> anyhow::Result<()>;
    /// Every object whose key starts with `prefix` (a folder, ending in `/`), with when
    /// it was last written; for finding orphans.
    async fn list(&self, prefix: &str) -> anyhow::Result<Vec<(String, DateTime<Utc>)>>;
}

/// Hashes a stream of chunks and keeps the bytes, to be parsed whole (uploads are
/// bounded by the size limit, 20 MB by default).
#[derive(Default)]
pub(crate) struct Inspector {
    hasher: sha2::Sha256,
    size: u64,
    bytes: Vec<u8>,
}

impl Inspector {
    pub(crate) fn update(&mut self, chunk: &[u8]) {
        use sha2::Digest;
        self.hasher.update(chunk);
        self.size += chunk.len() as u64;
        self.bytes.extend_from_slice(chunk);
    }

    /// The facts, the whole file parsed on the blocking pool (decoding an image takes
    /// a while and must not stall the request threads).
    pub(crate) async fn finish(self) -> anyhow::Result<ObjectFacts> {
        use sha2::Digest;
        let digest = self.hasher.finalize();
        let head =
            self.bytes[..self.bytes.len().min(arogya_domain::document::SNIFF_BYTES)].to_vec();
        let bytes = self.bytes;
        let parses_as = tokio::task::spawn_blocking(move || file_check::parses_as(&bytes)).await?;
        Ok(ObjectFacts {
            size: self.size,
            sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
            head,
            parses_as,
        })
    }
}

/// `attachment; filename="…"` with a plain-ASCII fallback and the UTF-8 name
/// (RFC 6266 / 5987), so Bengali and Hindi file names survive.
pub fn content_disposition(file_name: &str) -> String {
    let ascii: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn inspector_hashes_across_chunks_and_keeps_the_head() {
        let mut i = Inspector::default();
        for chunk in [&b"%PD"[..], b"F-1.7 and more than sixteen bytes"] {
            i.update(chunk);
        }
        let facts = i.finish().await.unwrap();
        assert_eq!(facts.size, 36);
        assert_eq!(facts.parses_as, None, "a PDF header on text is no PDF");
        assert_eq!(&facts.head, b"%PDF-1.7 and mor");
        // sha256("%PDF-1.7 and more than sixteen bytes")
        use sha2::Digest;
        let expected: String = sha2::Sha256::digest(b"%PDF-1.7 and more than sixteen bytes")
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(facts.sha256, expected);
    }

    #[test]
    fn content_disposition_keeps_local_names() {
        let d = content_disposition("অগ্নি NOC.pdf");
        assert!(d.starts_with("attachment; filename=\""), "{d}");
        assert!(d.contains("filename*=UTF-8''%E0%A6%85"), "{d}");
        assert!(!content_disposition("a\"b.pdf").contains("a\"b"));
    }
}
