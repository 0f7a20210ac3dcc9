/// The committed SDL must match the code: regenerate with `cargo run --bin arogya -- schema > api/schema.graphql`.
#[test]
fn committed_schema_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../api/schema.graphql");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    let current = arogya_api::graphql::sdl();
    assert!(
        committed == current,
        "api/schema.graphql is stale: run `cargo run --bin arogya -- schema > api/schema.graphql` and commit it"
    );
}
