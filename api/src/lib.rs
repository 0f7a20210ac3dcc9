//! Arogya's HTTP and GraphQL edge: configuration, the server, the GraphQL schema,
//! the use cases it calls, and the `arogya` command line.

// The merged GraphQL roots nest one level per module.
#![recursion_limit = "256"]

pub mod app;
pub mod cli;
pub mod config;
pub mod demo;
pub mod demo_awards;
pub mod demo_emr;
pub mod demo_indicators;
pub mod demo_inpatient;
pub mod demo_kb;
pub mod demo_oxygen;
pub mod demo_programmes;
pub mod demo_records;
pub mod demo_samples;
pub mod demo_supply;
pub mod demo_supply_budget;
pub mod demo_surveillance;
pub mod demo_training;
pub mod error;
pub mod error_reasons;
pub mod fhir;
pub mod graphql;
pub mod http;
pub mod print;
pub mod server;
pub mod state;
pub mod telemetry;
