"""The reporter's Prometheus metrics."""

from __future__ import annotations

from prometheus_client import Histogram

REPORT_BUILD_SECONDS = Histogram(
    "cypheredge_reporter_build_seconds",
    "Seconds to build one batch's report: read the artefacts, analyse, render, store",
    ["status"],  # completed | partially_failed (a batch nothing of which was read builds none)
    buckets=(0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 40.0, 80.0, 160.0),
)
