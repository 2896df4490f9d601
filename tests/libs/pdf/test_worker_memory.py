"""A worker's own memory, not the peak Linux carries over from the process that started it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

PARENT = textwrap.dedent(
    """
    import subprocess, sys
    ballast = bytearray(300 * 1024 * 1024)  # a big parent, as a long-running ingest becomes
    for i in range(0, len(ballast), 4096):
        ballast[i] = 1
    child = "from cypheredge.pdf.worker import _own_peak_bytes; print(_own_peak_bytes())"
    print(subprocess.run([sys.executable, "-c", child], capture_output=True, text=True).stdout)
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="VmHWM is Linux's")
def test_a_worker_of_a_large_parent_does_not_count_the_parents_peak() -> None:
    out = subprocess.run([sys.executable, "-c", PARENT], capture_output=True, text=True, check=True)
    own_peak = int(out.stdout.split()[0])
    assert own_peak < 200 * 1024 * 1024  # the child's own few tens of MB, not the parent's 300
