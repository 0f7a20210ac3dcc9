//! Training: sessions, their nominees, and the attendance register's versioned cells.

pub mod attendance;
pub mod nominees;
pub mod sessions;
