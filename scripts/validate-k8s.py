#!/usr/bin/env python3
"""Validates the Kubernetes manifests in deploy/k8s/, offline.

Run it with the venv of scripts/ensure-k8s-validate.sh:

    target/k8s-validate/bin/python scripts/validate-k8s.py deploy/k8s
    target/k8s-validate/bin/python scripts/validate-k8s.py --print-env deploy/k8s

Every document of every *.yaml file is checked, strictly (an unknown or
misspelt field is an error):

* Kubernetes kinds against the Kubernetes API's JSON schemas that ship
  inside kubernetes-validate, for each version in --kubernetes-versions;
* KEDA's ScaledObject and TriggerAuthentication against JSON schemas of
  cloudcoil-models-keda's models, which are generated from KEDA's CRD
  schemas (the Kubernetes schemas do not know custom resources); any other
  kind is an error.

Then the manifests are checked against each other and against quotewire:
probes on /healthz and /readyz at the port quotewire listens on (on all
interfaces), terminationGracePeriodSeconds above the drain timeout, a
non-root security context, resources, the PodDisruptionBudget and the
ScaledObject pointing at the Deployment's pods, the scaler reading the
queue the workers consume, and every Secret and ConfigMap reference
resolving. The ScaledObject's target per replica must be the per-worker
throughput quoted in README.md ("Performance") times 10 s, rounded down to
a thousand, as its comment derives it.

--print-env prints, as JSON, the environment the Deployment gives the
worker container (ConfigMap and Secret resolved), for tests/k8s_manifests.rs
to load with quotewire's own settings loader. Exit code 0 if everything
passes, 1 otherwise.
"""

import argparse
import copy
import json
import re
import sys
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from kubernetes_validate import utils as kv

KEDA_API = "keda.sh/v1alpha1"
# Seconds of work one replica's share of the backlog stands for.
DRAIN_SECONDS = 10


def keda_schemas():
    """Strict JSON schemas of KEDA's kinds, from cloudcoil's models of the CRDs."""
    from cloudcoil.models.keda import v1alpha1 as keda

    def strict(schema):
        # The models ignore unknown fields; the API server (field validation
        # Strict, kubectl's default) rejects them, and so does this check.
        if isinstance(schema, dict):
            if "properties" in schema and "additionalProperties" not in schema:
                schema["additionalProperties"] = False
            for value in schema.values():
                strict(value)
        elif isinstance(schema, list):
            for value in schema:
                strict(value)
        return schema

    return {
        kind: strict(copy.deepcopy(model.model_json_schema(by_alias=True)))
        for kind, model in {
            "ScaledObject": keda.ScaledObject,
            "TriggerAuthentication": keda.TriggerAuthentication,
        }.items()
    }


