"""Reading a case-management extract: canonical or mapped headers, every problem with its line
and column, and no personal details accepted."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook

from qa_audit.timeliness.extract import ExtractError, load_mapping, read_extract

HEADER = "reference,request_date,issue_date,exceptions,team"


def read(text: str, mapping: dict | None = None):
    return read_extract(text.encode(), "extract.csv", mapping or {})


def test_canonical_columns_in_iso_and_uk_dates():
    extract = read(f"{HEADER}\nEHC-1,2025-01-06,26/05/2025,no,North\nEHC-2,,,,\n")
    assert extract.problems == []
    first, second = extract.rows
    assert first.values["request_date"] == date(2025, 1, 6)
    assert first.values["issue_date"] == date(2025, 5, 26)
    assert first.values["exceptions"] is False
    assert first.details == {"team": "North"}
    assert second.values["issue_date"] is None and second.details == {}


def test_every_problem_is_listed_with_its_line_and_column_and_no_row_is_kept():
    text = (
        f"{HEADER},review_decision\n"
        "EHC-1,2025-01-06,2025-05-26,no,North,maintain\n"
        "EHC-2,2025-13-01,2025-05-26,perhaps,North,\n"
        ",2025-01-06,,no,South,keep\n"
    )
    extract = read(text)
    assert extract.rows == []
    found = [str(p) for p in extract.problems]
    assert "line 3, column request_date: '2025-13-01' is not a date" in found[0]
    assert any(p.startswith("line 3, column exceptions: 'perhaps' is not yes or no") for p in found)
    assert any(p.startswith("line 4, column reference:") for p in found)
    assert any(p.startswith("line 4, column review_decision: 'keep'") for p in found)


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("EHC-1,,2025-05-26,no,", "request_date"),  # issued with no request date
        ("EHC-1,2025-06-01,2025-05-26,no,", "issue_date"),  # issued before it was requested
    ],
)
def test_dates_that_need_each_other(row, column):
    [problem] = read(f"{HEADER}\n{row}\n").problems
    assert (problem.line, problem.column) == (2, column)


@pytest.mark.parametrize(
    "header", ["Child name", "Surname", "DOB", "Date of birth", "Address 1", "Postcode", "UPN"]
)
def test_a_column_of_personal_details_refuses_the_file(header):
    extract = read(f"{HEADER},{header}\nEHC-1,2025-01-06,2025-05-26,no,North,x\n")
    assert extract.rows == []
    [problem] = extract.problems
    assert (problem.line, problem.column) == (1, header)
    assert "remove this column" in problem.message


def test_a_mapping_renames_the_councils_headers(tmp_path):
    mapping_file = tmp_path / "capita.toml"
    mapping_file.write_text(
        '[columns]\n"Case Ref" = "reference"\n"EHC Request Date" = "request_date"\n'
        '"Final Plan Issued" = "issue_date"\n"Team name" = "team"\n',
        encoding="utf-8",
    )
    text = "Case Ref,EHC Request Date,Final Plan Issued,Team name,Notes\nA/17,01/02/2025,,East,x\n"
    extract = read(text, load_mapping(mapping_file))
    assert extract.problems == []
    assert extract.rows[0].reference == "A/17" and extract.rows[0].details == {"team": "East"}


def test_a_mapping_to_an_unknown_column_is_refused(tmp_path):
    mapping_file = tmp_path / "bad.toml"
    mapping_file.write_text('[columns]\n"Case Ref" = "case_reference"\n', encoding="utf-8")
    with pytest.raises(ExtractError, match="case_reference"):
        load_mapping(mapping_file)


def test_xlsx_with_real_dates():
    book = Workbook()
    sheet = book.active
    sheet.append(["reference", "request_date", "issue_date"])
    sheet.append(["EHC-9", date(2025, 1, 6), "26/05/2025"])
    data = io.BytesIO()
    book.save(data)
    extract = read_extract(data.getvalue(), "extract.xlsx", {})
    assert extract.problems == []
    assert extract.rows[0].values["request_date"] == date(2025, 1, 6)


def test_files_that_are_not_extracts():
    with pytest.raises(ExtractError, match="not a readable XLSX"):
        read_extract(b"not a workbook", "extract.xlsx", {})
    with pytest.raises(ExtractError, match="no header"):
        read_extract(b"", "extract.csv", {})
    [problem] = read("request_date,issue_date\n2025-01-01,2025-02-01\n").problems
    assert problem.column == "reference"


def test_a_workbook_packed_as_no_spreadsheet_program_packs_it_is_refused_unread():
    book = Workbook()
    book.active.append(["reference"])
    plain = io.BytesIO()
    book.save(plain)
    repacked = io.BytesIO()
    with (
        zipfile.ZipFile(plain) as source,
        zipfile.ZipFile(repacked, "w", zipfile.ZIP_BZIP2) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
    with pytest.raises(ExtractError, match="packed in a way Excel never uses"):
        read_extract(repacked.getvalue(), "extract.xlsx", {})


def test_targets_are_read_from_the_setting():
    from qa_audit.errors import QaAuditError
    from qa_audit.timeliness.measures import parse_targets

    assert parse_targets("") == {}
    assert parse_targets("within_20_weeks=0.6, reviews_on_time=1") == {
        "within_20_weeks": 0.6,
        "reviews_on_time": 1.0,
    }
    for bad in ("within_20_weeks=60%", "on_time=0.5", "reviews_on_time=1.5"):
        with pytest.raises(QaAuditError, match="TIMELINESS_TARGETS"):
            parse_targets(bad)
