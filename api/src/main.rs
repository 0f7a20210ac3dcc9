//! The `arogya` binary: everything lives in the library, so tests drive the same code.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match arogya_api::cli::run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
