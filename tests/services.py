"""Real servers for the tests, started privately in a temporary folder and stopped afterwards:
PostgreSQL (Debian's ``postgresql`` package; run as root, it runs as the ``postgres`` user) and
Redis (Debian's ``redis-server`` package). The app's own servers are in ``tests.app_processes``."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_service_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


@dataclass
class PostgresServer:
    """A private server that a test may stop and start again (the database going away)."""

    bin_dir: Path
    folder: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@/postgres?host={self.folder}&port={self.port}"

    def _pg_ctl(self, *arguments: str, check: bool = True) -> None:
        command = [str(self.bin_dir / "pg_ctl"), "-D", str(self.folder / "data"), *arguments]
        subprocess.run(_as_service_user(command), check=check, capture_output=True)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses='' -c fsync=off"
        self._pg_ctl("-o", options, "-w", "-l", str(self.folder / "log"), "start")

    def stop(self, mode: str = "fast") -> None:
        self._pg_ctl("-m", mode, "-w", "stop", check=False)


@contextlib.contextmanager
def private_postgres() -> Iterator[PostgresServer]:
    """Yield a running throwaway PostgreSQL server; it is removed afterwards."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (Debian package 'postgresql')")
    folder = Path(tempfile.mkdtemp(prefix="qa-audit-pg-"))
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        os.chown(folder, account.pw_uid, account.pw_gid)
    server = PostgresServer(bin_dir, folder, free_port())
    initdb = [str(bin_dir / "initdb"), "-D", str(folder / "data"), "-U", "postgres"]
    subprocess.run(
        _as_service_user([*initdb, "--auth=trust", "-E", "UTF8", "--no-sync"]),
        check=True,
        capture_output=True,
    )
    server.start()
    try:
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """Yield a SQLAlchemy URL for a throwaway PostgreSQL server."""
    with private_postgres() as server:
        yield server.url


REDIS_SERVER = Path("/usr/bin/redis-server")


def redis_installed() -> bool:
    return REDIS_SERVER.exists()


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """Yield the URL of a throwaway Redis server on loopback that keeps nothing on disk."""
    if not redis_installed():
        raise RuntimeError("Redis is not installed (Debian package 'redis-server')")
    folder = Path(tempfile.mkdtemp(prefix="qa-audit-redis-"))
    port = free_port()
    config = folder / "redis.conf"
    config.write_text(
        f"bind 127.0.0.1\nport {port}\ndir {folder}\nlogfile {folder / 'log'}\n"
        'save ""\nappendonly no\n'
    )
    process = subprocess.Popen([str(REDIS_SERVER), str(config)], stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client = Redis.from_url(url)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except RedisConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log = (folder / "log").read_text(errors="replace")
                    raise RuntimeError(f"redis-server did not start:\n{log}") from None
                time.sleep(0.05)
        client.close()
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)
