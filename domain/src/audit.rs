//! What the audit trail records. Every mutation writes one entry in its own transaction.

use crate::access::Principal;
use crate::error::{DomainError, DomainResult};
use uuid::Uuid;

/// Who did it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    User(Uuid),
    PlatformAdmin(Uuid),
    /// The command line or a background task.
    System,
    /// Someone not (yet) authenticated, e.g. a failed login.
    Anonymous,
}

impl Actor {
    pub fn kind(&self) -> &'static str {
        match self {
            Actor::User(_) => "user",
            Actor::PlatformAdmin(_) => "platform_admin",
            Actor::System => "system",
            Actor::Anonymous => "anonymous",
        }
    }
    /// The tenant user acting, if it is one (records that name their author by user).
    pub fn user(&self) -> Option<Uuid> {
        match self {
            Actor::User(id) => Some(*id),
            _ => None,
        }
    }
    pub fn id(&self) -> Option<Uuid> {
        match self {
            Actor::User(id) | Actor::PlatformAdmin(id) => Some(*id),
            Actor::System | Actor::Anonymous => None,
        }
    }
}

impl From<&Principal> for Actor {
    fn from(p: &Principal) -> Self {
        match p {
            Principal::PlatformAdmin { id } => Actor::PlatformAdmin(id.0),
            Principal::Staff { id, .. } => Actor::User(id.0),
        }
    }
}

