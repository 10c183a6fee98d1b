//! One module per subcommand: argument parsing and wiring, nothing more.

pub mod extract;
