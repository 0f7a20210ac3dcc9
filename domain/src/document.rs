//! Documents kept in object storage (licences, certificates, lab reports, discharge
//! papers): what they are for, which types are accepted, how an upload is checked,
//! and where each object lives. The bytes never enter the database.

use crate::error::{DomainError, DomainResult};
use crate::ids::TenantId;
use uuid::Uuid;

text_enum!(
    /// What a document is for. The first six are the department's usual onboarding
    /// requirements for a private hospital.
    DocumentPurpose, "purpose" {
        ClinicalEstablishmentRegistration => "clinical_establishment_registration",
        FireSafetyNoc => "fire_safety_noc",
        BiomedicalWasteAuthorisation => "biomedical_waste_authorisation",
        PollutionControlConsent => "pollution_control_consent",
        BuildingOccupancyCertificate => "building_occupancy_certificate",
        PanGst => "pan_gst",
        OtherLicence => "other_licence",
        LabReport => "lab_report",
        DischargeSummary => "discharge_summary",
    }
);

impl DocumentPurpose {
    /// Purposes that belong to a hospital's application (the rest to health records).
    pub fn is_onboarding(self) -> bool {
        !matches!(
            self,
            DocumentPurpose::LabReport | DocumentPurpose::DischargeSummary
        )
    }

    /// What a person would call it.
    pub fn label(self) -> &'static str {
        match self {
            DocumentPurpose::ClinicalEstablishmentRegistration => {
                "clinical establishment registration"
            }
            DocumentPurpose::FireSafetyNoc => "fire safety NOC",
            DocumentPurpose::BiomedicalWasteAuthorisation => "biomedical waste authorisation",
            DocumentPurpose::PollutionControlConsent => "pollution control board consent",
            DocumentPurpose::BuildingOccupancyCertificate => "building/occupancy certificate",
            DocumentPurpose::PanGst => "PAN/GST registration",
            DocumentPurpose::OtherLicence => "other licence",
            DocumentPurpose::LabReport => "lab report",
            DocumentPurpose::DischargeSummary => "discharge summary",
        }
    }
}

/// The documents a private hospital must provide unless the tenant says otherwise.
pub const DEFAULT_REQUIRED: [DocumentPurpose; 6] = [
    DocumentPurpose::ClinicalEstablishmentRegistration,
    DocumentPurpose::FireSafetyNoc,
    DocumentPurpose::BiomedicalWasteAuthorisation,
    DocumentPurpose::PollutionControlConsent,
    DocumentPurpose::BuildingOccupancyCertificate,
    DocumentPurpose::PanGst,
];

text_enum!(
    /// A file type the server can recognise by its leading bytes.
    ContentType, "contentType" {
        Pdf => "application/pdf",
        Jpeg => "image/jpeg",
        Png => "image/png",
        Webp => "image/webp",
    }
);

/// Accepted unless the tenant configures otherwise.
pub const DEFAULT_ALLOWED: [ContentType; 3] =
    [ContentType::Pdf, ContentType::Jpeg, ContentType::Png];

/// How many leading bytes [`ContentType::sniff`] needs at most.
pub const SNIFF_BYTES: usize = 16;

impl ContentType {
    /// The file-name extensions that go with this type (lowercase, without the dot).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            ContentType::Pdf => &["pdf"],
            ContentType::Jpeg => &["jpg", "jpeg"],
            ContentType::Png => &["png"],
            ContentType::Webp => &["webp"],
        }
    }

    /// The real type of a file from its first bytes, whatever its name or declared type.
    pub fn sniff(head: &[u8]) -> Option<ContentType> {
        if head.starts_with(b"%PDF-") {
            Some(ContentType::Pdf)
        } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ContentType::Jpeg)
        } else if head.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
            Some(ContentType::Png)
        } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
            Some(ContentType::Webp)
        } else {
            None
        }
    }
}

text_enum!(
    /// Where a document is in its life. `pending` until the upload is confirmed;
    /// `expired` when its slot was never confirmed; `deleted` when its owner no longer
    /// wants it (kept until the retention period ends).
    DocumentStatus, "status" {
        Pending => "pending",
        Available => "available",
        Rejected => "rejected",
        Expired => "expired",
        Deleted => "deleted",
    }
);

/// A file name as the uploader's device called it: kept for display and downloads,
/// never used in storage keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileName(String);

