from __future__ import annotations

from qa_audit.matrix.locator import locate
from tests.matrix.conftest import SMALL_MATRIX, line_of


def test_top_level_key() -> None:
    assert locate(SMALL_MATRIX, ("title",)) == 2


def test_array_tables_are_counted() -> None:
    assert locate(SMALL_MATRIX, ("scale", "grades", 1)) == line_of(
        SMALL_MATRIX, "[[scale.grades]]", 2
    )
    assert locate(SMALL_MATRIX, ("scale", "grades", 1, "label")) == line_of(
        SMALL_MATRIX, 'label = "Weak"'
    )


def test_sub_table_of_the_right_array_item() -> None:
    assert locate(SMALL_MATRIX, ("criteria", 1, "descriptors", "weak")) == line_of(
        SMALL_MATRIX, 'weak = "Advice is missing."'
    )


def test_multiline_strings_are_skipped() -> None:
    # The second criterion's guidance contains "[each]" and 'id = "not-a-key"' lines.
    assert locate(SMALL_MATRIX, ("criteria", 1, "id")) == line_of(
        SMALL_MATRIX, 'id = "advice-reflected"'
    )
    assert locate(SMALL_MATRIX, ("criteria", 1, "sections")) == line_of(
        SMALL_MATRIX, 'sections = ["K"]'
    )


def test_missing_key_falls_back_to_its_table() -> None:
    assert locate(SMALL_MATRIX, ("measures", 0, "green_from")) == line_of(
        SMALL_MATRIX, "[[measures]]"
    )


def test_inline_and_dotted_keys() -> None:
    text = (
        'id = "x"\n\n[[criteria]]\nid = "a"\ndescriptors.good = "Fine"\ndescriptors.weak = "No"\n'
    )
    assert locate(text, ("criteria", 0, "descriptors", "good")) == 5
    assert locate(text, ("criteria", 0, "descriptors", "weak")) == 6
    assert locate(text, ("criteria", 0, "descriptors", "fair")) == 5
    inline = '[[criteria]]\nid = "a"\ndescriptors = { good = "Fine" }\n'
    assert locate(inline, ("criteria", 0, "descriptors", "good")) == 3


def test_unplaceable_path() -> None:
    assert locate("", ("measures", 4)) is None
    assert locate('title = "x"\n', ("id",)) is None
