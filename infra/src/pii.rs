//! Keys derived per tenant from one master secret: the key that hashes national ID
//! numbers (so the same number can be matched for duplicates without ever being
//! stored) and the Ed25519 key that signs e-health card QR codes (so any verifier can
//! check a card offline with the tenant's published public key).
//!
//! Deriving both from the master secret with HMAC-SHA256 and a purpose label keeps the
//! tenants' keys apart and leaves only one secret to keep (in a secrets manager in
//! production). It is never stored next to the data it protects.

use anyhow::{Context, Result};
use arogya_domain::ids::TenantId;
use arogya_domain::patient::card::CardClaims;
use arogya_domain::patient::identifiers::AadhaarNumber;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::path::Path;

type HmacSha256 = Hmac<Sha256>;

/// The master secret in versions: the newest signs cards and hashes national IDs; the
/// older ones still verify the cards they signed (until retired) and carry the
/// national-ID hash chain (see [`PiiKeys::national_id_hash`]).
pub struct PiiKeys {
    /// Oldest first; never empty.
    versions: Vec<MasterKey>,
}

struct MasterKey {
    version: u32,
    key: [u8; 32],
    /// Its card key is no longer published or accepted.
    retired: bool,
}

impl std::fmt::Debug for PiiKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PiiKeys([REDACTED])")
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    let s = s.trim();
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Why a card payload does not verify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardTokenError {
    Malformed,
    BadSignature,
}

impl PiiKeys {
    /// From the key text: 64 hex characters (one key, version 1), or one key a line
    /// (or separated by commas) as `v<N> <hex>`, with ` retired` after a key whose
    /// cards are no longer accepted.
    pub fn from_hex(text: &str) -> Result<Self> {
        let mut versions = Vec::new();
        for (i, line) in text
            .split(['\n', ','])
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .enumerate()
        {
            let mut words = line.split_whitespace();
            let first = words.next().unwrap_or_default();
            let (version, hexkey) =
                match first.strip_prefix('v').and_then(|v| v.parse::<u32>().ok()) {
                    Some(v) => (v, words.next().context("a key version without its key")?),
                    None => (i as u32 + 1, first),
                };
            let retired = matches!(words.next(), Some("retired"));
            let bytes = unhex(hexkey).context("the PII master key must be hex")?;
            let key: [u8; 32] = bytes.try_into().map_err(|_| {
                anyhow::anyhow!("the PII master key must be 32 bytes (64 hex digits)")
            })?;
            versions.push(MasterKey {
                version,
                key,
                retired,
            });
        }
        anyhow::ensure!(!versions.is_empty(), "the PII master key is empty");
        versions.sort_by_key(|k| k.version);
        let numbered: Vec<u32> = versions.iter().map(|k| k.version).collect();
        anyhow::ensure!(
            numbered.iter().enumerate().all(|(i, v)| *v == i as u32 + 1),
            "PII key versions must run 1, 2, 3… without gaps (found {numbered:?})"
        );
        anyhow::ensure!(
            !versions.last().is_some_and(|k| k.retired),
            "the newest PII key cannot be retired"
        );
        Ok(Self { versions })
    }

    /// The key text, as the key file holds it.
    pub fn to_text(&self) -> String {
        self.versions
            .iter()
            .map(|k| {
                format!(
                    "v{} {}{}\n",
                    k.version,
                    hex(&k.key),
                    if k.retired { " retired" } else { "" }
                )
            })
            .collect()
    }

    /// Replace the key file with these keys (written beside it, owner-only, then
    /// renamed over it: never half-written).
    pub fn save(&self, path: &Path) -> Result<()> {
        let tmp = path.with_extension("new");
        let _ = std::fs::remove_file(&tmp);
        crate::auth::keys::write_private(&tmp, &self.to_text())?;
        std::fs::rename(&tmp, path).with_context(|| format!("replacing {}", path.display()))
    }

    /// The newest version.
    pub fn current_version(&self) -> u32 {
        self.newest().version
    }

    fn newest(&self) -> &MasterKey {
        self.versions.last().expect("never empty")
    }

