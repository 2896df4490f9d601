"""The alert rules, the Grafana dashboard and the observability profile's configuration.

Every PromQL expression must parse, and every metric it names must be one the code exports:
the names come from prometheus_client's registry after importing every module of ours that
defines metrics (found by reading the sources, so a new module is never missed), FastStream's
middleware metrics (registered when a broker is built), and Prometheus's own ``up``.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import promql_parser
import pytest
import yaml  # type: ignore[import-untyped]
from prometheus_client import REGISTRY

from cypheredge.kit.stream import make_broker

REPO = Path(__file__).resolve().parents[2]
RULES = REPO / "deploy/helm/cypheredge/files/prometheus-rules.yaml"
DASHBOARD = REPO / "deploy/grafana/dashboards/cypheredge.json"
PROMETHEUS = REPO / "deploy/prometheus/prometheus.yml"
COLLECTOR = REPO / "deploy/otel/collector.yaml"
PROVISIONING = REPO / "deploy/grafana/provisioning"
COMPOSE = REPO / "docker-compose.yml"

SEVERITIES = {"critical", "warning", "info"}
DURATION = re.compile(r"^(\d+(ms|s|m|h|d|w|y))+$")
# What a person on call must be alerted to: each concern, a metric one alert at least reads.
ALERTED = {
    "outbox backlog old": "cypheredge_outbox_oldest_age_seconds",
    "consumer lag high": "cypheredge_consumer_lag",
    "DLQ non-empty": "cypheredge_dlq_depth",
    "extraction failure rate": "cypheredge_extractor_statements_total",
    "webhook failures": "cypheredge_webhook_attempts_total",
    "Stripe meter errors": "cypheredge_billing_meter_reports_total",
    "HTTP 5xx rate": "cypheredge_http_requests_total",
    "p95 latency": "cypheredge_http_request_seconds_bucket",
    "a target down": "up",
}
# What the dashboard must show.
CHARTED = {
    "cypheredge_outbox_backlog",
    "cypheredge_outbox_oldest_age_seconds",
    "cypheredge_consumer_lag",
    "cypheredge_dlq_depth",
    "cypheredge_extractor_pages_total",
    "cypheredge_extractor_ocr_page_seconds_bucket",
    "cypheredge_extractor_failures_total",
    "cypheredge_reporter_build_seconds_bucket",
    "cypheredge_http_request_seconds_bucket",
    "cypheredge_http_requests_total",
    "cypheredge_billing_meter_reports_total",
    "cypheredge_webhook_attempts_total",
    "up",
}
SUFFIXES = {
    "counter": ("_total",),
    "histogram": ("_bucket", "_count", "_sum"),
    "summary": ("_count", "_sum"),
    "gauge": ("",),
    "info": ("_info",),
}


def metric_modules() -> list[str]:
    """Every module of ours that imports prometheus_client (a service's metrics live there)."""
    found = []
    for root in [*REPO.glob("libs/*/src"), *REPO.glob("services/*/src"), REPO / "cli/src"]:
        for path in root.rglob("*.py"):
            if path.name == "__main__.py" or "migrations" in path.parts:
                continue
            if re.search(r"^from prometheus_client import", path.read_text(), re.MULTILINE):
                module = path.relative_to(root).with_suffix("").as_posix().replace("/", ".")
                found.append(module.removesuffix(".__init__"))
    return sorted(found)


@pytest.fixture(scope="module")
def exported() -> frozenset[str]:
    """The sample names Prometheus can see from our processes."""
    for module in metric_modules():
        importlib.import_module(module)
    make_broker("127.0.0.1:9", name="probe", group_id="probe")  # FastStream's own metrics
    names = {"up"}
    for family in REGISTRY.collect():
        names.update(family.name + suffix for suffix in SUFFIXES.get(family.type, ("",)))
        names.update(sample.name for sample in family.samples)
    return frozenset(names)


def referenced(expr: str) -> set[str]:
    """The metric names an expression selects (raises ValueError when it does not parse)."""
    names: set[str] = set()

    def visit(node: Any) -> None:
        if isinstance(node, promql_parser.VectorSelector):
            assert node.name, f"a selector without a metric name in {expr!r}"
            names.add(node.name)

    promql_parser.walk(promql_parser.parse(expr), visit)
    return names


def rules() -> list[dict[str, Any]]:
    document = yaml.safe_load(RULES.read_text())
    return [rule for group in document["groups"] for rule in group["rules"]]


def dashboard() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DASHBOARD.read_text())
    return loaded


