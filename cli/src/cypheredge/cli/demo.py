"""The platform's main job on sample statements: what ``make up`` runs once the stack is ready.

Sample statements come from the product's own generator (seeded, so every run submits the same
files), one of them encrypted to show the password path; the results land in a folder under
the data dir that the command prints.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from rich.console import Console

from cypheredge.cli.batches import download_results, follow, show
from cypheredge.cli.client import Client
from cypheredge.gateway.bootstrap import database
from cypheredge.gateway.service.accounts import create_org
from cypheredge.kit.settings import InfraSettings
from cypheredge.synth import generate

SAMPLES = (("uk_two_accounts", 0), ("us_sections", 0), ("in_marker", 0), ("de_signed", 0))
ENCRYPTED_SAMPLE = ("nz_reordered", 0)
SAMPLE_PASSWORD = "demo-password"  # noqa: S105 - a public sample, not a secret


def write_samples(folder: Path) -> tuple[list[Path], dict[str, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for layout, seed in SAMPLES:
        path = folder / f"{layout}-{seed}.pdf"
        path.write_bytes(generate(layout, seed).pdf)
        files.append(path)
    layout, seed = ENCRYPTED_SAMPLE
    locked = folder / f"{layout}-{seed}-encrypted.pdf"
    locked.write_bytes(generate(layout, seed, password=SAMPLE_PASSWORD).pdf)
    files.append(locked)
    return files, {locked.name: SAMPLE_PASSWORD}


def demo_key(data_dir: Path, infra: InfraSettings) -> str:
    """The demo org's API key, created once per data dir."""
    path = data_dir / "demo-org.json"
    if path.exists():
        return str(json.loads(path.read_text())["api_key"])

    async def _create() -> str:
        db = database(infra)
        try:
            return (await create_org(db, "Demo")).api_key
        finally:
            await db.dispose()

    key = asyncio.run(_create())
    path.write_text(json.dumps({"api_key": key}))
    path.chmod(0o600)
    return key


def run_demo(api: str, infra: InfraSettings, data_dir: Path, console: Console) -> Path:
    files, passwords = write_samples(data_dir / "samples")
    with Client(api, demo_key(data_dir, infra)) as client:
        console.print(f"submitting {len(files)} sample statements from {files[0].parent}")
        batch = client.submit(files, passwords, None)
        batch = follow(client, batch["id"], timeout=600)
        show(batch)
        out: Path = data_dir / "results" / str(batch["id"])
        download_results(client, batch, out)
    return out