    /// A new random key as the newest version (`arogya keys rotate-pii`).
    pub fn rotated(&self) -> Self {
        let mut key = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut key);
        let mut versions: Vec<MasterKey> = self
            .versions
            .iter()
            .map(|k| MasterKey {
                version: k.version,
                key: k.key,
                retired: k.retired,
            })
            .collect();
        versions.push(MasterKey {
            version: self.current_version() + 1,
            key,
            retired: false,
        });
        Self { versions }
    }

    /// Stop accepting cards signed under `version` (not the newest).
    pub fn retiring(&self, version: u32) -> Result<Self> {
        anyhow::ensure!(
            version < self.current_version(),
            "only an older PII key can be retired"
        );
        anyhow::ensure!(version >= 1, "no such PII key version");
        Ok(Self {
            versions: self
                .versions
                .iter()
                .map(|k| MasterKey {
                    version: k.version,
                    key: k.key,
                    retired: k.retired || k.version == version,
                })
                .collect(),
        })
    }

    /// Read the key file, creating it (readable by the owner only) with a random key
    /// when it does not exist: the embedded default needs no set-up.
    pub fn load_or_create(path: &Path) -> Result<Self> {
        if path.exists() {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            return Self::from_hex(&text);
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let mut master = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut master);
        crate::auth::keys::write_private(path, &hex(&master))?;
        tracing::info!(path = %path.display(), "created a new PII master key");
        Self::from_hex(&hex(&master))
    }

    /// A per-tenant key from the first master key: the keys that must stay the same
    /// for the life of the data (the audit chain, archives, short-lived codes and URLs).
    fn derive(&self, purpose: &str, tenant: TenantId) -> [u8; 32] {
        derive_from(&self.versions[0].key, purpose, tenant)
    }

    fn master(&self) -> &[u8; 32] {
        &self.versions[0].key
    }
}

fn derive_from(master: &[u8; 32], purpose: &str, tenant: TenantId) -> [u8; 32] {
    {
        let mut mac = HmacSha256::new_from_slice(master).expect("HMAC takes any key length");
        mac.update(purpose.as_bytes());
        mac.update(b":");
        mac.update(tenant.0.as_bytes());
        mac.finalize().into_bytes().into()
    }
}

impl PiiKeys {
    /// The key a tenant's archive is sealed with (the same on any installation that
    /// holds this master key).
    pub fn archive_key(&self, tenant: TenantId) -> [u8; 32] {
        self.derive("tenant-archive-v1", tenant)
    }

    /// The key a tenant's audit chain is sealed with (see `repos::audit_chain`).
    pub fn audit_chain_key(&self, tenant: TenantId) -> [u8; 32] {
        self.derive("audit-chain-v1", tenant)
    }

    /// The keyed hash a one-time code is stored as, bound to the sign-up it was sent
    /// for: six digits are too few for a plain hash to hide.
    pub fn otp_hash(&self, tenant: TenantId, signup: uuid::Uuid, code: &str) -> String {
        let key = self.derive("otp-v1", tenant);
        let mut mac = HmacSha256::new_from_slice(&key).expect("HMAC takes any key length");
        mac.update(signup.as_bytes());
        mac.update(code.as_bytes());
        hex(&mac.finalize().into_bytes())
    }

    /// Compare a typed code with a stored hash in constant time.
    pub fn otp_matches(
        &self,
        tenant: TenantId,
        signup: uuid::Uuid,
        code: &str,
        stored: &str,
    ) -> bool {
        let key = self.derive("otp-v1", tenant);
        let mut mac = HmacSha256::new_from_slice(&key).expect("HMAC takes any key length");
        mac.update(signup.as_bytes());
        mac.update(code.as_bytes());
        match unhex(stored) {
            Some(bytes) => mac.verify_slice(&bytes).is_ok(),
            None => false,
        }
    }

    /// A person's secret for the work their phone keeps while offline: the web app
    /// seals its data key with it, so that a page reopened with a live session opens
    /// that work without the password, while the phone alone (no session) cannot.
    /// Derived, not stored: the same for the person on every server of the installation.
    pub fn offline_secret(&self, tenant: TenantId, user: uuid::Uuid) -> [u8; 32] {
        let key = self.derive("offline-v1", tenant);
        let mut mac = HmacSha256::new_from_slice(&key).expect("HMAC takes any key length");
        mac.update(user.as_bytes());
        mac.finalize().into_bytes().into()
    }

