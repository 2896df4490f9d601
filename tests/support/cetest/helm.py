"""The Helm chart rendered and linted offline (helm-python-sdk: Helm's Go SDK, no binary).

``render`` returns every manifest as parsed data with the template it came from;
``validate_builtin`` checks one against Kubernetes' own OpenAPI schemas (kubernetes-validate,
strict: unknown fields fail); ``parse_keda`` parses a KEDA object with cloudcoil's models and
refuses any field the model does not know (the models themselves ignore extra fields).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import helm_python
import kubernetes_validate  # type: ignore[import-untyped]
import yaml  # type: ignore[import-untyped]
from cloudcoil.models.keda import v1alpha1 as keda
from cloudcoil.models.prometheus_operator import v1 as monitoring
from cloudcoil.resources import Resource

REPO = Path(__file__).resolve().parents[3]
CHART = REPO / "deploy" / "helm" / "cypheredge"
RELEASE = "ce"
NAMESPACE = "cypheredge"
FULLNAME = f"{RELEASE}-cypheredge"
# The Kubernetes versions manifests are validated at: a current one and the newest shipped.
KUBE_VERSIONS = ("1.33", str(kubernetes_validate.utils.latest_version()))
KEDA_KINDS: dict[str, type[Resource]] = {
    "ScaledObject": keda.ScaledObject,
    "ScaledJob": keda.ScaledJob,
    "TriggerAuthentication": keda.TriggerAuthentication,
}
MONITORING_MODELS: dict[str, type[Resource]] = {
    "ServiceMonitor": monitoring.ServiceMonitor,
    "PrometheusRule": monitoring.PrometheusRule,
}
MONITORING_KINDS = set(MONITORING_MODELS)


@dataclass(frozen=True)
class Manifest:
    template: str
    body: dict[str, Any]

    @property
    def kind(self) -> str:
        return str(self.body["kind"])

    @property
    def name(self) -> str:
        return str(self.body["metadata"]["name"])


def render(values: dict[str, Any] | None = None, chart: Path = CHART) -> list[Manifest]:
    """Every object the chart renders with ``values`` (hooks included), in template order."""
    with helm_python.Chart.load(chart) as loaded:
        out = loaded.render(values=values, name=RELEASE, namespace=NAMESPACE, is_install=True)
    found = []
    for template, text in sorted(out.items()):
        if template.endswith("NOTES.txt"):
            continue
        for doc in yaml.safe_load_all(text):
            if doc:
                found.append(Manifest(template, doc))
    return found


def notes(values: dict[str, Any] | None = None) -> str:
    with helm_python.Chart.load(CHART) as loaded:
        out = loaded.render(values=values, name=RELEASE, namespace=NAMESPACE, is_install=True)
    return next(text for template, text in out.items() if template.endswith("NOTES.txt"))


def lint(values: dict[str, Any] | None = None, chart: Path = CHART) -> dict[str, Any]:
    """``helm lint --strict`` at Kubernetes 1.33."""
    report: dict[str, Any] = helm_python.lint(
        chart, values, strict=True, namespace=NAMESPACE, kube_version="v1.33.0"
    )
    return report


def lint_problems(report: dict[str, Any]) -> list[str]:
    """Lint findings of warning severity or worse, and errors."""
    found = [str(m["error"]) for m in report["messages"] if int(m["severity"]) >= 2]
    return found + [str(e) for e in report["errors"]]


def of_kind(manifests: list[Manifest], kind: str) -> dict[str, dict[str, Any]]:
    """The manifests of one kind by name (a duplicate name fails)."""
    found: dict[str, dict[str, Any]] = {}
    for manifest in manifests:
        if manifest.kind == kind:
            assert manifest.name not in found, f"two {kind}s named {manifest.name}"
            found[manifest.name] = manifest.body
    return found


def validate_builtin(body: dict[str, Any], version: str) -> None:
    """Raise unless ``body`` is a valid object of a built-in kind at ``version`` (strict)."""
    kubernetes_validate.validate(body, version, strict=True)


def parse_keda(body: dict[str, Any]) -> Resource:
    """The KEDA object parsed by cloudcoil's model; a field the model drops fails."""
    return _parse(body, KEDA_KINDS[body["kind"]])


def parse_monitoring(body: dict[str, Any]) -> Resource:
    """A Prometheus Operator object (ServiceMonitor, PrometheusRule) parsed by cloudcoil's
    model of the operator's CRDs; a field the model drops fails."""
    return _parse(body, MONITORING_MODELS[body["kind"]])


def _parse(body: dict[str, Any], model: type[Resource]) -> Resource:
    parsed = model.model_validate(body)
    again = parsed.model_dump(mode="json", by_alias=True, exclude_none=True)
    lost = _lost(body, again)
    assert not lost, f"{body['kind']} {body['metadata']['name']}: unknown fields {lost}"
    return parsed


def _lost(given: Any, kept: Any, path: str = "") -> list[str]:
    if isinstance(given, dict):
        if not isinstance(kept, dict):
            return [path or "."]
        out = []
        for key, value in given.items():
            where = f"{path}.{key}" if path else str(key)
            out += [where] if key not in kept else _lost(value, kept[key], where)
        return out
    if isinstance(given, list):
        if not isinstance(kept, list) or len(kept) != len(given):
            return [path]
        return [
            lost for i, item in enumerate(given) for lost in _lost(item, kept[i], f"{path}[{i}]")
        ]
    return []


def chart_copy(tmp: Path) -> Path:
    """A copy of the chart to change files in (the real one stays as committed)."""
    target = tmp / "cypheredge"
    shutil.copytree(CHART, target)
    return target


# Keys whose values are credentials. `existingSecret` (a Secret's name) is not one.
SECRET_KEY = re.compile(
    r"(passw(or)?d|secret_?key|secretaccesskey|private_?key|token|api_?key|dsn|credentials?)$"
    r"|^secret$",
    re.IGNORECASE,
)
SECRET_VALUE = re.compile(r"^(sk|rk|pk)_(live|test)_|^whsec_|-----BEGIN |://[^/@\s]+:[^/@\s]+@")


def secret_like(values: Any, path: str = "") -> list[str]:
    """Paths in ``values`` holding what looks like a credential: a non-empty value under a
    credential-like key, or a value shaped like a key, a signing secret or a URL with a
    password, whatever its key."""
    found: list[str] = []
    if isinstance(values, dict):
        for key, value in values.items():
            where = f"{path}.{key}" if path else str(key)
            if SECRET_KEY.search(str(key).replace("-", "_")) and value not in (None, "", {}, []):
                found.append(where)
            else:
                found += secret_like(value, where)
    elif isinstance(values, list):
        for i, item in enumerate(values):
            found += secret_like(item, f"{path}[{i}]")
    elif isinstance(values, str) and SECRET_VALUE.search(values):
        found.append(path)
    return found
