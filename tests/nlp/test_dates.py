from datetime import date

import pytest

from qa_audit.nlp.dates import SchoolContext, academic_year_end, target_date


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        ("by July 2024", date(2024, 7, 31)),
        ("by Sept 2026", date(2026, 9, 30)),
        ("by Easter 2026", date(2026, 4, 30)),
        ("by the end of the spring term 2025", date(2025, 4, 15)),
        ("by the end of the academic year 2025/26", date(2026, 8, 31)),
        ("by 2028", date(2028, 12, 31)),
        ("by her next review in May 2027", date(2027, 5, 31)),
    ],
)
def test_calendar_dates(frame, expected):
    assert target_date(frame) == expected


@pytest.mark.parametrize("frame", ["within 12 months", "by his next annual review", "by Year 6"])
def test_relative_frames_have_no_date(frame):
    assert target_date(frame) is None


def test_academic_year_end():
    assert academic_year_end(date(2025, 10, 1)) == date(2026, 8, 31)
    assert academic_year_end(date(2026, 3, 1)) == date(2026, 8, 31)


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        ("by the end of Year 6", date(2026, 8, 31)),
        ("by the end of Year 8", date(2028, 8, 31)),
        ("by the end of Key Stage 2", date(2026, 8, 31)),
        ("by the end of Year 4", date(2024, 8, 31)),
        ("by the end of Reception", date(2020, 8, 31)),
    ],
)
def test_school_stages_need_a_year_group(frame, expected):
    school = SchoolContext(year_group=6, on=date(2025, 11, 1))
    assert target_date(frame, school) == expected


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        ("by July 16", date(2016, 7, 31)),
        ("by July 16, 2026", date(2026, 7, 16)),
        ("by end-of-term 2024", date(2024, 12, 20)),
        ("by the end of the summer term 2025", date(2025, 8, 31)),
    ],
)
def test_dates_as_plans_write_them(frame, expected):
    assert target_date(frame) == expected


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        ("within the current academic year", date(2025, 8, 31)),
        ("over the course of 12 months", date(2026, 3, 10)),
        ("within 6 months", date(2025, 9, 10)),
        ("in 6 months' time", date(2025, 9, 10)),
        ("within the next year", date(2026, 3, 10)),
        ("within 3 weeks", date(2025, 4, 10)),
        ("by the next annual review", date(2026, 3, 10)),
        ("by his next review", date(2026, 3, 10)),
        ("by July 2027", date(2027, 7, 31)),
    ],
)
def test_relative_frames_count_from_the_plan_date(frame, expected):
    assert target_date(frame, start=date(2025, 3, 10)) == expected
