//! Ed25519 signing keys for access tokens, with rotation.
//!
//! Keys are PKCS#8 PEM files in a folder (or PEM text from the environment, e.g.
//! injected from a secrets manager). The newest key, by file name, signs; every key
//! present verifies and is published at `/.well-known/jwks.json`. Rotating means
//! adding a newer key: tokens signed by the older one stay valid until they expire,
//! so nobody is logged out; remove the old file after the access-token lifetime.

use anyhow::{Context, Result};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::pkcs8::{DecodePrivateKey, EncodePrivateKey};
use ed25519_dalek::SigningKey;
use jsonwebtoken::{DecodingKey, EncodingKey};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub struct KeyRing {
    active_kid: String,
    encoding: EncodingKey,
    decoding: HashMap<String, DecodingKey>,
    jwks: String,
}

impl std::fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyRing")
            .field("active_kid", &self.active_kid)
            .field("kids", &self.decoding.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

/// A new private key as PKCS#8 PEM.
pub fn generate_pem() -> Result<String> {
    let key = SigningKey::generate(&mut rand::rngs::OsRng);
    Ok(key
        .to_pkcs8_pem(Default::default())
        .context("encoding a new key")?
        .to_string())
}

fn kid_of(key: &SigningKey) -> String {
    let digest = Sha256::digest(key.verifying_key().as_bytes());
    URL_SAFE_NO_PAD.encode(&digest[..12])
}

impl KeyRing {
    /// Build from PEM texts, oldest first: the last one signs.
    pub fn from_pems(pems: &[String]) -> Result<Self> {
        anyhow::ensure!(!pems.is_empty(), "no signing key");
        let mut decoding = HashMap::new();
        let mut jwks_keys = Vec::new();
        let mut active = None;
        for pem in pems {
            let key =
                SigningKey::from_pkcs8_pem(pem).context("reading an Ed25519 PKCS#8 PEM key")?;
            let kid = kid_of(&key);
            let public = key.verifying_key().to_bytes();
            decoding.insert(kid.clone(), DecodingKey::from_ed_der(&public));
            jwks_keys.push(serde_json::json!({
                "kty": "OKP", "crv": "Ed25519", "alg": "EdDSA", "use": "sig",
                "kid": kid, "x": URL_SAFE_NO_PAD.encode(public),
            }));
            let der = key.to_pkcs8_der().context("encoding key")?;
            active = Some((kid, EncodingKey::from_ed_der(der.as_bytes())));
        }
        let (active_kid, encoding) = active.context("no signing key")?;
        let jwks = serde_json::json!({ "keys": jwks_keys }).to_string();
        Ok(Self {
            active_kid,
            encoding,
            decoding,
            jwks,
        })
    }

    /// Load every `*.pem` in `dir` (sorted by name), creating the folder and a first
    /// key when there is none.
    pub fn load_or_create(dir: &Path) -> Result<Self> {
        if list_pems(dir)?.is_empty() {
            rotate(dir)?;
        }
        let pems = list_pems(dir)?
            .iter()
            .map(|p| std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display())))
            .collect::<Result<Vec<_>>>()?;
        Self::from_pems(&pems)
    }

    pub fn active_kid(&self) -> &str {
        &self.active_kid
    }
    pub fn encoding_key(&self) -> &EncodingKey {
        &self.encoding
    }
    pub fn decoding_key(&self, kid: &str) -> Option<&DecodingKey> {
        self.decoding.get(kid)
    }
    /// The JSON Web Key Set of every verifying key.
    pub fn jwks_json(&self) -> &str {
        &self.jwks
    }
}

fn list_pems(dir: &Path) -> Result<Vec<PathBuf>> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("listing {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pem"))
        .collect();
    files.sort();
    Ok(files)
}

/// Add a new signing key to `dir`, named by the current UTC time so that it sorts
/// last and becomes the signer. Returns its file path.
pub fn rotate(dir: &Path) -> Result<PathBuf> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let name = format!(
        "{}-{}.pem",
        chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ"),
        &uuid::Uuid::now_v7().simple().to_string()[..8]
    );
    let path = dir.join(name);
    write_private(&path, &generate_pem()?)?;
    Ok(path)
}

/// Create `path` with `text`, readable and writable by the owner only.
#[cfg(unix)]
pub(crate) fn write_private(path: &Path, text: &str) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    f.write_all(text.as_bytes())?;
    Ok(())
}

#[cfg(not(unix))]
pub(crate) fn write_private(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_key_signs_and_all_verify() {
        let (a, b) = (generate_pem().unwrap(), generate_pem().unwrap());
        let one = KeyRing::from_pems(std::slice::from_ref(&a)).unwrap();
        let two = KeyRing::from_pems(&[a, b]).unwrap();
        assert_ne!(one.active_kid(), two.active_kid());
        assert!(two.decoding_key(one.active_kid()).is_some());
        let jwks: serde_json::Value = serde_json::from_str(two.jwks_json()).unwrap();
        assert_eq!(jwks["keys"].as_array().unwrap().len(), 2);
        assert!(!two.jwks_json().contains("PRIVATE"));
    }
}
