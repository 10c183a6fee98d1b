//! `quotewire extract`: articles as JSON lines in, statement events out.

use std::process::ExitCode;

/// Arguments of `quotewire extract`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// JSON-lines files of articles; `-` is standard input.
    pub files: Vec<std::path::PathBuf>,
}

/// Runs the command.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    Ok(ExitCode::SUCCESS)
}
