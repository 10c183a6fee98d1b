//! The `quotewire` command: a thin entry point over the library.

use clap::{Parser, Subcommand};

mod commands;

/// quotewire: "who said what" statement events from news articles.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the extraction pipeline on JSON-lines articles, no broker needed.
    Extract(commands::extract::Args),
    /// Publish archived articles (JSON lines) into the input exchange.
    Replay(commands::replay::Args),
    /// Run the RabbitMQ worker: articles in, statement events out.
    Run(commands::run::Args),
    /// Serve the REST API (POST /v1/extract) and the inspect page.
    Serve(commands::serve::Args),
    /// Declare the broker topology (exchanges, queues, bindings) and exit.
    Topology(commands::topology::Args),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => commands::extract::run(args),
        Command::Replay(args) => commands::replay::run(args),
        Command::Run(args) => commands::run::run(args),
        Command::Serve(args) => commands::serve::run(args),
        Command::Topology(args) => commands::topology::run(args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("quotewire: error: {error:#}");
            std::process::ExitCode::from(2)
        }
    }
}
