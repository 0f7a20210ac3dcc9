//! The helpline's GraphQL enums, mirrors of the domain's.

use async_graphql::Enum;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::helpline::Channel")]
pub enum TicketChannel {
    Phone,
    Sms,
    Whatsapp,
    Web,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::helpline::Category")]
pub enum TicketCategory {
    Information,
    Appointment,
    Complaint,
    Emergency,
    Teleconsultation,
    Other,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::helpline::Priority")]
pub enum TicketPriority {
    Critical,
    High,
    Normal,
    Low,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::helpline::TicketStatus")]
pub enum TicketStatus {
    New,
    InProgress,
    Escalated,
    Resolved,
    Closed,
}