def panels(board: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for panel in board["panels"]:
        yield panel
        yield from panel.get("panels", ())  # a collapsed row holds its panels


def dashboard_exprs() -> list[str]:
    # Grafana's interval variables are not PromQL: a duration stands in for them.
    return [
        re.sub(r"\$__(rate_)?interval|\$__range", "5m", target["expr"])
        for panel in panels(dashboard())
        for target in panel.get("targets", ())
    ]


def test_the_modules_with_metrics_are_found() -> None:
    modules = metric_modules()
    assert "cypheredge.kit.metrics" in modules
    assert "cypheredge.extractor.service.metrics" in modules
    assert "cypheredge.reporter.service.metrics" in modules
    assert "cypheredge.gateway.api.edge" in modules


def test_the_checks_can_fail(exported: frozenset[str]) -> None:
    with pytest.raises(ValueError, match="parenthesis"):
        referenced("sum(rate(cypheredge_outbox_published_total[5m])")
    assert referenced('sum(rate(cypheredge_nothing_total{a="b"}[5m])) > up') == {
        "cypheredge_nothing_total",
        "up",
    }
    assert "cypheredge_nothing_total" not in exported
    assert "cypheredge_outbox_published_total" in exported
    assert "cypheredge_outbox_published" not in exported  # a counter is seen with _total


def test_rules_file_shape() -> None:
    document = yaml.safe_load(RULES.read_text())
    assert set(document) == {"groups"}
    assert document["groups"]
    group_names = [group["name"] for group in document["groups"]]
    assert len(group_names) == len(set(group_names))
    alerts = []
    for group in document["groups"]:
        assert set(group) <= {"name", "rules", "interval"}, group["name"]
        assert group["rules"], group["name"]
        for rule in group["rules"]:
            assert set(rule) == {"alert", "expr", "for", "labels", "annotations"}, rule
            assert re.fullmatch(r"CypherEdge[A-Za-z0-9]+", rule["alert"]), rule["alert"]
            assert isinstance(rule["expr"], str)
            assert DURATION.match(rule["for"]), rule["alert"]
            promql_parser.parse_duration(rule["for"])
            assert rule["labels"]["severity"] in SEVERITIES, rule["alert"]
            assert {"summary", "description"} <= set(rule["annotations"]), rule["alert"]
            alerts.append(rule["alert"])
    assert len(alerts) == len(set(alerts)), "alert names repeat"


def test_rules_parse_as_promql_and_name_only_exported_metrics(exported: frozenset[str]) -> None:
    for rule in rules():
        names = referenced(rule["expr"])
        assert names, rule["alert"]
        unknown = names - exported
        assert not unknown, f"{rule['alert']} reads metrics nothing exports: {sorted(unknown)}"


@pytest.mark.parametrize("concern", sorted(ALERTED))
def test_every_concern_has_an_alert(concern: str) -> None:
    metric = ALERTED[concern]
    assert any(metric in referenced(rule["expr"]) for rule in rules()), concern


def test_dashboard_shape() -> None:
    board = dashboard()
    assert board["uid"] == "cypheredge-overview"
    assert board["title"]
    assert isinstance(board["schemaVersion"], int)
    assert board["schemaVersion"] >= 36
    found = list(panels(board))
    ids = [panel["id"] for panel in found]
    assert len(ids) == len(set(ids)), "panel ids repeat"
    charts = [panel for panel in found if panel["type"] != "row"]
    assert charts
    variables = {v["name"]: v for v in board["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    assert variables["datasource"]["query"] == "prometheus"
    for panel in charts:
        assert panel["title"], panel["id"]
        assert {"h", "w", "x", "y"} <= set(panel["gridPos"]), panel["title"]
        assert panel["gridPos"]["x"] + panel["gridPos"]["w"] <= 24, panel["title"]
        assert panel["datasource"] == {"type": "prometheus", "uid": "${datasource}"}
        assert panel["targets"], panel["title"]
        refs = [target["refId"] for target in panel["targets"]]
        assert len(refs) == len(set(refs)), panel["title"]
        for target in panel["targets"]:
            assert target["expr"].strip(), panel["title"]


def test_dashboard_exprs_parse_and_name_only_exported_metrics(exported: frozenset[str]) -> None:
    for expr in dashboard_exprs():
        unknown = referenced(expr) - exported
        assert not unknown, f"{expr!r} reads metrics nothing exports: {sorted(unknown)}"


def test_dashboard_charts_what_on_call_watches() -> None:
    shown = {name for expr in dashboard_exprs() for name in referenced(expr)}
    assert shown >= CHARTED, sorted(CHARTED - shown)


def _compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())  # merge keys resolved
    return loaded


def test_prometheus_scrapes_every_process_and_loads_the_rules() -> None:
    config = yaml.safe_load(PROMETHEUS.read_text())
    targets = {
        target
        for job in config["scrape_configs"]
        for static in job.get("static_configs", ())
        for target in static["targets"]
    }
    services = _compose()["services"]
    processes = {
        name: svc
        for name, svc in services.items()
        if svc.get("command", [None])[:2] == ["python", "-m"]
    }
    assert len(processes) >= 9
    for name, svc in processes.items():
        port = re.search(r"127\.0\.0\.1:(\d+)/healthz", " ".join(svc["healthcheck"]["test"]))
        assert port, name
        assert f"{name}:{port.group(1)}" in targets, f"{name}'s /metrics is not scraped"
    mounted = [v for v in services["prometheus"]["volumes"] if "prometheus-rules.yaml" in v]
    assert len(mounted) == 1
    target = mounted[0].split(":")[1]
    assert any(Path(target).match(pattern) for pattern in config["rule_files"])


def test_grafana_provisions_the_prometheus_source_and_the_dashboard() -> None:
    sources = yaml.safe_load((PROVISIONING / "datasources/prometheus.yaml").read_text())
    (source,) = sources["datasources"]
    assert (source["type"], source["url"]) == ("prometheus", "http://prometheus:9090")
    providers = yaml.safe_load((PROVISIONING / "dashboards/cypheredge.yaml").read_text())
    (provider,) = providers["providers"]
    volumes = _compose()["services"]["grafana"]["volumes"]
    dashboards = next(v for v in volumes if v.startswith("./deploy/grafana/dashboards:"))
    assert dashboards.split(":")[1] == provider["options"]["path"]
    assert DASHBOARD.parent == REPO / dashboards.split(":")[0]


def test_collector_pipelines_use_what_it_defines() -> None:
    config = yaml.safe_load(COLLECTOR.read_text())
    assert config["receivers"]["otlp"]["protocols"]["http"]["endpoint"].endswith(":4318")
    assert "prometheus" in config["exporters"]
    assert "debug" in config["exporters"]
    pipelines = config["service"]["pipelines"]
    assert {"traces", "metrics"} <= set(pipelines)
    for name, pipeline in pipelines.items():
        assert set(pipeline["receivers"]) <= set(config["receivers"]), name
        assert set(pipeline.get("processors", ())) <= set(config["processors"]), name
        assert set(pipeline["exporters"]) <= set(config["exporters"]), name
    assert set(config["service"]["extensions"]) <= set(config["extensions"])
    # The Prometheus exporter's port is one Prometheus scrapes.
    port = config["exporters"]["prometheus"]["endpoint"].rsplit(":", 1)[1]
    assert f"otel-collector:{port}" in PROMETHEUS.read_text()
