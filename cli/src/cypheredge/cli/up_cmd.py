"""``cypheredge up``: the whole platform on one machine, on embedded defaults.

The stack (``local_stack.py``) is imported when the command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cypheredge.cli.localdata import DEFAULT_DATA_DIR


def up(
    port: Annotated[int, typer.Option(help="Port of the HTTP API")] = 8000,
    data_dir: Annotated[Path, typer.Option(help="Where local state lives")] = DEFAULT_DATA_DIR,
    ready_timeout: Annotated[float, typer.Option(help="Seconds to wait for readiness")] = 180.0,
    demo: Annotated[
        bool, typer.Option(help="Once ready, process the bundled sample statements")
    ] = False,
) -> None:
    """Start infrastructure (embedded unless configured), migrate, and run every service."""
    from cypheredge.cli.local_stack import run_up

    run_up(port, data_dir, ready_timeout, demo)
