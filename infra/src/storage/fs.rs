//! The folder adapter: objects are files under a root folder, at their key. Upload
//! and download URLs point at this server (`/storage/{token}`); the token carries the
//! key, method, expiry and limits, signed with HMAC-SHA256 under a server key, so it
//! cannot be altered to reach another object (or another tenant's).

use super::{Download, Inspector, ObjectStore, PresignedRequest};
use anyhow::Context;
use arogya_domain::document::ObjectFacts;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use std::path::{Path, PathBuf};
use std::time::Duration;
use tokio::io::AsyncWriteExt;

/// What a signed URL allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrlClaims {
    /// `PUT` or `GET`.
    pub m: String,
    pub k: String,
    /// Expiry, Unix seconds.
    pub e: i64,
    /// Content type to accept or serve.
    pub t: String,
    /// PUT: exact size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u64>,
    /// GET: the file name to serve it as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub f: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlError {
    Malformed,
    BadSignature,
    Expired,
    WrongMethod,
}

pub struct FsStore {
    root: PathBuf,
    key: [u8; 32],
}

impl std::fmt::Debug for FsStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FsStore")
            .field("root", &self.root)
            .finish_non_exhaustive()
    }
}

/// Keys are made by the server (`tenants/{uuid}/documents/{uuid}`); anything else is
/// refused before it touches the file system.
fn safe_key(key: &str) -> anyhow::Result<&str> {
    let ok = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'/')
        && !key.starts_with('/')
        && !key.split('/').any(|p| p.is_empty() || p == "..");
    anyhow::ensure!(ok, "not an object key: {key}");
    Ok(key)
}

impl FsStore {
    /// `url_key`: the secret that signs this server's storage URLs.
    pub fn new(root: impl Into<PathBuf>, url_key: [u8; 32]) -> anyhow::Result<Self> {
        let root = root.into();
        std::fs::create_dir_all(&root).with_context(|| format!("creating {}", root.display()))?;
        Ok(Self { root, key: url_key })
    }

    fn path(&self, key: &str) -> anyhow::Result<PathBuf> {
        Ok(self.root.join(safe_key(key)?))
    }

    fn mac(&self) -> Hmac<Sha256> {
        Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes any key length")
    }

