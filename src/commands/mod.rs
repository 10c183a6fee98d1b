//! One module per subcommand: argument parsing and wiring, nothing more.

pub mod extract;
pub mod replay;
pub mod run;
pub mod serve;
pub mod topology;

/// The `--config FILE` option shared by the broker commands.
#[derive(clap::Args, Debug)]
pub struct ConfigArgs {
    /// TOML file layered over the built-in defaults; environment variables
    /// `QUOTEWIRE__SECTION__KEY` override both.
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<std::path::PathBuf>,
}

impl ConfigArgs {
    /// Loads and validates the settings.
    pub fn load(&self) -> anyhow::Result<quotewire::settings::Settings> {
        use anyhow::Context;
        quotewire::settings::Settings::load(self.config.as_deref()).context("invalid configuration")
    }
}
