//! The Kubernetes manifests in `deploy/k8s/`, validated offline by
//! `scripts/validate-k8s.py` (Kubernetes' own JSON schemas from
//! kubernetes-validate, KEDA's CRD schemas from cloudcoil-models-keda,
//! strict, plus the checks between manifests), and the environment the
//! Deployment gives the worker loaded by quotewire's own settings loader.
//!
//! Needs the venv `target/k8s-validate` that `scripts/ensure-k8s-validate.sh`
//! installs (the test command, `scripts/test.sh`, runs it); fails, never
//! skips, without it.

use quotewire::settings::{QueueType, Settings};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `scripts/validate-k8s.py ARGS` with the venv's Python.
fn validate(args: &[&str]) -> Output {
    let python: PathBuf = repo().join("target/k8s-validate/bin/python");
    assert!(
        python.is_file(),
        "{} is missing: run scripts/ensure-k8s-validate.sh (scripts/test.sh does)",
        python.display()
    );
    Command::new(python)
        .arg(repo().join("scripts/validate-k8s.py"))
        .args(args)
        .current_dir(repo())
        .output()
        .expect("run scripts/validate-k8s.py")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_manifests_validate_against_the_kubernetes_and_keda_schemas() {
    let out = validate(&["deploy/k8s"]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    println!("{stdout}{stderr}");
    assert!(out.status.success(), "{stdout}{stderr}");
    for kind in [
        "ConfigMap/quotewire-config",
        "Secret/quotewire-amqp",
        "Deployment/quotewire-worker",
        "PodDisruptionBudget/quotewire-worker",
    ] {
        for version in ["1.29", "1.37"] {
            let line = format!("{kind} against Kubernetes {version}");
            assert!(stdout.contains(&line), "no `{line}` in:\n{stdout}");
        }
    }
    for line in [
        "ScaledObject/quotewire-worker against KEDA's ScaledObject CRD schema",
        "TriggerAuthentication/quotewire-rabbitmq against KEDA's TriggerAuthentication CRD schema",
        "6 manifests in deploy/k8s: 0 error(s)",
    ] {
        assert!(stdout.contains(line), "no `{line}` in:\n{stdout}");
    }
}

#[test]
fn misspelt_fields_and_inconsistent_manifests_fail() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(repo().join("deploy/k8s")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let edit = |file: &str, from: &str, to: &str| {
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has no `{from}`");
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    };
    edit("configmap.yaml", "\"20000\"", "\"40000\"");
    edit(
        "deployment.yaml",
        "runAsNonRoot: true",
        "runAsNonroot: true",
    );
    edit("scaledobject.yaml", "minReplicaCount: 1", "minReplicas: 1");
    edit("triggerauthentication.yaml", "key: keda-host", "key: host");
    let out = validate(&[
        dir.path().to_str().unwrap(),
        "--readme",
        repo().join("README.md").to_str().unwrap(),
    ]);
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    for expected in [
        "'runAsNonroot' was unexpected",
        "'minReplicas' was unexpected",
        "terminationGracePeriodSeconds (30 s) above the drain timeout (40 s)",
        "KEDA's host comes from Secret quotewire-amqp key host",
    ] {
        assert!(stderr.contains(expected), "no `{expected}` in:\n{stderr}");
    }
}

#[test]
fn the_deployment_environment_is_valid_quotewire_settings() {
    let out = validate(&["--print-env", "deploy/k8s"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let env: HashMap<String, String> =
        serde_json::from_slice(&out.stdout).expect("a JSON object of strings");
    let settings = Settings::load_from(None, Some(env)).expect("valid quotewire settings");
    assert_eq!(settings.amqp.url.as_slice().len(), 3, "one URL per node");
    assert_eq!(
        settings.http.listen_addr().unwrap().to_string(),
        "0.0.0.0:9464"
    );
    assert_eq!(settings.input.queue, "articles");
    assert_eq!(settings.input.queue_type, QueueType::Quorum);
    assert_eq!(settings.output.queue_type, QueueType::Quorum);
    assert_eq!(settings.dead_letter.queue_type, QueueType::Quorum);
}
