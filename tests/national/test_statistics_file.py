"""Reading the DfE's EHC plan timeliness file: both published layouts, rows for all plans only,
withheld figures kept as none, and every bad file refused in plain words."""

from __future__ import annotations

import pytest

from qa_audit.national.statistics_file import StatisticsFileError, read_statistics_file
from tests.national.files import CURRENT_HEADER, OLD_FILE, current_file


def test_the_current_layout_gives_one_figure_per_area_and_year():
    figures = read_statistics_file(current_file())
    assert len(figures) == 12  # six areas, two years; the breakdown by sex is left out
    england = next(
        f for f in figures if f.geographic_level == "National" and f.time_period == "2024"
    )
    assert (england.area_code, england.area_name, england.issued) == ("E92000001", "England", 60000)
    assert england.within_20_weeks == 27610 and england.share == pytest.approx(0.460, abs=1e-3)
    alpha = next(f for f in figures if f.area_name == "Alpha" and f.time_period == "2023")
    assert (alpha.area_code, alpha.share) == ("E09000001", 0.25)
    delta = next(f for f in figures if f.area_name == "Delta")
    assert delta.share is None and delta.within_20_weeks is None  # withheld ("c")
    region = next(f for f in figures if f.geographic_level == "Regional")
    assert (region.area_code, region.area_name) == ("E12000007", "London")


def test_the_older_layout_is_read_by_its_own_column_names():
    figures = read_statistics_file(OLD_FILE)
    darlington = next(f for f in figures if f.geographic_level == "Local authority")
    assert (darlington.area_code, darlington.share, darlington.issued) == ("E06000005", 0.81, 100)


def test_a_share_is_worked_out_from_the_counts_when_no_percentage_column():
    data = (
        b"time_period,geographic_level,country_code,new_la_code,la_name,plans_issued_den_ex,"
        b"plans_issued_20_weeks_ex\n2024,National,E92000001,,,200,50\n"
        b"2024,Local authority,E92000001,E09000001,Alpha,10,4\n"
    )
    figures = read_statistics_file(data)
    assert [f.share for f in figures] == [0.25, 0.4]


def test_a_missing_column_is_named():
    header = CURRENT_HEADER.replace("pc_plans_issued_20_weeks_ex", "something_else").replace(
        "plans_issued_den_ex", "other"
    )
    with pytest.raises(StatisticsFileError, match="pc_plans_issued_20_weeks_ex") as found:
        read_statistics_file((header + "\n").encode())
    assert "no column was found for the percentage of plans issued within 20 weeks" in str(
        found.value
    )
    with pytest.raises(StatisticsFileError, match=r"local authority code \(new_la_code"):
        read_statistics_file(b"time_period,geographic_level,country_code,la_name,NoExc20weekRate\n")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "no header row"),
        (b"\x00\x01\x02binary", "not a CSV file"),
        (b"name,address\nSam,1 High St\n", "does not look like the DfE"),
    ],
)
def test_files_that_are_not_the_statistics_file_are_refused(data, message):
    with pytest.raises(StatisticsFileError, match=message):
        read_statistics_file(data)


def test_bad_values_refuse_the_whole_file_with_their_lines():
    bad = current_file(
        extra_rows=(
            "2024,Calendar year,Local authority,E92000001,England,E12000007,London,E09000009,"
            "209,Zeta,All EHC plans,All EHC plans,10,10,5,5,fifty,fifty,20",
            "2024,Calendar year,Local authority,E92000001,England,E12000007,London,E09000008,"
            "208,Eta,All EHC plans,All EHC plans,10,10,12,12,120,120,20",
            "2024,Calendar year,Local authority,E92000001,England,E12000007,London,E09000002,"
            "202,Beta,All EHC plans,All EHC plans,300,300,190,190,63.3,63.3,20",
        )
    )
    with pytest.raises(StatisticsFileError, match="Nothing was changed") as found:
        read_statistics_file(bad)
    problems = found.value.problems
    assert "line 26: 'fifty' is not a number (percentage)" in problems
    assert "line 27: the 20-week percentage 120 is not from 0 to 100" in problems
    assert "line 27: more plans within 20 weeks than plans issued" in problems
    assert "line 28: Beta 2024 appears twice" in problems


def test_a_file_without_england_or_local_authorities_is_refused():
    only_england = (CURRENT_HEADER + "\n" + current_file().decode().split("\n")[1]).encode()
    with pytest.raises(StatisticsFileError, match=r"needs rows for England .* and for local"):
        read_statistics_file(only_england)
