"""Statistics files in the DfE's published shapes, written here for the tests."""

from __future__ import annotations

CURRENT_HEADER = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    "region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,plans_issued_den,"
    "plans_issued_den_ex,plans_issued_within_20_weeks,plans_issued_20_weeks_ex,"
    "pc_plans_issued_within_20_weeks,pc_plans_issued_20_weeks_ex,avg_weeks_issue_plan"
)
# (period, level, region code, region name, new code, old code, name, issued ex, within ex, pc ex)
AREAS = (
    ("National", "", "", "", "", "", 60000, 27600, "46.0"),
    ("Regional", "E12000007", "London", "", "", "", 9000, 4050, "45.0"),
    ("Local authority", "E12000007", "London", "E09000001", "201", "Alpha", 400, 100, "25.0"),
    ("Local authority", "E12000007", "London", "E09000002", "202", "Beta", 300, 180, "60.0"),
    ("Local authority", "E12000007", "London", "E09000003", "203", "Gamma", 200, 140, "70.0"),
    ("Local authority", "E12000007", "London", "E09000004", "204", "Delta", 10, "c", "c"),
)


def current_file(years=("2023", "2024"), extra_rows: tuple[str, ...] = ()) -> bytes:
    lines = [CURRENT_HEADER]
    for shift, year in enumerate(years):
        for level, region, region_name, new, old, name, issued, within, pc in AREAS:
            if isinstance(within, int):
                within += shift * 10
                pc = f"{100 * within / issued:.1f}"
            for topic, value in (("All EHC plans", "All EHC plans"), ("Sex", "Girls")):
                lines.append(
                    f"{year},Calendar year,{level},E92000001,England,{region},{region_name},"
                    f"{new},{old},{name},{topic},{value},{issued},{issued},{within},{within},"
                    f"{pc},{pc},21.3"
                )
    return "\n".join([*lines, *extra_rows]).encode()


OLD_FILE = (
    b"time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    b"region_name,old_la_code,new_la_code,la_name,TotNoExcEHC,NoExc20weekEHC,NoExc20weekRate\n"
    b"2019,Calendar year,National,E92000001,England,,,,,,49519,29895,60.4\n"
    b"2019,Calendar year,Local authority,E92000001,England,E12000001,North East,841,E06000005,"
    b"Darlington,100,81,81.0\n"
)
