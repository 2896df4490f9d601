from __future__ import annotations

import pytest

from cetest.reports import sample_report
from cypheredge.reporter.domain.model import BatchReport


@pytest.fixture
def report() -> BatchReport:
    return sample_report()
