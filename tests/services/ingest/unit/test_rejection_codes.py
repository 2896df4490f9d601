"""The PDF guard's rejection codes are all codes the event contract allows."""

from __future__ import annotations

from typing import get_args

from cypheredge.contracts.events.statement import RejectionCode
from cypheredge.pdf import REJECT_CODES


def test_every_guard_code_is_a_contract_code() -> None:
    assert set(REJECT_CODES) <= set(get_args(RejectionCode))