    /// The key that signs this server's own storage URLs (the folder object store).
    pub fn storage_url_key(&self) -> [u8; 32] {
        let mut mac = HmacSha256::new_from_slice(self.master()).expect("HMAC takes any key length");
        mac.update(b"storage-urls-v1");
        mac.finalize().into_bytes().into()
    }

    /// The keyed hash a national ID number is stored (and matched) as, under the
    /// newest key. Version 1 is `HMAC(k1, number)` in hex; version n > 1 is
    /// `vn:` + `HMAC(kn, the version n-1 hash)`, so a stored hash is re-keyed without
    /// the number (which is never stored), and someone holding an older key alone can
    /// no longer test guesses against it.
    pub fn national_id_hash(&self, tenant: TenantId, number: &AadhaarNumber) -> String {
        self.national_id_hashes(tenant, number)
            .pop()
            .expect("never empty")
    }

    /// The number's hash under every version, oldest first: what a lookup matches
    /// while a re-keying is under way.
    pub fn national_id_hashes(&self, tenant: TenantId, number: &AadhaarNumber) -> Vec<String> {
        let mut out = Vec::with_capacity(self.versions.len());
        let mut mac = HmacSha256::new_from_slice(&derive_from(
            &self.versions[0].key,
            "national-id-v1",
            tenant,
        ))
        .expect("HMAC takes any key length");
        mac.update(number.digits().as_bytes());
        let mut h = hex(&mac.finalize().into_bytes());
        out.push(h.clone());
        for k in &self.versions[1..] {
            h = chain(k, tenant, &h);
            out.push(h.clone());
        }
        out
    }

    /// A stored hash under the newest key (`None`: it is already, or its version is
    /// unknown here).
    pub fn rekey_national_id(&self, tenant: TenantId, stored: &str) -> Option<String> {
        let version = match stored.split_once(':') {
            Some((v, _)) => v.strip_prefix('v')?.parse::<u32>().ok()?,
            None => 1,
        };
        if version >= self.current_version() || version == 0 {
            return None;
        }
        let mut h = stored.to_owned();
        for k in &self.versions[version as usize..] {
            h = chain(k, tenant, &h);
        }
        Some(h)
    }

    /// The `national_id_hash` prefix of hashes under the newest key (`""` for v1).
    pub fn national_id_prefix(&self) -> String {
        match self.current_version() {
            1 => String::new(),
            v => format!("v{v}:"),
        }
    }

    fn card_key_of(k: &MasterKey, tenant: TenantId) -> SigningKey {
        SigningKey::from_bytes(&derive_from(&k.key, "card-signing-v1", tenant))
    }

    fn card_kid_of(k: &MasterKey, tenant: TenantId) -> String {
        let public = Self::card_key_of(k, tenant).verifying_key();
        URL_SAFE_NO_PAD.encode(&Sha256::digest(public.as_bytes())[..12])
    }

    /// The key id of the tenant's card-signing key (the newest).
    pub fn card_kid(&self, tenant: TenantId) -> String {
        Self::card_kid_of(self.newest(), tenant)
    }

    /// The tenant's public card keys as a JWK set, for offline verifiers: the newest
    /// and every older one not retired (cards signed under them still verify).
    pub fn card_jwks(&self, tenant: TenantId) -> serde_json::Value {
        let keys: Vec<serde_json::Value> = self
            .versions
            .iter()
            .rev()
            .filter(|k| !k.retired)
            .map(|k| {
                let public = Self::card_key_of(k, tenant).verifying_key();
                serde_json::json!({
                    "kty": "OKP", "crv": "Ed25519", "alg": "EdDSA", "use": "sig",
                    "kid": Self::card_kid_of(k, tenant), "x": URL_SAFE_NO_PAD.encode(public.as_bytes()),
                })
            })
            .collect();
        serde_json::json!({ "keys": keys })
    }

    /// A compact JWS (EdDSA) of the claims: what the card's QR code holds.
    pub fn sign_card(&self, tenant: TenantId, claims: &CardClaims) -> String {
        self.sign_document(tenant, CARD_TYP, claims)
    }

