"""One load run: seed a database, serve it with gunicorn, let the simulated users loose, stop,
and gather the figures, the server log's problems and what ended up stored."""

from __future__ import annotations

import contextlib
import itertools
import os
import random
import secrets
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from benchmarks.load.actors import AuditorPlan, Browser, audit_session, upload_session
from benchmarks.load.cpu import CpuReading
from benchmarks.load.seed import Cast, seed
from benchmarks.load.stats import OpFigures, Recorder, Sample, UserStopped, figures_by_op
from qa_audit.synthetic import LAYOUTS, generate_plan
from tests.app_processes import STATIC_FILE, AppServer, process_environment

SAVE_OPS = ("autosave", "save button")
BASELINE_OP = "baseline: static file, idle"
PROBE_OP = "static file, under load"
USER_STOPPED_OP = "user stopped"  # a user ended by an answer it could not read
BASELINE_REQUESTS = 30
LOG_PROBLEMS = ("database is locked", "Traceback", "WORKER TIMEOUT")
PROBE_SECONDS = 0.25
_databases = itertools.count(1)


@dataclass(frozen=True)
class LoadSettings:
    backend: str = "sqlite"  # or "postgres"
    auditors: int = 20
    managers: int = 2
    saves: int = 12  # drafts per auditor before submitting
    button_every: int = 4  # every 4th draft through the Save button, the others autosaved
    batches: int = 3  # per manager
    batch_size: int = 4  # plans per batch, .docx and PDF
    think_seconds: float = 1.0  # mean pause before each save: 20 times the page's autosave rate
    upload_pause_seconds: float = 5.0  # mean pause before each batch upload
    ramp_seconds: float = 5.0  # users start spread over this long
    workers: int = 4  # gunicorn, as the README's PostgreSQL command serves it
    worker_class: str = "gthread"
    threads: int = 4
    max_seconds: float = 180.0  # users stop starting new work after this long


@dataclass
class LoadResult:
    settings: LoadSettings
    samples: list[Sample]
    windows: list[tuple[str, float, float]]
    cpu: dict[str, float]  # CPU seconds while the users ran (see benchmarks.load.cpu)
    resent: int  # requests sent again after the server closed an idle connection
    log: dict[str, int]  # problem -> lines of the server log showing it
    stored: dict[str, int]  # what the database holds afterwards
    figures: dict[str, OpFigures] = field(init=False)

    def __post_init__(self) -> None:
        self.figures = figures_by_op(self.samples)

    @property
    def seconds(self) -> float:
        return self.cpu["wall"]

    @property
    def server_cpu_ms_per_request(self) -> float:
        during = sum(op != BASELINE_OP for op in (s.op for s in self.samples))
        return 1000 * self.cpu["server"] / during

    @property
    def errors(self) -> int:
        return sum(not sample.ok for sample in self.samples)

    def saves_by_activity(self) -> dict[str, OpFigures]:
        """Form saves grouped by what else the server was doing while they ran."""
        uploads = [
            (s.started, s.started + s.seconds) for s in self.samples if s.op == "batch upload"
        ]
        analyses = [(start, end) for kind, start, end in self.windows if kind == "analysis"]
        groups: dict[str, list[Sample]] = {}
        for sample in (s for s in self.samples if s.op in SAVE_OPS):
            span = (sample.started, sample.started + sample.seconds)
            if _overlaps(span, analyses):
                activity = "while analysis ran"
            elif _overlaps(span, uploads):
                activity = "while a batch uploaded"
            else:
                activity = "with no upload or analysis"
            groups.setdefault(activity, []).append(sample)
        return {activity: OpFigures.of(group) for activity, group in groups.items()}

    def to_dict(self) -> dict:
        return {
            "settings": asdict(self.settings),
            "seconds": self.seconds,
            "cpu_seconds": self.cpu,
            "server_cpu_ms_per_request": round(self.server_cpu_ms_per_request, 1),
            "errors": self.errors,
            "resent_after_idle_close": self.resent,
            "problems": sorted({s.problem for s in self.samples if not s.ok}),
            "server_log": self.log,
            "stored": self.stored,
            "figures": {op: asdict(figures) for op, figures in self.figures.items()},
            "saves_by_activity": {
                activity: asdict(figures) for activity, figures in self.saves_by_activity().items()
            },
        }