    fn sign(&self, claims: &UrlClaims) -> anyhow::Result<String> {
        let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims)?);
        let mut mac = self.mac();
        mac.update(payload.as_bytes());
        let sig = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        Ok(format!("{payload}.{sig}"))
    }

    /// Check a token from `/storage/{token}` for `method`.
    pub fn verify(&self, token: &str, method: &str) -> Result<UrlClaims, UrlError> {
        let (payload, sig) = token.split_once('.').ok_or(UrlError::Malformed)?;
        let sig = URL_SAFE_NO_PAD
            .decode(sig)
            .map_err(|_| UrlError::Malformed)?;
        let mut mac = self.mac();
        mac.update(payload.as_bytes());
        mac.verify_slice(&sig).map_err(|_| UrlError::BadSignature)?;
        let json = URL_SAFE_NO_PAD
            .decode(payload)
            .map_err(|_| UrlError::Malformed)?;
        let claims: UrlClaims = serde_json::from_slice(&json).map_err(|_| UrlError::Malformed)?;
        if claims.e < Utc::now().timestamp() {
            return Err(UrlError::Expired);
        }
        if claims.m != method {
            return Err(UrlError::WrongMethod);
        }
        safe_key(&claims.k).map_err(|_| UrlError::Malformed)?;
        Ok(claims)
    }

    /// Store an upload, refusing more than `max` bytes. Written to a temporary file
    /// and renamed, so a broken upload never leaves half an object at the key.
    pub async fn write<S, E>(
        &self,
        key: &str,
        mut body: S,
        max: u64,
    ) -> anyhow::Result<Result<u64, u64>>
    where
        S: futures_util::Stream<Item = Result<bytes::Bytes, E>> + Unpin,
        E: std::error::Error + Send + Sync + 'static,
    {
        use futures_util::StreamExt;
        let path = self.path(key)?;
        if let Some(dir) = path.parent() {
            tokio::fs::create_dir_all(dir)
                .await
                .with_context(|| format!("creating {}", dir.display()))?;
        }
        let tmp = path.with_extension(format!("part-{}", uuid::Uuid::now_v7().simple()));
        let mut file = tokio::fs::File::create(&tmp)
            .await
            .with_context(|| format!("creating {}", tmp.display()))?;
        let mut written = 0u64;
        while let Some(chunk) = body.next().await {
            let chunk = match chunk {
                Ok(c) => c,
                Err(e) => {
                    let _ = tokio::fs::remove_file(&tmp).await;
                    return Err(anyhow::Error::new(e).context("reading the upload"));
                }
            };
            written += chunk.len() as u64;
            if written > max {
                drop(file);
                let _ = tokio::fs::remove_file(&tmp).await;
                return Ok(Err(written));
            }
            file.write_all(&chunk).await.context("writing the upload")?;
        }
        file.flush().await?;
        file.sync_all().await?;
        drop(file);
        tokio::fs::rename(&tmp, &path)
            .await
            .context("moving the upload into place")?;
        Ok(Ok(written))
    }

    /// The file of an object, for streaming a download.
    pub async fn open(&self, key: &str) -> anyhow::Result<Option<(tokio::fs::File, u64)>> {
        let path = self.path(key)?;
        match tokio::fs::File::open(&path).await {
            Ok(f) => {
                let len = f.metadata().await?.len();
                Ok(Some((f, len)))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(anyhow::Error::new(e).context(format!("opening {}", path.display()))),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

#[async_trait::async_trait]
impl ObjectStore for FsStore {
    fn name(&self) -> &'static str {
        "fs"
    }

    async fn presign_put(
        &self,
        key: &str,
        content_type: &str,
        size: u64,
        ttl: Duration,
    ) -> anyhow::Result<PresignedRequest> {
        safe_key(key)?;
        let expires_at = Utc::now() + chrono::Duration::from_std(ttl)?;
        let token = self.sign(&UrlClaims {
            m: "PUT".into(),
            k: key.to_owned(),
            e: expires_at.timestamp(),
            t: content_type.to_owned(),
            n: Some(size),
            f: None,
        })?;
        Ok(PresignedRequest {
            url: format!("/storage/{token}"),
            method: "PUT",
            headers: vec![("content-type".into(), content_type.to_owned())],
            expires_at,
        })
    }

    async fn presign_get(
        &self,
        key: &str,
        download: Download<'_>,
        ttl: Duration,
    ) -> anyhow::Result<PresignedRequest> {
        safe_key(key)?;
        let expires_at = Utc::now() + chrono::Duration::from_std(ttl)?;
        let token = self.sign(&UrlClaims {
            m: "GET".into(),
            k: key.to_owned(),
            e: expires_at.timestamp(),
            t: download.content_type.to_owned(),
            n: None,
            f: Some(download.file_name.to_owned()),
        })?;
        Ok(PresignedRequest {
            url: format!("/storage/{token}"),
            method: "GET",
            headers: Vec::new(),
            expires_at,
        })
    }

    async fn promote(&self, from: &str, to: &str) -> anyhow::Result<bool> {
        let (from, to) = (self.path(from)?, self.path(to)?);
        if let Some(dir) = to.parent() {
            tokio::fs::create_dir_all(dir)
                .await
                .with_context(|| format!("creating {}", dir.display()))?;
        }
        match tokio::fs::rename(&from, &to).await {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(anyhow::Error::new(e).context(format!("moving {}", from.display()))),
        }
    }

    async fn inspect(&self, key: &str) -> anyhow::Result<Option<ObjectFacts>> {
        use tokio::io::AsyncReadExt;
        let Some((mut file, _)) = self.open(key).await? else {
            return Ok(None);
        };
        let mut inspector = Inspector::default();
        let mut buf = vec![0u8; 256 * 1024];
        loop {
            let n = file.read(&mut buf).await.context("reading an object")?;
            if n == 0 {
                break;
            }
            inspector.update(&buf[..n]);
        }
        Ok(Some(inspector.finish().await?))
    }

    async fn get(&self, key: &str) -> anyhow::Result<Option<Vec<u8>>> {
        let path = self.path(key)?;
        match tokio::fs::read(&path).await {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(anyhow::Error::new(e).context(format!("reading {}", path.display()))),
        }
    }

    async fn put(&self, key: &str, bytes: Vec<u8>, _content_type: &str) -> anyhow::Result<()> {
        let path = self.path(key)?;
        if let Some(dir) = path.parent() {
            tokio::fs::create_dir_all(dir)
                .await
                .with_context(|| format!("creating {}", dir.display()))?;
        }
        // Written beside, then renamed: a reader never sees half an object.
        let tmp = path.with_extension("restoring");
        tokio::fs::write(&tmp, &bytes)
            .await
            .with_context(|| format!("writing {}", tmp.display()))?;
        tokio::fs::rename(&tmp, &path)
            .await
            .with_context(|| format!("moving {}", path.display()))
    }

    async fn list(&self, prefix: &str) -> anyhow::Result<Vec<(String, DateTime<Utc>)>> {
        // Keys under a prefix are one folder deep (`tenants/{t}/uploads/{id}`).
        let dir = self.path(prefix.trim_end_matches('/'))?;
        let mut entries = match tokio::fs::read_dir(&dir).await {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(anyhow::Error::new(e).context(format!("listing {}", dir.display())))
            }
        };
        let mut out = Vec::new();
        while let Some(entry) = entries.next_entry().await.context("listing objects")? {
            let meta = entry
                .metadata()
                .await
                .context("reading an object's metadata")?;
            if !meta.is_file() {
                continue;
            }
            let modified: DateTime<Utc> = meta
                .modified()
                .map(Into::into)
                .unwrap_or_else(|_| Utc::now());
            if let Some(name) = entry.file_name().to_str() {
                out.push((format!("{}/{name}", prefix.trim_end_matches('/')), modified));
            }
        }
        Ok(out)
    }

    async fn delete(&self, key: &str) -> anyhow::Result<()> {
        let path = self.path(key)?;
        match tokio::fs::remove_file(&path).await {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(anyhow::Error::new(e).context(format!("deleting {}", path.display()))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> FsStore {
        let dir = std::env::temp_dir().join(format!("arogya-fs-{}", uuid::Uuid::now_v7().simple()));
        FsStore::new(dir, [7u8; 32]).unwrap()
    }

    #[tokio::test]
    async fn signed_urls_resist_tampering_and_expire() {
        let s = store();
        let key = "tenants/0190a1b2-0000-7000-8000-000000000001/documents/0190a1b2-0000-7000-8000-000000000002";
        let put = s
            .presign_put(key, "application/pdf", 10, Duration::from_secs(60))
            .await
            .unwrap();
        let token = put.url.strip_prefix("/storage/").unwrap();
        let claims = s.verify(token, "PUT").unwrap();
        assert_eq!((claims.k.as_str(), claims.n), (key, Some(10)));
        assert_eq!(s.verify(token, "GET"), Err(UrlError::WrongMethod));
        // Point the payload at another key, keep the signature: refused.
        let (_, sig) = token.split_once('.').unwrap();
        let forged = URL_SAFE_NO_PAD.encode(
            serde_json::to_vec(&UrlClaims {
                k: key.replace("0001", "0009"),
                ..claims.clone()
            })
            .unwrap(),
        );
        assert_eq!(
            s.verify(&format!("{forged}.{sig}"), "PUT"),
            Err(UrlError::BadSignature)
        );
        let other = FsStore::new(s.root().join("x"), [8u8; 32]).unwrap();
        assert_eq!(other.verify(token, "PUT"), Err(UrlError::BadSignature));
        let old = s
            .sign(&UrlClaims {
                e: Utc::now().timestamp() - 1,
                ..claims
            })
            .unwrap();
        assert_eq!(s.verify(&old, "PUT"), Err(UrlError::Expired));
        assert_eq!(s.verify("garbage", "PUT"), Err(UrlError::Malformed));
    }

    #[tokio::test]
    async fn writes_are_limited_and_inspected() {
        let s = store();
        let key = "tenants/a/documents/b";
        let chunks = futures_util::stream::iter(vec![
            Ok::<_, std::io::Error>(bytes::Bytes::from_static(b"%PDF-1.4 ")),
            Ok(bytes::Bytes::from_static(b"hello")),
        ]);
        assert_eq!(s.write(key, chunks, 100).await.unwrap(), Ok(14));
        let facts = s.inspect(key).await.unwrap().unwrap();
        assert_eq!(facts.size, 14);
        let big =
            futures_util::stream::iter(vec![Ok::<_, std::io::Error>(bytes::Bytes::from(vec![
                0u8;
                200
            ]))]);
        assert_eq!(
            s.write("tenants/a/documents/c", big, 100).await.unwrap(),
            Err(200)
        );
        assert!(s.inspect("tenants/a/documents/c").await.unwrap().is_none());
        assert!(s.path("../etc/passwd").is_err());
        assert!(s.promote(key, "tenants/a/final/b").await.unwrap());
        assert!(s.inspect(key).await.unwrap().is_none());
        assert_eq!(
            s.inspect("tenants/a/final/b").await.unwrap().unwrap().size,
            14
        );
        assert!(!s.promote(key, "tenants/a/final/b").await.unwrap());
        let key = "tenants/a/final/b";
        s.delete(key).await.unwrap();
        s.delete(key).await.unwrap();
        assert!(s.inspect(key).await.unwrap().is_none());
    }
}
