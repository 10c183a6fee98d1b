//! `rabbitmqctl`: listing and closing broker connections by the name their
//! client gave them, leaving everybody else's alone.

use crate::{Error, Result};
use std::process::{Command, Stdio};

/// Runs `rabbitmqctl ARGS`; its standard output, or an error with its
/// output.
pub fn rabbitmqctl(args: &[&str]) -> Result<String> {
    let out = Command::new("rabbitmqctl")
        .args(args)
        .output()
        .map_err(|e| {
            Error::Failed(format!(
                "cannot run rabbitmqctl (is it installed and on the PATH?): {e}"
            ))
        })?;
    if !out.status.success() {
        return Err(Error::Failed(format!(
            "rabbitmqctl {} failed: {}{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The broker's connections: `(client-given name or "(unnamed)", pid)`.
pub fn list_connections() -> Result<Vec<(String, String)>> {
    let listing = rabbitmqctl(&[
        "list_connections",
        "-q",
        "--no-table-headers",
        "pid",
        "client_properties",
    ])?;
    Ok(parse_connections(&listing))
}

fn parse_connections(listing: &str) -> Vec<(String, String)> {
    listing
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (pid, props) = l.split_once('\t').unwrap_or((l, ""));
            // rabbitmqctl 3.10 prints `{"connection_name","NAME"}`.
            let name = props
                .split("{\"connection_name\",\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .unwrap_or("(unnamed)")
                .to_string();
            (name, pid.to_string())
        })
        .collect()
}

/// How many of the broker's connections have a name starting with
/// `prefix`.
pub fn count_connections_named(prefix: &str) -> Result<usize> {
    Ok(list_connections()?
        .iter()
        .filter(|(name, _)| name.starts_with(prefix))
        .count())
}

/// Closes the connections whose name starts with `prefix`, and no other,
/// all at once (one `rabbitmqctl close_connection` each, in parallel),
/// giving `reason` (the clients see it in the close frame). Returns how
/// many it closed; one that closed on its own meanwhile is not counted and
/// not an error.
pub fn close_connections_named(prefix: &str, reason: &str) -> Result<usize> {
    let mut children = Vec::new();
    for (name, pid) in list_connections()? {
        if name.starts_with(prefix) {
            children.push(
                Command::new("rabbitmqctl")
                    .args(["close_connection", &pid, reason])
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()?,
            );
        }
    }
    let mut closed = 0;
    for mut child in children {
        if child.wait()?.success() {
            closed += 1;
        }
    }
    Ok(closed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_names_come_from_client_properties() {
        let listing = "<rabbit@h.1.2.3>\t[{\"product\",\"lapin\"},{\"connection_name\",\"qwtest.kill.1.consume\"}]\n\
                       <rabbit@h.1.2.4>\t[{\"product\",\"other\"}]\n\n";
        assert_eq!(
            parse_connections(listing),
            vec![
                (
                    "qwtest.kill.1.consume".to_string(),
                    "<rabbit@h.1.2.3>".to_string()
                ),
                ("(unnamed)".to_string(), "<rabbit@h.1.2.4>".to_string()),
            ]
        );
    }
}
