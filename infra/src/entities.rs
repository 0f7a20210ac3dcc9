//! sea-orm entities, one file per table. Only infra sees these; the API gets domain
//! types or plain records from the repositories.

pub mod admin_unit;
pub mod agent_presence;
pub mod application_event;
pub mod appointment;
pub mod audit_event;
pub mod clinic_session;
pub mod clinical_entry;
pub mod clinical_entry_version;
pub mod document;
pub mod document_settings;
pub mod emergency_dispatch;
pub mod facility;
pub mod helpline_sla;
pub mod helpline_ticket;
pub mod hospital_application;
pub mod hospital_signup;
pub mod household;
pub mod idempotency_key;
pub mod kb_article;
pub mod notification;
pub mod otp_code;
pub mod patient;
pub mod patient_card;
pub mod platform_admin;
pub mod professional;
pub mod professional_facility;
pub mod professional_registration;
pub mod record_access;
pub mod refresh_token;
pub mod role_assignment;
pub mod schedule_exception;
pub mod tenant;
pub mod ticket_event;
pub mod user;
