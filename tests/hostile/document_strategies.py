"""Hypothesis strategies for hostile uploads: damaged real plans, and made-up ones built near
what the readers expect, so that the cases reach the parser and not only the first check."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from xml.sax.saxutils import escape, quoteattr

from fpdf import FPDF
from hypothesis import strategies as st

from qa_audit.synthetic import generate_plan
from tests.documents.test_word_features import W, docx_with_body

PLANS = ((9, "area_tables"), (4, "headed"))
DOCX_PLANS = [generate_plan(seed, layout, "docx").data for seed, layout in PLANS]
PDF_PLANS = [generate_plan(seed, layout, "pdf").data for seed, layout in PLANS]
KEY_PARTS = ("word/document.xml", "word/styles.xml", "[Content_Types].xml")
MAGIC = (
    b"%PDF-1.7\n",
    b"%PDF-",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"\xff\xd8\xff\xe0",
    b"\x89PNG\r\n\x1a\n",
    b"{\\rtf1",
    b"<html>",
)

# Text a plan parser looks for, so that generated documents reach its deeper branches.
PLAN_WORDS = (
    "Section A: Views, interests and aspirations",
    "Section B: Special educational needs",
    "Section E: Outcomes",
    "Section F: Special educational provision",
    "Section K: Advice and information",
    "Communication and interaction",
    "Cognition and learning",
    "Short term",
    "Long term outcomes",
    "By July 2027, Sam will read 20 words.",
    "B1 Sam finds reading hard.",
    "This links to B2.",
    "Weekly 30-minute session with a teaching assistant.",
    "Educational Psychologist advice, 3 March 2025",
    "Date of issue: 31/02/2025",
    "Year 14",
    "Monitoring",
    "1.",
    "•",
)
# Attribute values Word never writes but a file can hold: non-ASCII digits, huge and negative.
ODD_VALUES = ("0", "1", "8", "9", "-1", "", "²", "٣", "1e9", "9" * 5000, "continue")


class Upload:
    """A hostile file and a short account of how it was made: a failing case prints the account,
    not tens of kilobytes of bytes (Hypothesis prints a dataclass field by field)."""

    def __init__(self, how: str, data: bytes) -> None:
        self.how, self.data = how, data

    def __repr__(self) -> str:
        return f"Upload({self.how!r}, {len(self.data)} bytes)"


xml_text = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc"), include_characters="\t\n"
    ),
    max_size=12,
)
words = st.one_of(st.sampled_from(PLAN_WORDS), xml_text)
odd_value = st.one_of(st.sampled_from(ODD_VALUES), xml_text)


def _attribute(name: str, value: str) -> str:
    return f"<w:{name} w:val={quoteattr(value)}/>"


@st.composite
def _paragraph(draw) -> str:
    properties = draw(
        st.lists(
            st.one_of(
                st.builds(_attribute, st.just("pStyle"), st.sampled_from(["Heading1", "Title"])),
                st.builds(_attribute, st.just("pStyle"), odd_value),
                st.builds(_attribute, st.just("outlineLvl"), odd_value),
                st.just("<w:numPr/>"),
            ),
            max_size=2,
        )
    )
    runs = draw(
        st.lists(
            st.one_of(
                words.map(
                    lambda text: f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
                ),
                st.sampled_from(
                    ["<w:r><w:tab/></w:r>", "<w:r><w:br/></w:r>", "<w:r><w:cr/></w:r>"]
                ),
                words.map(
                    lambda text: f"<w:del><w:r><w:delText>{escape(text)}</w:delText></w:r></w:del>"
                ),
            ),
            max_size=3,
        )
    )
    prefix = f"<w:pPr>{''.join(properties)}</w:pPr>" if properties else ""
    return f"<w:p>{prefix}{''.join(runs)}</w:p>"


def _cell(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    properties = st.lists(
        st.one_of(
            st.builds(_attribute, st.just("gridSpan"), odd_value),
            st.builds(_attribute, st.just("vMerge"), odd_value),
            st.just("<w:vMerge/>"),
        ),
        max_size=2,
    )
    return st.builds(
        lambda props, blocks: f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{''.join(blocks)}</w:tc>",
        properties,
        st.lists(children, max_size=2),
    )


def _table(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    row = st.builds(
        lambda deleted, cells: (
            "<w:tr>" + ("<w:trPr><w:del/></w:trPr>" if deleted else "") + "".join(cells) + "</w:tr>"
        ),
        st.booleans(),
        st.lists(_cell(children), max_size=3),
    )
    return st.lists(row, max_size=3).map(lambda rows: f"<w:tbl>{''.join(rows)}</w:tbl>")


def _wrapped(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    wrappers = st.sampled_from(
        [
            "<w:sdt><w:sdtContent>{}</w:sdtContent></w:sdt>",
            "<w:sdt>{}</w:sdt>",
            "<w:customXml>{}</w:customXml>",
            "<w:ins>{}</w:ins>",
            "<w:del>{}</w:del>",
            "<w:moveTo>{}</w:moveTo>",
        ]
    )
    return st.builds(
        lambda wrapper, blocks: wrapper.format("".join(blocks)),
        wrappers,
        st.lists(children, max_size=2),
    )


body_blocks = st.recursive(
    _paragraph(), lambda children: st.one_of(_table(children), _wrapped(children)), max_leaves=8
)


def _brief(text: str) -> str:
    """``text`` with long runs of one character written as a count."""
    return re.sub(r"(.)\1{20,}", lambda run: f"[{run[1]!r} x {len(run[0])}]", text)


@st.composite
def made_up_docx(draw) -> Upload:
    """A well-formed Word document whose body is made of paragraphs, tables and wrappers with
    plan-like text and odd attribute values."""
    body = "".join(draw(st.lists(body_blocks, max_size=6)))
    return Upload(_brief(body), word_document(body))


def word_document(body: str) -> bytes:
    """A Word document with ``body`` as its body XML, stored without compression (quick to
    build, and no compression ratio for the zip-bomb check to catch)."""
    document = f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'
    members = [
        (name, document.encode() if name == "word/document.xml" else data)
        for name, data in WORD_PARTS
    ]
    return _zip(members, zipfile.ZIP_STORED)


def _members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def _zip(members: list[tuple[str, bytes]], method: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive, warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Duplicate name", UserWarning)  # wanted here
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


WORD_PARTS = _members(docx_with_body(""))


def _flip(data: bytes, flips: list[tuple[int, int]]) -> bytes:
    changed = bytearray(data)
    for position, value in flips:
        if changed:
            changed[position % len(changed)] ^= value
    return bytes(changed)


byte_flips = st.lists(st.tuples(st.integers(0, 2**32), st.integers(1, 255)), min_size=1, max_size=8)


@st.composite
def damaged_docx(draw) -> Upload:
    """A real plan with one of its zip members dropped, renamed, duplicated, truncated,
    bit-flipped or replaced, zipped again (so the damage is past the zip checks)."""
    members = _members(draw(st.sampled_from(DOCX_PLANS)))
    names = [name for name, _ in members]
    target = draw(st.one_of(st.sampled_from(KEY_PARTS), st.sampled_from(names)))
    index = names.index(target) if target in names else 0
    name, data = members[index]
    action = draw(st.sampled_from(["drop", "rename", "duplicate", "truncate", "flip", "replace"]))
    detail: object = ""
    if action == "drop":
        del members[index]
    elif action == "rename":
        detail = draw(st.sampled_from([*names, "word/Document.xml", "../x"]))
        members[index] = (str(detail), data)
    elif action == "duplicate":
        detail = draw(st.binary(max_size=64))
        members.append((name, detail))
    elif action == "truncate":
        detail = draw(st.integers(0, max(len(data) - 1, 0)))
        members[index] = (name, data[:detail])
    elif action == "flip":
        detail = draw(byte_flips)
        members[index] = (name, _flip(data, detail))
    else:
        detail = draw(st.one_of(st.binary(max_size=256), xml_text.map(str.encode)))
        members[index] = (name, detail)
    method = draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))
    return Upload(f"{action} {name} {detail!r}", _zip(members, method))


@st.composite
def damaged_bytes(draw, plans: list[bytes]) -> Upload:
    """A real plan file truncated, bit-flipped, or with a stretch cut out or repeated."""
    number = draw(st.integers(0, len(plans) - 1))
    data = plans[number]
    action = draw(st.sampled_from(["truncate", "flip", "cut", "repeat"]))
    start = draw(st.integers(0, len(data) - 1))
    how = f"plan {number}: {action} at {start}"
    if action == "truncate":
        return Upload(how, data[:start])
    if action == "flip":
        flips = draw(byte_flips)
        return Upload(f"{how} {flips}", _flip(data, flips))
    length = draw(st.integers(1, 512))
    if action == "cut":
        return Upload(f"{how}, {length} bytes", data[:start] + data[start + length :])
    times = draw(st.integers(2, 50))
    stretch = data[start : start + length] * times
    return Upload(f"{how}, {length} bytes {times} times", data[:start] + stretch + data[start:])


magic_headed_bytes = st.builds(
    lambda head, tail: Upload(f"{head!r} + {len(tail)} random bytes", head + tail),
    st.sampled_from(MAGIC),
    st.binary(max_size=4096),
)


@st.composite
def made_up_pdf(draw) -> Upload:
    """A one- or two-page PDF of text, lines and boxes at random places: the layout reader's
    input (lines, ruled cells, running heads) without any plan structure to lean on."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=draw(st.integers(4, 30)))
    coordinate = st.floats(-20, 320, allow_nan=False)
    drawn: list[tuple] = []
    for _ in range(draw(st.integers(1, 2))):
        pdf.add_page()
        for _ in range(draw(st.integers(0, 20))):
            kind = draw(st.sampled_from(["text", "line", "rect", "grid"]))
            x, y = draw(coordinate), draw(coordinate)
            if kind == "grid":
                rows, columns = draw(st.integers(1, 8)), draw(st.integers(1, 6))
                width, height = draw(st.floats(3, 40)), draw(st.floats(3, 20))
                for row in range(rows):
                    for column in range(columns):
                        pdf.rect(x + column * width, y + row * height, width, height)
                drawn.append((kind, x, y, rows, columns, width, height))
            elif kind == "text":
                text = draw(st.one_of(st.sampled_from(PLAN_WORDS), st.text(max_size=20)))
                pdf.text(x, y, text.encode("latin-1", "replace").decode("latin-1"))
                drawn.append((kind, x, y, text))
            elif kind == "line":
                end = (draw(coordinate), draw(coordinate))
                pdf.line(x, y, *end)
                drawn.append((kind, x, y, *end))
            else:
                size = (draw(st.floats(0, 200)), draw(st.floats(0, 200)))
                pdf.rect(x, y, *size)
                drawn.append((kind, x, y, *size))
        drawn.append(("page",))
    return Upload(repr(drawn), bytes(pdf.output()))
