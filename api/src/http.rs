//! Plain HTTP endpoints and middleware around the GraphQL API.

pub mod authn;
pub mod cards;
pub mod graphql_http;
pub mod metrics;
pub mod operation_name;
pub mod ops;
