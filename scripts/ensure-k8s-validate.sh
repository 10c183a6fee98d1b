#!/usr/bin/env bash
# Makes sure the Kubernetes manifest test (tests/k8s_manifests.rs) can run:
# a Python venv in target/k8s-validate with, from PyPI,
#   kubernetes-validate: the Kubernetes API's JSON schemas (shipped inside
#     the package, one set per Kubernetes version, so validation is offline);
#   cloudcoil-models-keda: KEDA's custom resources (ScaledObject,
#     TriggerAuthentication) as models generated from KEDA's CRD schemas,
#     which have no place in the Kubernetes schemas.
# scripts/validate-k8s.py uses both. Quick when the venv is there already;
# nothing outside target/ changes.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/k8s-validate
requirements=("kubernetes-validate==1.37.0" "cloudcoil-models-keda==2.16.1.0")

have() {
    "$venv/bin/python" - "${requirements[@]}" 2>/dev/null <<'PY'
import sys
from importlib.metadata import version
for pin in sys.argv[1:]:
    name, wanted = pin.split("==")
    if version(name) != wanted:
        sys.exit(1)
import kubernetes_validate.utils, cloudcoil.models.keda.v1alpha1  # noqa: F401
PY
}

if ! have; then
    echo "Installing ${requirements[*]} into $venv."
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "${requirements[@]}"
    have || { echo "error: $venv is incomplete after pip install" >&2; exit 1; }
fi
echo "Manifest validation ready: $venv ($("$venv/bin/python" --version))."
