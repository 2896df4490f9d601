"""The chart's Prometheus Operator objects against the operator's CRD models: the
ServiceMonitor scrapes what the processes serve, and the PrometheusRule carries exactly the
alert rules compose's Prometheus loads (``files/prometheus-rules.yaml``)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]

from cetest.helm import CHART, Manifest, of_kind, parse_monitoring, render

MONITORED = {"metrics": {"serviceMonitor": {"enabled": True}, "prometheusRule": {"enabled": True}}}


@pytest.fixture(scope="module")
def monitored() -> list[Manifest]:
    return render(MONITORED)


def test_monitoring_objects_are_valid_operator_objects(monitored: list[Manifest]) -> None:
    found = [m for m in monitored if m.kind in {"ServiceMonitor", "PrometheusRule"}]
    assert {m.kind for m in found} == {"ServiceMonitor", "PrometheusRule"}
    for manifest in found:
        assert manifest.body["apiVersion"] == "monitoring.coreos.com/v1"
        parse_monitoring(manifest.body)


def test_a_field_the_operator_does_not_know_fails(monitored: list[Manifest]) -> None:
    monitor = next(iter(of_kind(monitored, "ServiceMonitor").values()))
    broken: dict[str, Any] = {**monitor, "spec": {**monitor["spec"], "scrapeEvery": "30s"}}
    with pytest.raises(AssertionError, match="scrapeEvery"):
        parse_monitoring(broken)


def test_the_rule_carries_the_shared_rules_file(monitored: list[Manifest]) -> None:
    (rule,) = of_kind(monitored, "PrometheusRule").values()
    shipped = yaml.safe_load((CHART / "files" / "prometheus-rules.yaml").read_text("utf-8"))
    groups = shipped.get("groups") or shipped["spec"]["groups"]
    assert rule["spec"]["groups"] == groups
    alerts = [r["alert"] for g in rule["spec"]["groups"] for r in g["rules"] if "alert" in r]
    assert len(alerts) == len(set(alerts)) >= 10


def test_nothing_for_the_operator_by_default() -> None:
    kinds = {m.kind for m in render()}
    assert not kinds & {"ServiceMonitor", "PrometheusRule"}
