"""The one step every TOML data file goes through: text to a table reader whose problems name
the file and the line (matrices, family questions and alert rules all use it)."""

from __future__ import annotations

import pytest

from qa_audit.errors import MatrixError
from qa_audit.matrix.loading import parse_data_file


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'title = "Area"\nlimit = \nother = 3\n',
            "area.toml, line 2: the file is not valid TOML (Invalid value, column 9)",
        ),
        (
            'title = "Area"\n\n[part\n',
            "area.toml, line 3: the file is not valid TOML "
            "(Expected ']' at the end of a table declaration, column 6)",
        ),
        (
            'title = "Area"\nnote = "never closed',
            "area.toml, line 2: the file is not valid TOML "
            "(Unterminated string at the end of the file)",
        ),
    ],
)
def test_bad_syntax_names_the_source_and_line(text: str, expected: str) -> None:
    with pytest.raises(MatrixError) as caught:
        parse_data_file(text, "area.toml")
    assert str(caught.value) == expected


def test_text_is_parsed_without_reading_any_file(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # a file named like the source must not be looked for
    root = parse_data_file('title = "Area"\n', "missing.toml")
    assert root.text("title") == "Area"
    assert root.problems.found == []


def test_problems_found_while_reading_name_the_line_of_the_field() -> None:
    root = parse_data_file('title = "Area"\n\n[part]\ncount = "many"\n', "area.toml")
    root.reject_unknown({"title"})
    root.problems.add(("part", "count"), "part", "'count' must be a whole number")
    with pytest.raises(MatrixError) as caught:
        root.problems.raise_if_any()
    assert str(caught.value).splitlines() == [
        "area.toml, line 3: unknown field 'part' (known fields: title)",
        "area.toml, line 4, part: 'count' must be a whole number",
    ]
