//! The patient index's GraphQL enums, mirrors of the domain's.

#[allow(unused_imports)]
use super::*;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::patient::details::PatientSex")]
pub enum PatientSex {
    Male,
    Female,
    Other,
    Unknown,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::patient::details::Relation")]
pub enum Relation {
    Father,
    Mother,
    Spouse,
    Son,
    Daughter,
    Sibling,
    Guardian,
    Other,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::patient::card::CardStatus")]
pub enum CardStatus {
    Active,
    Replaced,
    Revoked,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::patient::card::DeliveryStatus")]
pub enum CardDelivery {
    Pending,
    Printed,
    Delivered,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::patient::card::ReissueReason")]
pub enum ReissueReason {
    Lost,
    Damaged,
    DetailsChanged,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::patient::matching::MatchReason")]
pub enum MatchReason {
    SameNationalId,
    SamePhone,
    SimilarNameAndAge,
}