impl FileName {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        let name = raw.trim();
        let err = |m: &str| DomainError::validation("fileName", m.to_owned());
        if name.is_empty() || name.chars().count() > 200 {
            return Err(err("must be 1 to 200 characters"));
        }
        if name
            .chars()
            .any(|c| c.is_control() || matches!(c, '/' | '\\' | '"'))
        {
            return Err(err(
                "must not contain slashes, quotes or control characters",
            ));
        }
        if name == "." || name == ".." {
            return Err(err("is not a file name"));
        }
        Ok(Self(name.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The extension after the last dot, lowercase (`None` when there is none).
    pub fn extension(&self) -> Option<String> {
        extension_of(&self.0)
    }
}

fn extension_of(name: &str) -> Option<String> {
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_lowercase())
}

/// The name a download is offered under: the stored name when its extension fits the
/// file's type, else that name with the type's extension added, so that no document is
/// ever saved on someone's computer as `setup.exe`.
pub fn download_name(name: &str, content_type: ContentType) -> String {
    let fits = extension_of(name).is_some_and(|e| content_type.extensions().contains(&e.as_str()));
    if fits {
        name.to_owned()
    } else {
        format!("{name}.{}", content_type.extensions()[0])
    }
}

/// A SHA-256 digest as 64 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sha256Hex(String);

impl Sha256Hex {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        let hex = raw.trim().to_ascii_lowercase();
        if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(DomainError::validation(
                "sha256",
                "must be the file's SHA-256 as 64 hex digits",
            ));
        }
        Ok(Self(hex))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where a document's bytes live: under its tenant's prefix, named by the document's
/// id alone, so no user input reaches the key and no two tenants share a prefix.
pub fn object_key(tenant: TenantId, document: Uuid) -> String {
    format!("tenants/{tenant}/documents/{document}")
}

/// Where the client uploads a document's bytes. Confirmation moves them to
/// [`object_key`], which no upload URL can write, and checks them there: a client
/// cannot swap the file after it was checked.
pub fn upload_key(tenant: TenantId, document: Uuid) -> String {
    format!("tenants/{tenant}/uploads/{document}")
}

/// Does `key` lie under `tenant`'s prefix?
pub fn key_belongs_to(key: &str, tenant: TenantId) -> bool {
    key.strip_prefix(&format!("tenants/{tenant}/"))
        .is_some_and(|rest| !rest.is_empty() && !rest.split('/').any(|p| p == ".." || p.is_empty()))
}

/// A tenant's rules for documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSettings {
    pub allowed_types: Vec<ContentType>,
    /// What a private hospital must upload before it can submit its application.
    pub required_for_onboarding: Vec<DocumentPurpose>,
}

impl Default for DocumentSettings {
    fn default() -> Self {
        Self {
            allowed_types: DEFAULT_ALLOWED.to_vec(),
            required_for_onboarding: DEFAULT_REQUIRED.to_vec(),
        }
    }
}

impl DocumentSettings {
    /// Settings as an administrator gives them: at least one type; onboarding purposes only.
    pub fn new(
        mut allowed_types: Vec<ContentType>,
        mut required_for_onboarding: Vec<DocumentPurpose>,
    ) -> DomainResult<Self> {
        allowed_types.dedup();
        if allowed_types.is_empty() {
            return Err(DomainError::validation(
                "allowedTypes",
                "allow at least one file type",
            ));
        }
        if let Some(p) = required_for_onboarding.iter().find(|p| !p.is_onboarding()) {
            return Err(DomainError::validation(
                "requiredDocuments",
                format!("{} is not an onboarding document", p.as_str()),
            ));
        }
        let mut seen = Vec::new();
        required_for_onboarding.retain(|p| {
            let new = !seen.contains(p);
            seen.push(*p);
            new
        });
        Ok(Self {
            allowed_types,
            required_for_onboarding,
        })
    }
}

/// What the client declares when it asks for an upload slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadRequest {
    pub purpose: DocumentPurpose,
    pub file_name: FileName,
    pub content_type: ContentType,
    pub size_bytes: u64,
}

impl UploadRequest {
    /// Check the declaration against the tenant's allowed types and the size limit.
    pub fn new(
        purpose: DocumentPurpose,
        file_name: FileName,
        content_type: &str,
        size_bytes: i64,
        settings: &DocumentSettings,
        max_bytes: u64,
    ) -> DomainResult<Self> {
        let content_type = allowed_type(content_type, settings)?;
        let exts = content_type.extensions();
        if !file_name
            .extension()
            .is_some_and(|e| exts.contains(&e.as_str()))
        {
            return Err(DomainError::validation(
                "fileName",
                format!(
                    "must end in .{} for a {} file",
                    exts.join(" or ."),
                    content_type.as_str()
                ),
            ));
        }
        if size_bytes <= 0 {
            return Err(DomainError::validation("sizeBytes", "the file is empty"));
        }
        let size_bytes = size_bytes as u64;
        if size_bytes > max_bytes {
            return Err(DomainError::validation(
                "sizeBytes",
                format!(
                    "the file is larger than the limit of {}",
                    human_size(max_bytes)
                ),
            ));
        }
        Ok(Self {
            purpose,
            file_name,
            content_type,
            size_bytes,
        })
    }
}

