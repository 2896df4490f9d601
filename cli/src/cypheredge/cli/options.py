"""Options the commands that talk to the API share, declared once (`Annotated` aliases)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

Wait = Annotated[bool, typer.Option(help="Follow the batch until it finishes")]
Out = Annotated[Path | None, typer.Option(help="Download workbook and exports here")]
Api = Annotated[str | None, typer.Option(help="API URL (env CYPHEREDGE_API_URL)")]
ApiKey = Annotated[str, typer.Option(envvar="CYPHEREDGE_API_KEY", help="API key")]
DataDir = Annotated[Path, typer.Option(help="Local platform data dir")]
Timeout = Annotated[float, typer.Option(help="Seconds to wait for the batch")]