def _overlaps(span: tuple[float, float], windows: list[tuple[float, float]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in windows)


def run_load(settings: LoadSettings, folder: Path, postgres_url: str | None = None) -> LoadResult:
    """Run once in ``folder`` (database, uploads and server log); PostgreSQL runs get a fresh
    database on the server at ``postgres_url``. The server boots while the database is seeded;
    the figures are taken only once every worker is serving."""
    folder.mkdir(parents=True, exist_ok=True)
    uploads, log = folder / "uploads", folder / "server.log"
    with _database(settings.backend, folder, postgres_url) as database_url:
        with AppServer(
            process_environment(
                **_app_settings(database_url, uploads, settings.auditors + settings.managers)
            ),
            log,
            workers=settings.workers,
            worker_class=settings.worker_class,
            threads=settings.threads,
        ) as server:
            cast = seed(
                database_url, str(uploads), auditors=settings.auditors, managers=settings.managers
            )
            batches = _batches(settings)
            base_url = server.wait_until_serving()
            recorder = Recorder()
            _baseline(base_url, recorder)
            processes = {"server": server.process.pid, **_database_server(database_url)}
            before = CpuReading.now(processes)
            _drive(base_url, settings, cast, batches, recorder)
            cpu = CpuReading.now(processes).since(before)
        stored = _stored(database_url)  # once the server has stopped and its analyses ended
    problems = {problem: server.lines_logged(problem) for problem in LOG_PROBLEMS}
    return LoadResult(
        settings, recorder.samples, recorder.windows, cpu, recorder.resent, problems, stored
    )


@contextlib.contextmanager
def _database(backend: str, folder: Path, postgres_url: str | None) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'load.sqlite3'}"
        return
    if backend != "postgres" or not postgres_url:
        raise ValueError(f"unknown backend {backend!r}, or no PostgreSQL server given")
    name = f"qa_audit_load_{os.getpid()}_{next(_databases)}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _database_server(database_url: str) -> dict[str, int]:
    """The private PostgreSQL server's postmaster (its backends are its children), so its CPU
    is counted apart from other processes'; nothing for SQLite, which runs inside the server."""
    socket_folder = make_url(database_url).query.get("host")
    if socket_folder is None:
        return {}
    postmaster = Path(socket_folder) / "data" / "postmaster.pid"  # as tests.services lays out
    return {"database server": int(postmaster.read_text().split()[0])}


def _app_settings(database_url: str, uploads: Path, users: int) -> dict[str, str]:
    """The app's settings: the embedded defaults (so analyses run in the web workers' threads,
    see ``process_environment``), except that every simulated user signs in from 127.0.0.1, so
    the per-address sign-in limit is raised to fit them (still enforced)."""
    return {
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_hex(32),
        "UPLOAD_FOLDER": str(uploads),
        "RATELIMIT_STORAGE_URI": "memory://",
        "LOGIN_RATE_LIMIT": f"{2 * users} per minute;{4 * users} per hour",
        "LOG_LEVEL": "INFO",
    }


def _batches(settings: LoadSettings) -> list[list[list[tuple[str, bytes]]]]:
    """Each manager's batches of generated plans (made before the clock starts), every file
    different so none is refused as already uploaded."""
    files = itertools.count(10_000)
    batches = []
    for _ in range(settings.managers):
        mine = []
        for _ in range(settings.batches):
            batch = []
            for _ in range(settings.batch_size):
                number = next(files)
                fmt = "pdf" if number % 3 == 0 else "docx"
                plan = generate_plan(number, LAYOUTS[number % len(LAYOUTS)], fmt)
                batch.append((f"plan-{number}.{fmt}", plan.data))
            mine.append(batch)
        batches.append(mine)
    return batches


def _baseline(base_url: str, recorder: Recorder) -> None:
    """Latency of a request that needs no database or session, before any load."""
    browser = Browser(base_url, recorder)
    for _ in range(BASELINE_REQUESTS):
        browser.call(BASELINE_OP, "GET", STATIC_FILE, 200)
    browser.close()


def _drive(
    base_url: str, settings: LoadSettings, cast: Cast, batches: list, recorder: Recorder
) -> None:
    """Every simulated user in its own thread, starting spread over the ramp, with a probe of
    the baseline request alongside; returns when all have finished."""
    stop_at = time.monotonic() + settings.max_seconds
    plan = AuditorPlan(settings.saves, settings.button_every, settings.think_seconds)
    users = len(cast.auditors) + len(cast.managers)
    finished = threading.Event()
    probe = threading.Thread(target=_probe, args=(base_url, recorder, finished))
    probe.start()

    def start(number: int, session, *args) -> None:
        rng = random.Random(number)  # noqa: S311 (pacing, not security)
        time.sleep(settings.ramp_seconds * number / users)
        browser = Browser(base_url, recorder)
        try:
            session(browser, *args, stop_at, rng)
        except UserStopped:
            pass  # its failed request is recorded
        except Exception as error:  # an answer the user could not read: an error too
            recorder.add(Sample(USER_STOPPED_OP, time.time(), 0.0, False, repr(error)))
        finally:
            browser.close()

    try:
        with ThreadPoolExecutor(max_workers=users) as pool:
            jobs = [
                pool.submit(start, n, audit_session, email, cast.password, audit, cast.matrix, plan)
                for n, (email, audit) in enumerate(cast.auditors)
            ]
            jobs += [
                pool.submit(
                    start,
                    len(cast.auditors) + n,
                    upload_session,
                    email,
                    cast.password,
                    batches[n],
                    settings.upload_pause_seconds,
                )
                for n, email in enumerate(cast.managers)
            ]
            for job in jobs:
                job.result()
    finally:
        finished.set()
        probe.join()


def _probe(base_url: str, recorder: Recorder, finished: threading.Event) -> None:
    browser = Browser(base_url, recorder)
    while not finished.wait(PROBE_SECONDS):
        with contextlib.suppress(UserStopped):  # recorded; the probe goes on
            browser.call(PROBE_OP, "GET", STATIC_FILE, 200)
    browser.close()


def _stored(database_url: str) -> dict[str, int]:
    queries = {
        "audits submitted": "SELECT count(*) FROM audits WHERE status = 'submitted'",
        "documents": "SELECT count(*) FROM plan_documents",
        "analyses done": "SELECT count(*) FROM analyses WHERE status = 'done'",
        "analyses not done": "SELECT count(*) FROM analyses WHERE status <> 'done'",
    }
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return {
                name: connection.execute(text(sql)).scalar_one() for name, sql in queries.items()
            }
    finally:
        engine.dispose()