fn allowed_type(raw: &str, settings: &DocumentSettings) -> DomainResult<ContentType> {
    let names = || {
        settings
            .allowed_types
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let t = ContentType::parse(raw.trim().to_ascii_lowercase().as_str()).map_err(|_| {
        DomainError::validation(
            "contentType",
            format!("{raw} is not accepted: use one of {}", names()),
        )
    })?;
    if !settings.allowed_types.contains(&t) {
        return Err(DomainError::validation(
            "contentType",
            format!("{raw} is not accepted: use one of {}", names()),
        ));
    }
    Ok(t)
}

/// Sizes for people: `20 MB`, `512 KB`, `300 bytes`.
pub fn human_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB && bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else if bytes >= 1024 {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// What the server found when it read the uploaded object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectFacts {
    pub size: u64,
    pub sha256: String,
    /// The first [`SNIFF_BYTES`] bytes (fewer for a tiny file).
    pub head: Vec<u8>,
    /// The type the whole file parsed as (a PDF parser, an image decoder); `None` when
    /// it is no accepted type all the way through, whatever its first bytes say.
    pub parses_as: Option<ContentType>,
}

/// The outcome of checking an upload: the real type, or why it is refused.
pub fn verify_upload(
    declared: &UploadRequest,
    claimed_sha256: &Sha256Hex,
    found: Option<&ObjectFacts>,
    settings: &DocumentSettings,
) -> Result<ContentType, String> {
    let Some(found) = found else {
        return Err("nothing was uploaded to the slot".into());
    };
    if found.size != declared.size_bytes {
        return Err(format!(
            "the uploaded file has {} bytes, not the {} declared",
            found.size, declared.size_bytes
        ));
    }
    if found.sha256 != claimed_sha256.as_str() {
        return Err("the SHA-256 of the uploaded file does not match".into());
    }
    let Some(real) = ContentType::sniff(&found.head) else {
        return Err("the file is not a PDF, JPEG, PNG or WebP file".into());
    };
    if !settings.allowed_types.contains(&real) {
        return Err(format!("{} files are not accepted", real.as_str()));
    }
    if real != declared.content_type {
        return Err(format!(
            "the file is {}, not {} as declared",
            real.as_str(),
            declared.content_type.as_str()
        ));
    }
    if found.parses_as != Some(real) {
        return Err(format!(
            "the file begins like {} but is not one all the way through: it is damaged, or something else is inside",
            real.as_str()
        ));
    }
    Ok(real)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj";
    const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    fn request(t: &str, size: i64) -> DomainResult<UploadRequest> {
        UploadRequest::new(
            DocumentPurpose::FireSafetyNoc,
            FileName::parse("noc.pdf").unwrap(),
            t,
            size,
            &DocumentSettings::default(),
            20 * 1024 * 1024,
        )
    }

    #[test]
    fn types_are_recognised_by_their_leading_bytes() {
        assert_eq!(ContentType::sniff(PDF), Some(ContentType::Pdf));
        assert_eq!(ContentType::sniff(PNG), Some(ContentType::Png));
        assert_eq!(
            ContentType::sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 16]),
            Some(ContentType::Jpeg)
        );
        assert_eq!(
            ContentType::sniff(b"RIFF\x10\0\0\0WEBPVP8 "),
            Some(ContentType::Webp)
        );
        assert_eq!(
            ContentType::sniff(b"MZ\x90\0"),
            None,
            "a Windows executable"
        );
        assert_eq!(ContentType::sniff(b"<html>"), None);
        assert_eq!(ContentType::sniff(b""), None);
    }

    #[test]
    fn declarations_are_checked_against_settings_and_limit() {
        assert!(request("application/pdf", 1000).is_ok());
        assert!(request("APPLICATION/PDF", 1000).is_ok());
        let e = request("image/webp", 1000).unwrap_err();
        assert!(e.to_string().contains("use one of"), "{e}");
        assert!(request("text/html", 1000).is_err());
        assert!(request("application/pdf", 0).is_err());
        let e = request("application/pdf", 20 * 1024 * 1024 + 1).unwrap_err();
        assert!(e.to_string().contains("20 MB"), "{e}");
    }

    #[test]
    fn uploads_must_match_size_hash_and_real_type() {
        let declared = request("application/pdf", PDF.len() as i64).unwrap();
        let sha = Sha256Hex::parse(&"ab".repeat(32)).unwrap();
        let facts = ObjectFacts {
            size: PDF.len() as u64,
            sha256: "ab".repeat(32),
            head: PDF[..SNIFF_BYTES].to_vec(),
            parses_as: Some(ContentType::Pdf),
        };
        let s = DocumentSettings::default();
        assert_eq!(
            verify_upload(&declared, &sha, Some(&facts), &s),
            Ok(ContentType::Pdf)
        );
        assert!(verify_upload(&declared, &sha, None, &s).is_err());
        let short = ObjectFacts {
            size: 3,
            ..facts.clone()
        };
        assert!(verify_upload(&declared, &sha, Some(&short), &s)
            .unwrap_err()
            .contains("bytes"));
        let other_sha = Sha256Hex::parse(&"cd".repeat(32)).unwrap();
        assert!(verify_upload(&declared, &other_sha, Some(&facts), &s)
            .unwrap_err()
            .contains("SHA-256"));
        let png = ObjectFacts {
            head: PNG.to_vec(),
            ..facts.clone()
        };
        assert!(verify_upload(&declared, &sha, Some(&png), &s)
            .unwrap_err()
            .contains("not application/pdf"));
        let exe = ObjectFacts {
            head: b"MZ\x90\0\x03\0\0\0".to_vec(),
            ..facts.clone()
        };
        assert!(verify_upload(&declared, &sha, Some(&exe), &s).is_err());
        // `%PDF-` and then anything else: the parser did not accept it.
        let disguised = ObjectFacts {
            parses_as: None,
            ..facts
        };
        assert!(verify_upload(&declared, &sha, Some(&disguised), &s)
            .unwrap_err()
            .contains("all the way through"));
    }

    #[test]
    fn names_must_fit_the_type_and_downloads_never_keep_a_wrong_extension() {
        let named = |name: &str, t: &str| {
            UploadRequest::new(
                DocumentPurpose::FireSafetyNoc,
                FileName::parse(name).unwrap(),
                t,
                1000,
                &DocumentSettings::default(),
                20 * 1024 * 1024,
            )
        };
        assert!(named("NOC.PDF", "application/pdf").is_ok());
        assert!(named("photo.jpeg", "image/jpeg").is_ok());
        assert!(named("photo.JPG", "image/jpeg").is_ok());
        for (name, t) in [
            ("setup.exe", "application/pdf"),
            ("noc", "application/pdf"),
            (".pdf", "application/pdf"),
            ("scan.pdf", "image/png"),
            ("noc.pdf.exe", "application/pdf"),
        ] {
            let e = named(name, t).unwrap_err().to_string();
            assert!(e.contains("must end in"), "{name} as {t}: {e}");
        }
        assert_eq!(download_name("noc.pdf", ContentType::Pdf), "noc.pdf");
        assert_eq!(
            download_name("setup.exe", ContentType::Pdf),
            "setup.exe.pdf"
        );
        assert_eq!(download_name("scan.JPG", ContentType::Jpeg), "scan.JPG");
        assert_eq!(download_name("scan", ContentType::Png), "scan.png");
    }

    #[test]
    fn file_names_and_digests_are_validated() {
        assert!(FileName::parse("Fire NOC 2026.pdf").is_ok());
        assert!(FileName::parse("অগ্নি নির্বাপণ.pdf").is_ok());
        for bad in ["", "  ", "../etc/passwd", "a\\b", "a\"b", "x\ny", ".."] {
            assert!(FileName::parse(bad).is_err(), "{bad:?}");
        }
        assert!(Sha256Hex::parse(&"A".repeat(64)).is_ok());
        assert!(Sha256Hex::parse("abc").is_err());
        assert!(Sha256Hex::parse(&"g".repeat(64)).is_err());
    }

    #[test]
    fn keys_are_namespaced_by_tenant() {
        let (a, b) = (TenantId::new(), TenantId::new());
        let key = object_key(a, Uuid::now_v7());
        assert!(key.starts_with(&format!("tenants/{a}/documents/")));
        assert!(key_belongs_to(&key, a));
        let staging = upload_key(a, Uuid::now_v7());
        assert!(
            staging.starts_with(&format!("tenants/{a}/uploads/")) && key_belongs_to(&staging, a)
        );
        assert!(!key_belongs_to(&key, b));
        assert!(!key_belongs_to(&format!("tenants/{a}/../{b}/x"), a));
        assert!(!key_belongs_to(&format!("tenants/{a}/"), a));
    }

    #[test]
    fn settings_need_a_type_and_onboarding_purposes() {
        assert!(DocumentSettings::new(vec![], vec![]).is_err());
        assert!(
            DocumentSettings::new(vec![ContentType::Pdf], vec![DocumentPurpose::LabReport])
                .is_err()
        );
        let s = DocumentSettings::new(
            vec![ContentType::Pdf],
            vec![DocumentPurpose::PanGst, DocumentPurpose::PanGst],
        )
        .unwrap();
        assert_eq!(s.required_for_onboarding, vec![DocumentPurpose::PanGst]);
    }
}
