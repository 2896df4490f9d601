"""Where a local (embedded) platform keeps its state, and how commands find it again.

``cypheredge up`` writes ``stack.json`` into the data dir while it runs, so that other commands
(``admin create-org``) reach the same database; configured env vars always win.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # every command reads DEFAULT_DATA_DIR; few start a database
    from cypheredge.cli.stack.embedded import EmbeddedPostgres

DEFAULT_DATA_DIR = Path("var/cypheredge")


def stack_file(data_dir: Path) -> Path:
    return data_dir / "stack.json"


def read_stack(data_dir: Path) -> dict[str, str]:
    try:
        value = json.loads(stack_file(data_dir).read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def secret_key(data_dir: Path) -> str:
    """The platform secret of a local data dir, created on first use (never committed)."""
    from cypheredge.kit.secrets import Sealer

    path = data_dir / "secret.key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(Sealer.generate_key())
        path.chmod(0o600)
    return path.read_text().strip()


def database_url(data_dir: Path, embedded: EmbeddedPostgres) -> str:
    """DATABASE_URL when set, else the embedded server of ``data_dir`` (started if needed)."""
    configured = os.environ.get("DATABASE_URL")
    if configured:
        return configured
    return embedded.start()
