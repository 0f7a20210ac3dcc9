//! Training of the health workforce: sessions held at a facility over one or more days,
//! the professionals nominated to them from the registry, and the attendance register
//! the trainer keeps day by day, often on a phone without a network.

pub mod access;
pub mod attendance;
pub mod session;