/// The actions recorded. The string forms are stable: reports and filters use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    TenantCreate,
    TenantSuspend,
    TenantRestore,
    TenantReactivate,
    UserCreate,
    UserUpdate,
    UserPasswordReset,
    UserPasswordChange,
    RoleGrant,
    RoleRevoke,
    Login,
    LoginFailed,
    TokenRefresh,
    RefreshTokenReuse,
    Logout,
    UnitCreate,
    UnitUpdate,
    FacilityCreate,
    FacilityUpdate,
    ProfessionalCreate,
    ProfessionalUpdate,
    ProfessionalVerify,
    ProfessionalReject,
    ProfessionalResubmit,
    ProfessionalAttach,
    ProfessionalDetach,
    ProfessionalLinkUser,
    PatientRegister,
    PatientRead,
    PatientUpdate,
    PatientSearch,
    PatientMerge,
    PatientUnmerge,
    CardIssue,
    CardReissue,
    CardRevoke,
    CardDelivery,
    CardPrint,
    HouseholdCreate,
    SurveyImport,
    RecordCreate,
    RecordCorrect,
    RecordEnteredInError,
    BreakGlassReview,
    DocumentUploadSlot,
    DocumentConfirm,
    DocumentDownload,
    DocumentDelete,
    DocumentExpire,
    DocumentSettingsUpdate,
    SignupStart,
    SignupVerify,
    EmailCodeSend,
    EmailVerify,
    ApplicationCreate,
    ApplicationSave,
    ApplicationSubmit,
    ApplicationRequestChanges,
    ApplicationApprove,
    ApplicationReject,
    ApplicationWithdraw,
    TicketCreate,
    TicketTransition,
    TicketNote,
    TicketTransfer,
    TicketTeleconsultation,
    DispatchCreate,
    DispatchUpdate,
    KbArticleCreate,
    KbArticleUpdate,
    HelplineSlaUpdate,
    ScheduleChange,
    AppointmentBook,
    AppointmentCancel,
    AppointmentReschedule,
    WardSetup,
    BedStatusChange,
    Admit,
    Transfer,
    BedReservation,
    Discharge,
    IdentifyAdmission,
    ConditionRecord,
    AttendantChange,
    InpatientRead,
    FamilyCodeRequest,
    FamilyStatusView,
    OxygenSetup,
    OxygenEntry,
    OxygenCorrect,
    OxygenAlert,
    OxygenDelivery,
    EquipmentChange,
    SupplySetup,
    StockMovement,
    IndentChange,
    /// A machine client created, its secret rotated, or revoked.
    ApiClientChange,
    /// A machine client's token issued (OAuth 2.0 `client_credentials`).
    ClientToken,
    /// A case of a notifiable disease raised, reported, confirmed or changed.
    SurveillanceCase,
    /// A notifiable condition's definition changed.
    SurveillanceSetup,
    /// A line list with names read by a surveillance officer.
    SurveillanceLineList,
    /// A surveillance alert verified as a true or a false signal.
    SurveillanceAlert,
    /// A DHIS2 export of a week's counts.
    SurveillanceExport,
    /// An outbreak investigation's entry added or its status changed.
    SurveillanceInvestigation,
    /// A training scheduled, its trainees nominated, or its status changed.
    TrainingChange,
    /// Marks made in a training's attendance register.
    TrainingAttendance,
    /// The EMR roll-out's deadline set, or facilities' readiness changed in bulk.
    EmrRollout,
    /// A hospital scorecard saved (a new one or a new version).
    ScorecardSave,
    /// An award round's ranking frozen.
    AwardFreeze,
    /// An award round's decision and winners recorded.
    AwardDecide,
    /// An award certificate printed.
    AwardCertificate,
    /// A recipient of the monthly indicators report added or removed.
    ReportRecipients,
    /// The records behind an indicator looked at (the patients shown are named).
    IndicatorRows,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::TenantCreate => "tenant.create",
            AuditAction::TenantSuspend => "tenant.suspend",
            AuditAction::TenantRestore => "tenant.restore",
            AuditAction::TenantReactivate => "tenant.reactivate",
            AuditAction::UserCreate => "user.create",
            AuditAction::UserUpdate => "user.update",
            AuditAction::UserPasswordReset => "user.password_reset",
            AuditAction::UserPasswordChange => "user.password_change",
            AuditAction::RoleGrant => "user.role_grant",
            AuditAction::RoleRevoke => "user.role_revoke",
            AuditAction::Login => "auth.login",
            AuditAction::LoginFailed => "auth.login_failed",
            AuditAction::ApiClientChange => "api_client.change",
            AuditAction::ClientToken => "auth.client_token",
            AuditAction::SurveillanceCase => "surveillance.case",
            AuditAction::SurveillanceSetup => "surveillance.setup",
            AuditAction::SurveillanceLineList => "surveillance.line_list",
            AuditAction::SurveillanceAlert => "surveillance.alert",
            AuditAction::SurveillanceExport => "surveillance.export",
            AuditAction::SurveillanceInvestigation => "surveillance.investigation",
            AuditAction::TrainingChange => "training.change",
            AuditAction::TrainingAttendance => "training.attendance",
            AuditAction::EmrRollout => "emr.rollout",
            AuditAction::ScorecardSave => "scorecard.save",
            AuditAction::AwardFreeze => "award.freeze",
            AuditAction::AwardDecide => "award.decide",
            AuditAction::AwardCertificate => "award.certificate",
            AuditAction::ReportRecipients => "report.recipients",
            AuditAction::IndicatorRows => "indicator.rows",
            AuditAction::TokenRefresh => "auth.refresh",
            AuditAction::RefreshTokenReuse => "auth.refresh_token_reuse",
            AuditAction::Logout => "auth.logout",
            AuditAction::UnitCreate => "unit.create",
            AuditAction::UnitUpdate => "unit.update",
            AuditAction::FacilityCreate => "facility.create",
            AuditAction::FacilityUpdate => "facility.update",
            AuditAction::ProfessionalCreate => "professional.create",
            AuditAction::ProfessionalUpdate => "professional.update",
            AuditAction::ProfessionalVerify => "professional.verify",
            AuditAction::ProfessionalReject => "professional.reject",
            AuditAction::ProfessionalResubmit => "professional.resubmit",
            AuditAction::ProfessionalAttach => "professional.attach",
            AuditAction::ProfessionalDetach => "professional.detach",
            AuditAction::ProfessionalLinkUser => "professional.link_user",
            AuditAction::PatientRegister => "patient.register",
            AuditAction::PatientRead => "patient.read",
            AuditAction::PatientUpdate => "patient.update",
            AuditAction::PatientSearch => "patient.search",
            AuditAction::PatientMerge => "patient.merge",
            AuditAction::PatientUnmerge => "patient.unmerge",
            AuditAction::CardIssue => "card.issue",
            AuditAction::CardReissue => "card.reissue",
            AuditAction::CardRevoke => "card.revoke",
            AuditAction::CardDelivery => "card.delivery",
            AuditAction::CardPrint => "card.print",
            AuditAction::HouseholdCreate => "household.create",
            AuditAction::SurveyImport => "survey.import",
            AuditAction::RecordCreate => "record.create",
            AuditAction::RecordCorrect => "record.correct",
            AuditAction::RecordEnteredInError => "record.entered_in_error",
            AuditAction::BreakGlassReview => "record.break_glass_review",
            AuditAction::DocumentUploadSlot => "document.upload_slot",
            AuditAction::DocumentConfirm => "document.confirm",
            AuditAction::DocumentDownload => "document.download",
            AuditAction::DocumentDelete => "document.delete",
            AuditAction::DocumentExpire => "document.expire",
            AuditAction::DocumentSettingsUpdate => "document.settings_update",
            AuditAction::SignupStart => "onboarding.signup_start",
            AuditAction::SignupVerify => "onboarding.signup_verify",
            AuditAction::EmailCodeSend => "onboarding.email_code_send",
            AuditAction::EmailVerify => "onboarding.email_verify",
            AuditAction::ApplicationCreate => "application.create",
            AuditAction::ApplicationSave => "application.save_step",
            AuditAction::ApplicationSubmit => "application.submit",
            AuditAction::ApplicationRequestChanges => "application.request_changes",
            AuditAction::ApplicationApprove => "application.approve",
            AuditAction::ApplicationReject => "application.reject",
            AuditAction::ApplicationWithdraw => "application.withdraw",
            AuditAction::TicketCreate => "ticket.create",
            AuditAction::TicketTransition => "ticket.transition",
            AuditAction::TicketNote => "ticket.note",
            AuditAction::TicketTransfer => "ticket.transfer",
            AuditAction::TicketTeleconsultation => "ticket.teleconsultation",
            AuditAction::DispatchCreate => "dispatch.create",
            AuditAction::DispatchUpdate => "dispatch.update",
            AuditAction::KbArticleCreate => "kb.create",
            AuditAction::KbArticleUpdate => "kb.update",
            AuditAction::HelplineSlaUpdate => "helpline.sla_update",
            AuditAction::ScheduleChange => "schedule.change",
            AuditAction::AppointmentBook => "appointment.book",
            AuditAction::AppointmentCancel => "appointment.cancel",
            AuditAction::AppointmentReschedule => "appointment.reschedule",
            AuditAction::WardSetup => "inpatient.ward_setup",
            AuditAction::BedStatusChange => "inpatient.bed_status",
            AuditAction::Admit => "inpatient.admit",
            AuditAction::Transfer => "inpatient.transfer",
            AuditAction::BedReservation => "inpatient.bed_reservation",
            AuditAction::Discharge => "inpatient.discharge",
            AuditAction::IdentifyAdmission => "inpatient.identify",
            AuditAction::ConditionRecord => "inpatient.condition",
            AuditAction::AttendantChange => "inpatient.attendant",
            AuditAction::InpatientRead => "inpatient.read",
            AuditAction::FamilyCodeRequest => "inpatient.family_code",
            AuditAction::FamilyStatusView => "inpatient.family_view",
            AuditAction::OxygenSetup => "oxygen.setup",
            AuditAction::OxygenEntry => "oxygen.entry",
            AuditAction::OxygenCorrect => "oxygen.correct",
            AuditAction::OxygenAlert => "oxygen.alert",
            AuditAction::OxygenDelivery => "oxygen.delivery",
            AuditAction::EquipmentChange => "equipment.change",
            AuditAction::SupplySetup => "supply.setup",
            AuditAction::StockMovement => "supply.stock",
            AuditAction::IndentChange => "supply.indent",
        }
    }
}

/// Why an administrator took a weighty step (suspending a tenant, verifying a
/// professional): 5 to 500 characters, kept in the audit trail.
pub fn reason(raw: &str) -> DomainResult<String> {
    let t = raw.trim();
    let n = t.chars().count();
    if !(5..=500).contains(&n) || t.chars().any(|c| c.is_control() && c != '\n') {
        return Err(DomainError::validation(
            "reason",
            "give the reason in 5 to 500 characters",
        ));
    }
    Ok(t.to_owned())
}