    /// A compact JWS (EdDSA) of any printed document's claims, signed with the
    /// tenant's card key; `typ` tells the kinds apart (a card is never taken for a
    /// certificate).
    pub fn sign_document<T: serde::Serialize>(
        &self,
        tenant: TenantId,
        typ: &str,
        claims: &T,
    ) -> String {
        let header =
            serde_json::json!({ "alg": "EdDSA", "typ": typ, "kid": self.card_kid(tenant) });
        let payload = serde_json::to_vec(claims).unwrap_or_default();
        let signing_input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(payload)
        );
        let signature = Self::card_key_of(self.newest(), tenant).sign(signing_input.as_bytes());
        format!(
            "{signing_input}.{}",
            URL_SAFE_NO_PAD.encode(signature.to_bytes())
        )
    }

    /// Verify a card payload against `tenant`'s key that signed it (named by `kid`),
    /// if that key is still accepted.
    pub fn verify_card(&self, tenant: TenantId, token: &str) -> Result<CardClaims, CardTokenError> {
        self.verify_document(tenant, CARD_TYP, token)
    }

    /// Verify a document of kind `typ` against `tenant`'s key that signed it.
    pub fn verify_document<T: serde::de::DeserializeOwned>(
        &self,
        tenant: TenantId,
        typ: &str,
        token: &str,
    ) -> Result<T, CardTokenError> {
        let header = header_of(token).ok_or(CardTokenError::Malformed)?;
        if header["typ"].as_str() != Some(typ) {
            return Err(CardTokenError::Malformed);
        }
        let kid = header["kid"].as_str().ok_or(CardTokenError::Malformed)?;
        let key = self
            .versions
            .iter()
            .filter(|k| !k.retired)
            .find(|k| Self::card_kid_of(k, tenant) == kid)
            .ok_or(CardTokenError::BadSignature)?;
        verify_with(&Self::card_key_of(key, tenant).verifying_key(), token)
    }
}

/// The `typ` of an e-health card's payload.
pub const CARD_TYP: &str = "arogya-card+jwt";

/// Version n's link of the national-ID hash chain.
fn chain(k: &MasterKey, tenant: TenantId, previous: &str) -> String {
    let mut mac = HmacSha256::new_from_slice(&derive_from(&k.key, "national-id-v1", tenant))
        .expect("HMAC takes any key length");
    mac.update(previous.as_bytes());
    format!("v{}:{}", k.version, hex(&mac.finalize().into_bytes()))
}

