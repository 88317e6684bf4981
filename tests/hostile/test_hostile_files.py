"""The hostile files of an outside test: each is refused with a plain message within the time
limit plus a few seconds, by a reading process that stays under 600 MB (or is stopped by its
memory limit), and a file that hangs the reader cannot hold up another upload."""

from __future__ import annotations

import html
import io
import threading
import time
import zipfile
from functools import cache

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from qa_audit.documents import DocumentLimits, read_plan
from qa_audit.documents.isolation import TOO_BIG, TOO_SLOW, run_isolated
from qa_audit.documents.reader import read_plan_isolated
from qa_audit.documents.safe_xml import parse_xml
from qa_audit.errors import BadDocument
from qa_audit.synthetic import generate_plan
from tests.factories import csrf_token_from, login
from tests.faults.stored_state import stored_files
from tests.hostile.hostile_files import (
    content_types_bomb_docx,
    dense_grid_pdf,
    path_segments_pdf,
    stream_bomb_pdf,
)
from tests.hostile.web import snapshot

MIB = 1024 * 1024
LIMITS = DocumentLimits(parse_timeout_seconds=10)
SLACK_SECONDS = 5
PEAK_MB = 600

HOSTILE = {
    # name: (maker, file name, what the refusal says)
    "bzip2_content_types_bomb": (
        lambda: content_types_bomb_docx(zipfile.ZIP_BZIP2, 256 * MIB),
        "plan.docx",
        "would unpack to 256.8 MB",
    ),
    "bzip2_bomb_declaring_a_small_size": (
        lambda: content_types_bomb_docx(zipfile.ZIP_BZIP2, 256 * MIB, declared=2000),
        "plan.docx",
        "packed in a way Word never uses",
    ),
    "deflate_content_types_bomb": (
        lambda: content_types_bomb_docx(zipfile.ZIP_DEFLATED, 256 * MIB),
        "plan.docx",
        "would unpack to 256.8 MB",
    ),
    "deflate_bomb_declaring_a_small_size": (  # read no further than it declares
        lambda: content_types_bomb_docx(zipfile.ZIP_DEFLATED, 256 * MIB, declared=2000),
        "plan.docx",
        "damaged",
    ),
    "pdf_content_stream_bomb": (lambda: stream_bomb_pdf(512 * MIB), "plan.pdf", TOO_BIG),
    "pdf_of_four_million_path_segments": (
        lambda: path_segments_pdf(4_000_000),
        "plan.pdf",
        "has no text",
    ),
}


@cache
def hostile(name: str) -> bytes:
    return HOSTILE[name][0]()


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_file_is_refused_within_the_time_and_memory_limits(name: str) -> None:
    _, filename, message = HOSTILE[name]
    started = time.monotonic()
    outcome, peak_mb = read_plan_isolated(hostile(name), filename, LIMITS)
    seconds = time.monotonic() - started
    assert isinstance(outcome, BadDocument), outcome
    assert message in str(outcome)
    assert seconds < LIMITS.parse_timeout_seconds + SLACK_SECONDS
    # None: stopped at its address-space limit, which is below the bound.
    assert LIMITS.max_memory_bytes < PEAK_MB * MIB
    assert peak_mb is None or peak_mb < PEAK_MB, peak_mb


def test_the_reading_process_is_stopped_at_its_memory_limit() -> None:
    outcome, peak_mb = run_isolated(bytearray, 1024 * MIB, memory_bytes=256 * MIB, seconds=10)
    assert isinstance(outcome, BadDocument) and str(outcome) == TOO_BIG
    assert peak_mb is not None and peak_mb < 256


def test_a_reading_process_stuck_in_one_call_is_killed_at_the_time_limit() -> None:
    started = time.monotonic()
    outcome, peak_mb = run_isolated(time.sleep, 60, memory_bytes=256 * MIB, seconds=1)
    assert isinstance(outcome, BadDocument) and str(outcome) == TOO_SLOW
    assert peak_mb is None
    assert time.monotonic() - started < 1 + SLACK_SECONDS


def test_a_file_that_takes_the_whole_time_limit_does_not_hold_up_another_upload() -> None:
    """Reading once held a lock for the whole of a slow PDF; an innocent upload waited behind it."""
    limits = DocumentLimits(parse_timeout_seconds=8)
    slow = threading.Thread(target=lambda: read_plan_isolated(dense_grid_pdf(150), "a.pdf", limits))
    slow.start()
    time.sleep(1)  # the hostile file is being read
    plan = generate_plan(3, "area_tables", "pdf")
    started = time.monotonic()
    parsed = read_plan(plan.data, plan.filename, limits)
    waited = time.monotonic() - started
    slow.join()
    assert parsed.outcomes
    assert waited < 4, f"the innocent PDF took {waited:.1f} s"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-be", "utf-32"])
def test_a_document_type_declaration_is_refused_in_any_encoding(encoding: str) -> None:
    """A byte search for "<!DOCTYPE" missed the declaration in UTF-16."""
    label = encoding.upper()
    xml = (
        f'<?xml version="1.0" encoding="{label}"?>\n'
        '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        "<d>&b;</d>"
    )
    data = xml.encode(encoding if encoding != "utf-16" else "utf-16")
    with pytest.raises(BadDocument, match="unsafe XML"):
        parse_xml(data, DocumentLimits())


@pytest.mark.parametrize("name", ["bzip2_content_types_bomb", "pdf_content_stream_bomb"])
def test_hostile_upload_through_the_web_is_refused_in_plain_words(app, web_world, name) -> None:
    _, filename, message = HOSTILE[name]
    client = app.test_client()
    login(client, web_world.users["sen_manager"])
    form = {
        "csrf_token": csrf_token_from(client, "/plans/upload"),
        "reference": "EHCP-2025-0779",
        "kind": "new",
        "document": FileStorage(io.BytesIO(hostile(name)), filename),
    }
    # Encoded in memory: the test client would spool a body this large to a file it never closes.
    boundary, body = encode_multipart(form)
    before = {table: rows for table, rows in snapshot().items() if table != "access_log"}
    files = stored_files(app.config["UPLOAD_FOLDER"])
    response = client.post(
        "/plans/upload", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.escape(message, quote=True) in page or message in page
    assert "Traceback" not in page
    after = {table: rows for table, rows in snapshot().items() if table != "access_log"}
    assert after == before
    assert stored_files(app.config["UPLOAD_FOLDER"]) == files
