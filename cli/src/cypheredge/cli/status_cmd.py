"""``cypheredge status``: one batch as the API sees it; optionally follow it and fetch results.

The same output and exit codes as ``submit --wait``: a summary on stderr, the batch as JSON on
stdout with ``--json``, 1 when the batch failed or partly failed (a batch still open is 0).
The HTTP client is imported when the command runs (``batches.py``).
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import typer

from cypheredge.cli import options
from cypheredge.cli.exits import usage
from cypheredge.cli.localdata import DEFAULT_DATA_DIR


def status(
    batch_id: Annotated[str, typer.Argument(help="The batch id that submit printed")],
    wait: options.Wait = False,
    out: options.Out = None,
    api: options.Api = None,
    api_key: options.ApiKey = "",
    data_dir: options.DataDir = DEFAULT_DATA_DIR,
    timeout: options.Timeout = 600,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the batch as JSON on stdout")
    ] = False,
) -> None:
    """Show a batch and its statements; with --wait or --out, follow it and fetch the results."""
    from cypheredge.cli.batches import download_results, finish, follow, show
    from cypheredge.cli.client import Client, api_url

    if not api_key:
        raise usage("an API key is needed: --api-key or CYPHEREDGE_API_KEY")
    try:
        batch_id = str(UUID(batch_id))  # never a path of our choosing in the URL
    except ValueError:
        raise usage(f"not a batch id: {batch_id!r}") from None
    with Client(api_url(api, data_dir), api_key) as client:
        if wait or out is not None:
            batch = follow(client, batch_id, timeout)
        else:
            batch = client.batch(batch_id)
        show(batch)
        if out is not None:
            download_results(client, batch, out)
    finish(batch, as_json)