/// A payload's header, if it has one.
fn header_of(token: &str) -> Option<serde_json::Value> {
    let header = token.trim().split('.').next()?;
    let bytes = URL_SAFE_NO_PAD.decode(header).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The claims of a card payload, without checking who signed it (to find the tenant).
pub fn unverified_card_claims(token: &str) -> Result<CardClaims, CardTokenError> {
    unverified_claims(token)
}

/// The claims of any signed payload, without checking who signed it.
pub fn unverified_claims<T: serde::de::DeserializeOwned>(token: &str) -> Result<T, CardTokenError> {
    let mut parts = token.trim().split('.');
    let (Some(_), Some(payload), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(CardTokenError::Malformed);
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| CardTokenError::Malformed)?;
    serde_json::from_slice(&bytes).map_err(|_| CardTokenError::Malformed)
}

fn verify_with<T: serde::de::DeserializeOwned>(
    key: &VerifyingKey,
    token: &str,
) -> Result<T, CardTokenError> {
    let token = token.trim();
    let (signing_input, signature) = token.rsplit_once('.').ok_or(CardTokenError::Malformed)?;
    let sig = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| CardTokenError::Malformed)?;
    let sig = Signature::from_slice(&sig).map_err(|_| CardTokenError::Malformed)?;
    let claims = unverified_claims(token)?;
    key.verify(signing_input.as_bytes(), &sig)
        .map_err(|_| CardTokenError::BadSignature)?;
    Ok(claims)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> PiiKeys {
        PiiKeys::from_hex(&"ab".repeat(32)).unwrap()
    }
    fn claims() -> CardClaims {
        CardClaims {
            hid: "WB-1234-5678-9012".into(),
            tnt: "WB".into(),
            name: "Lakshmi Devi".into(),
            yob: 1992,
            cid: "c1".into(),
            iat: 1,
        }
    }

    #[test]
    fn card_payloads_verify_only_untampered_and_for_their_tenant() {
        let (k, t) = (keys(), TenantId::new());
        let token = k.sign_card(t, &claims());
        assert_eq!(k.verify_card(t, &token).unwrap(), claims());
        assert_eq!(
            k.verify_card(TenantId::new(), &token),
            Err(CardTokenError::BadSignature)
        );
        let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
        let forged = CardClaims {
            yob: 1950,
            ..claims()
        };
        parts[1] = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&forged).unwrap());
        assert_eq!(
            k.verify_card(t, &parts.join(".")),
            Err(CardTokenError::BadSignature)
        );
        assert_eq!(k.verify_card(t, "nonsense"), Err(CardTokenError::Malformed));
    }

    #[test]
    fn national_id_hashes_are_per_tenant_and_stable() {
        let k = keys();
        let n = AadhaarNumber::parse(&format!(
            "23456789012{}",
            arogya_domain::patient::check_digit::verhoeff_digit("23456789012").unwrap()
        ))
        .unwrap();
        let (a, b) = (TenantId::new(), TenantId::new());
        assert_eq!(k.national_id_hash(a, &n), k.national_id_hash(a, &n));
        assert_ne!(k.national_id_hash(a, &n), k.national_id_hash(b, &n));
        assert!(!k.national_id_hash(a, &n).contains(n.digits()));
        assert!(!format!("{k:?}").contains("abab"));
    }

    #[test]
    fn key_versions_keep_old_cards_valid_until_retired_and_rekey_national_ids() {
        let t = TenantId::new();
        let v1 = keys();
        let payload = "23456789012";
        let digit = arogya_domain::patient::check_digit::verhoeff_digit(payload).unwrap();
        let number = AadhaarNumber::parse(&format!("{payload}{digit}")).unwrap();
        let old_card = v1.sign_card(t, &claims());
        let old_hash = v1.national_id_hash(t, &number);
        assert_eq!(v1.current_version(), 1);
        assert!(!old_hash.contains(':'), "version 1 keeps the existing form");

        let v2 = PiiKeys::from_hex(&v1.rotated().to_text()).unwrap();
        assert_eq!(v2.current_version(), 2);
        // Cards: the old one still verifies; new ones carry the new key's id.
        assert_eq!(v2.verify_card(t, &old_card).unwrap(), claims());
        let new_card = v2.sign_card(t, &claims());
        assert_ne!(
            header_of(&new_card).map(|h| h["kid"].clone()),
            header_of(&old_card).map(|h| h["kid"].clone())
        );
        assert_eq!(v2.verify_card(t, &new_card).unwrap(), claims());
        assert_eq!(v2.card_jwks(t)["keys"].as_array().unwrap().len(), 2);
        // National IDs: every version's form is known; a stored v1 hash re-keys to the
        // v2 form without the number.
        let forms = v2.national_id_hashes(t, &number);
        assert_eq!(forms[0], old_hash);
        assert!(forms[1].starts_with("v2:"));
        assert_eq!(
            v2.rekey_national_id(t, &old_hash).as_deref(),
            Some(forms[1].as_str())
        );
        assert_eq!(v2.rekey_national_id(t, &forms[1]), None, "already current");
        assert_eq!(v2.national_id_hash(t, &number), forms[1]);
        // The v1 key alone cannot make the v2 form.
        assert_ne!(v1.national_id_hash(t, &number), forms[1]);

        // Retiring version 1: its cards stop verifying and it is no longer published.
        let retired = PiiKeys::from_hex(&v2.retiring(1).unwrap().to_text()).unwrap();
        assert_eq!(
            retired.verify_card(t, &old_card),
            Err(CardTokenError::BadSignature)
        );
        assert_eq!(retired.verify_card(t, &new_card).unwrap(), claims());
        assert_eq!(retired.card_jwks(t)["keys"].as_array().unwrap().len(), 1);
        assert!(v2.retiring(2).is_err(), "the newest key cannot be retired");
        // The national-ID chain still holds after retiring.
        assert_eq!(retired.national_id_hash(t, &number), forms[1]);
        // Bad key texts are refused.
        assert!(PiiKeys::from_hex("v2 ").is_err());
        assert!(
            PiiKeys::from_hex(&format!("v1 {}\nv3 {}", "ab".repeat(32), "cd".repeat(32))).is_err()
        );
    }
}