def load(directory):
    """(file name, document) for every non-empty document of every *.yaml file."""
    docs = []
    for path in sorted(Path(directory).glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if doc:
                docs.append((path.name, doc))
    return docs


def name_of(doc):
    return f"{doc.get('kind')}/{doc.get('metadata', {}).get('name')}"


def validate_schemas(docs, versions, errors):
    keda = None
    for file, doc in docs:
        kind, api = doc.get("kind"), doc.get("apiVersion")
        if api == KEDA_API and kind in ("ScaledObject", "TriggerAuthentication"):
            keda = keda or keda_schemas()
            problems = sorted(
                Draft202012Validator(keda[kind]).iter_errors(doc), key=lambda e: list(e.path)
            )
            for e in problems:
                path = ".".join(str(p) for p in e.path)
                errors.append(f"{file}: {name_of(doc)} against KEDA's CRD schema: {path}: {e.message}")
            if not problems:
                print(f"ok   {file}: {name_of(doc)} against KEDA's {kind} CRD schema ({KEDA_API}, strict)")
            continue
        for version in versions:
            try:
                checked = kv.validate(doc, version, strict=True)
                print(f"ok   {file}: {name_of(doc)} against Kubernetes {checked} ({api}, strict)")
            except kv.ValidationError as e:
                path = ".".join(str(p) for p in e.path)
                errors.append(f"{file}: {name_of(doc)} against Kubernetes {e.version}: {path}: {e.message}")
            except kv.SchemaNotFoundError as e:
                errors.append(f"{file}: {e.message}: no schema to check it against")
                break


def one(docs, kind, errors):
    found = [doc for _, doc in docs if doc.get("kind") == kind]
    if len(found) != 1:
        errors.append(f"expected exactly one {kind}, found {len(found)}")
        return {}
    return found[0]


def check(what, ok, errors):
    if ok:
        print(f"ok   {what}")
    else:
        errors.append(what)


def readme_throughput(readme):
    """Articles/s of one worker, one message per statement, in README.md's Performance table."""
    section = readme.split("## Performance", 1)[-1]
    match = re.search(r"^\| real, one message per statement \| ([\d,]+) \|", section, re.M)
    return int(match.group(1).replace(",", "")) if match else None


def container_env(deployment, configmaps, secrets, errors):
    """The worker container's environment, with ConfigMap and Secret references resolved."""
    pod = deployment.get("spec", {}).get("template", {}).get("spec", {})
    containers = pod.get("containers", [])
    if not containers:
        errors.append("the Deployment has no container")
        return {}
    env = {}
    for source in containers[0].get("envFrom", []):
        if "configMapRef" in source:
            ref = source["configMapRef"]["name"]
            if ref not in configmaps:
                errors.append(f"envFrom: no ConfigMap {ref}")
            env.update(configmaps.get(ref, {}))
        elif "secretRef" in source:
            ref = source["secretRef"]["name"]
            if ref not in secrets:
                errors.append(f"envFrom: no Secret {ref}")
            env.update(secrets.get(ref, {}))
    for var in containers[0].get("env", []):
        if "value" in var:
            env[var["name"]] = var["value"]
            continue
        ref = var.get("valueFrom", {})
        for key, pool in (("secretKeyRef", secrets), ("configMapKeyRef", configmaps)):
            if key in ref:
                name, item = ref[key]["name"], ref[key]["key"]
                if item not in pool.get(name, {}):
                    errors.append(f"env {var['name']}: no key {item} in {name}")
                else:
                    env[var["name"]] = pool[name][item]
    return env


def consistency(docs, readme, errors):
    deployment = one(docs, "Deployment", errors)
    pdb = one(docs, "PodDisruptionBudget", errors)
    scaled = one(docs, "ScaledObject", errors)
    trigger_auth = one(docs, "TriggerAuthentication", errors)
    configmaps = {d["metadata"]["name"]: d.get("data", {}) for _, d in docs if d.get("kind") == "ConfigMap"}
    secrets = {
        d["metadata"]["name"]: {**d.get("data", {}), **d.get("stringData", {})}
        for _, d in docs
        if d.get("kind") == "Secret"
    }
    env = container_env(deployment, configmaps, secrets, errors)
    pod = deployment.get("spec", {}).get("template", {})
    spec = pod.get("spec", {})
    container = (spec.get("containers") or [{}])[0]
    labels = pod.get("metadata", {}).get("labels", {})

    listen = env.get("QUOTEWIRE__HTTP__LISTEN", "127.0.0.1:9464")
    host, _, port = listen.rpartition(":")
    check(f"quotewire listens on all interfaces of the pod ({listen})", host in ("0.0.0.0", "[::]"), errors)
    ports = {p.get("name"): p.get("containerPort") for p in container.get("ports", [])}
    for probe, path in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")):
        get = container.get(probe, {}).get("httpGet", {})
        target = get.get("port")
        number = ports.get(target, target)
        check(
            f"{probe} is GET {path} on quotewire's port {port} (got {get.get('path')} on {target})",
            get.get("path") == path and str(number) == port,
            errors,
        )
    drain_ms = int(env.get("QUOTEWIRE__WORKER__SHUTDOWN_TIMEOUT_MS", "20000"))
    grace = spec.get("terminationGracePeriodSeconds", 30)
    check(
        f"terminationGracePeriodSeconds ({grace} s) above the drain timeout ({drain_ms / 1000:g} s)",
        grace * 1000 > drain_ms,
        errors,
    )
    pod_sc, sc = spec.get("securityContext", {}), container.get("securityContext", {})
    check(
        "runs as non-root (runAsNonRoot, a non-zero runAsUser), no privilege escalation, "
        "read-only root file system, no capabilities",
        pod_sc.get("runAsNonRoot") is True
        and pod_sc.get("runAsUser", sc.get("runAsUser", 0)) != 0
        and sc.get("allowPrivilegeEscalation") is False
        and sc.get("readOnlyRootFilesystem") is True
        and "ALL" in sc.get("capabilities", {}).get("drop", []),
        errors,
    )
    resources = container.get("resources", {})
    check(
        "CPU and memory requests and a memory limit are set",
        all(k in resources.get("requests", {}) for k in ("cpu", "memory"))
        and "memory" in resources.get("limits", {}),
        errors,
    )
    selector = pdb.get("spec", {}).get("selector", {}).get("matchLabels", {})
    check(
        "the PodDisruptionBudget selects the worker pods",
        bool(selector) and all(labels.get(k) == v for k, v in selector.items()),
        errors,
    )
    spec_so = scaled.get("spec", {})
    check(
        "the ScaledObject scales the Deployment",
        spec_so.get("scaleTargetRef", {}).get("name") == deployment.get("metadata", {}).get("name")
        and spec_so.get("scaleTargetRef", {}).get("kind", "Deployment") == "Deployment",
        errors,
    )
    check(
        "minReplicaCount and maxReplicaCount are set, 1 <= min <= max",
        1 <= spec_so.get("minReplicaCount", 0) <= spec_so.get("maxReplicaCount", 0),
        errors,
    )
    triggers = spec_so.get("triggers", [])
    rabbit = [t for t in triggers if t.get("type") == "rabbitmq"]
    if len(rabbit) != 1:
        errors.append(f"expected one rabbitmq trigger, found {len(rabbit)}")
        return env
    meta = rabbit[0].get("metadata", {})
    queue = env.get("QUOTEWIRE__INPUT__QUEUE", "articles")
    check(
        f"the scaler reads the length of the workers' input queue ({queue})",
        meta.get("queueName") == queue and meta.get("mode") == "QueueLength",
        errors,
    )
    throughput = readme_throughput(readme)
    if throughput is None:
        errors.append("README.md's Performance section has no 'real, one message per statement' row")
    else:
        expected = throughput * DRAIN_SECONDS // 1000 * 1000
        check(
            f"target per replica {meta.get('value')} = {throughput:,} articles/s (README) "
            f"x {DRAIN_SECONDS} s, rounded down to a thousand = {expected}",
            meta.get("value") == str(expected),
            errors,
        )
    auth_name = rabbit[0].get("authenticationRef", {}).get("name")
    check(
        f"the trigger authenticates with the TriggerAuthentication ({auth_name})",
        auth_name == trigger_auth.get("metadata", {}).get("name"),
        errors,
    )
    for target in trigger_auth.get("spec", {}).get("secretTargetRef", []):
        check(
            f"KEDA's {target.get('parameter')} comes from Secret {target.get('name')} key {target.get('key')}",
            target.get("key") in secrets.get(target.get("name"), {}),
            errors,
        )
    return env


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", help="the directory of the manifests (deploy/k8s)")
    parser.add_argument(
        "--kubernetes-versions",
        default="1.29,1.37",
        help="comma-separated Kubernetes versions to validate against (default 1.29,1.37)",
    )
    parser.add_argument("--readme", default=None, help="README.md with the Performance section")
    parser.add_argument("--print-env", action="store_true", help="print the worker's environment as JSON")
    args = parser.parse_args()
    readme_path = Path(args.readme) if args.readme else Path(args.directory).resolve().parents[1] / "README.md"
    docs = load(args.directory)
    errors = []
    if not docs:
        errors.append(f"no manifests in {args.directory}")
    if args.print_env:
        # Quiet: only the JSON on standard output.
        real_stdout, sys.stdout = sys.stdout, open("/dev/null", "w")
        env = consistency(docs, readme_path.read_text(), errors)
        sys.stdout = real_stdout
        print(json.dumps(env, sort_keys=True))
    else:
        validate_schemas(docs, args.kubernetes_versions.split(","), errors)
        consistency(docs, readme_path.read_text(), errors)
        print(f"{len(docs)} manifests in {args.directory}: {len(errors)} error(s)")
    for error in errors:
        print(f"FAIL {error}", file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
