"""Broken matrices: each problem is reported with the file, the line and the field."""

from __future__ import annotations

import pytest

from qa_audit.errors import MatrixError
from qa_audit.matrix import parse_matrix
from tests.matrix.conftest import SMALL_MATRIX, line_of


def errors_for(text: str) -> list[str]:
    with pytest.raises(MatrixError) as caught:
        parse_matrix(text, "matrix/area.toml")
    return str(caught.value).splitlines()


def broken(old: str, new: str) -> str:
    assert old in SMALL_MATRIX, old
    return SMALL_MATRIX.replace(old, new, 1)


def test_small_matrix_is_valid() -> None:
    assert parse_matrix(SMALL_MATRIX, "matrix/area.toml").id == "small"


def test_missing_descriptor_names_file_line_criterion_and_grade() -> None:
    text = broken('weak = "Outcomes are vague."\n', "")
    line = line_of(text, "[criteria.descriptors]")
    assert errors_for(text) == [
        f"matrix/area.toml, line {line}, criterion 'smart-outcomes': grade 'Weak' has no descriptor"
    ]


def test_blank_descriptor_points_at_its_own_line() -> None:
    text = broken('weak = "Advice is missing."', 'weak = "  "')
    line = line_of(text, 'weak = "  "')
    assert errors_for(text) == [
        f"matrix/area.toml, line {line}, criterion 'advice-reflected': "
        "grade 'Weak' has no descriptor"
    ]


def test_unknown_flag_code() -> None:
    text = broken('flags = ["vague"]', 'flags = ["vague", "woolly"]')
    assert errors_for(text) == [
        f"matrix/area.toml, line {line_of(text, 'woolly')}, criterion 'smart-outcomes': "
        "'flags' has unknown value 'woolly' (allowed: vague, not_measurable, not_time_bound, "
        "provision_not_outcome, outdated, no_linked_need, provision_not_quantified, "
        "golden_thread, advice_not_reflected, conversion_template, no_pfa_outcomes, "
        "long_sentence, hard_to_read, jargon)"
    ]


def test_duplicate_criterion_id_points_at_the_second_one() -> None:
    text = broken('id = "advice-reflected"', 'id = "smart-outcomes"')
    [error] = [e for e in errors_for(text) if "used twice" in e]
    line = line_of(text, 'id = "smart-outcomes"', occurrence=2)
    assert error == (
        f"matrix/area.toml, line {line}, "
        "criterion 'smart-outcomes': criterion id 'smart-outcomes' is used twice"
    )


def test_bad_target() -> None:
    text = broken("target = 0.9", "target = 90")
    assert errors_for(text) == [
        f"matrix/area.toml, line {line_of(text, 'target = 90')}, measure 'advice_reflected': "
        "'target' must be between 0 and 1, e.g. 0.85 for 85% (found 90)"
    ]


def test_measure_referring_to_unknown_criterion() -> None:
    text = broken('criteria = ["advice-reflected"]', 'criteria = ["advice"]')
    assert errors_for(text) == [
        f"matrix/area.toml, line {line_of(text, 'criteria = [')}, measure 'advice_reflected': "
        "criterion 'advice' does not exist in this matrix"
    ]


def test_bands_must_be_ordered() -> None:
    text = broken("amber_from = 0.8", "amber_from = 0.95")
    [error] = errors_for(text)
    assert error.startswith(f"matrix/area.toml, line {line_of(text, 'amber_from')}, measure")
    assert "'amber_from' (0.95) must not be above 'green_from' (0.9)" in error


def test_toml_syntax_error_reports_the_line() -> None:
    text = broken('title = "Outcomes"', 'title = "Outcomes')
    line = line_of(text, 'title = "Outcomes')
    [error] = errors_for(text)
    assert error.startswith(f"matrix/area.toml, line {line}: the file is not valid TOML (")


def test_unknown_section_and_missing_guidance() -> None:
    text = broken(
        'sections = ["E"]\nflags = ["vague"]\nguidance = "Check each outcome."\n',
        'sections = ["E", "H"]\nflags = ["vague"]\n',
    )
    errors = errors_for(text)
    criterion_line = line_of(text, "[[criteria]]")
    assert errors == [
        f"matrix/area.toml, line {criterion_line}, criterion 'smart-outcomes': "
        "'guidance' is missing",
        f"matrix/area.toml, line {line_of(text, 'sections')}, criterion 'smart-outcomes': "
        "'sections' has unknown value 'H' (allowed: A, B, C, D, E, F, G, H1, H2, I, J, K)",
    ]


def test_all_problems_are_reported_together() -> None:
    text = broken("target = 0.9", "target = 1.5")
    text = text.replace('flags = ["vague"]', 'flags = ["fuzzy"]')
    text = text.replace('mode = "auditor"', 'mode = "majority"')
    errors = errors_for(text)
    assert len(errors) == 3
    assert any("judgement: mode 'majority' is not known" in e for e in errors)
    assert any("'flags' has unknown value 'fuzzy'" in e for e in errors)
    assert any("'target' must be between 0 and 1" in e for e in errors)


def test_typo_in_field_name_is_reported() -> None:
    text = broken('guidance = "Check each outcome."', 'guidence = "Check each outcome."')
    errors = errors_for(text)
    assert any(
        e.startswith(f"matrix/area.toml, line {line_of(text, 'guidence')}, criterion")
        and "unknown field 'guidence'" in e
        for e in errors
    )


def test_descriptor_for_unknown_grade() -> None:
    text = broken('good = "Outcomes are SMART."', 'good = "Outcomes are SMART."\nfair = "x"')
    assert errors_for(text) == [
        f"matrix/area.toml, line {line_of(text, 'fair')}, criterion 'smart-outcomes': "
        "descriptor 'fair' is not a grade on the scale (good, weak)"
    ]


def test_criterion_in_unknown_domain() -> None:
    text = broken('domain = "outcomes"', 'domain = "provision"')
    line = line_of(text, 'domain = "provision"')
    assert errors_for(text) == [
        f"matrix/area.toml, line {line}, "
        "criterion 'smart-outcomes': domain 'provision' is not one of the [[domains]]"
    ]


def test_scale_needs_grades_on_both_sides_of_the_threshold() -> None:
    text = broken("meets_threshold = false", "meets_threshold = true")
    assert errors_for(text) == [
        f"matrix/area.toml, line {line_of(text, '[scale]')}, scale: at least one grade must "
        "meet the quality threshold and at least one must not"
    ]


def test_threshold_grades_must_come_first() -> None:
    text = broken("meets_threshold = true", "meets_threshold = false")
    text = text.replace(
        "meets_threshold = false\n\n[judgement]", "meets_threshold = true\n\n[judgement]"
    )
    [error] = errors_for(text)
    assert "must come before every grade that does not" in error


def test_weighted_mode_needs_threshold_and_points() -> None:
    text = broken('mode = "auditor"', 'mode = "weighted"')
    errors = errors_for(text)
    assert errors == [
        f"matrix/area.toml, line {line_of(text, '[[scale.grades]]')}, grade 'Good': "
        "'points' is missing: the weighted judgement needs points for every grade",
        f"matrix/area.toml, line {line_of(text, '[[scale.grades]]', 2)}, grade 'Weak': "
        "'points' is missing: the weighted judgement needs points for every grade",
        f"matrix/area.toml, line {line_of(text, '[judgement]')}, judgement: 'threshold' is missing",
    ]


def test_weighted_points_must_fall_and_threshold_lie_within_them() -> None:
    text = broken('mode = "auditor"', 'mode = "weighted"\nthreshold = 9')
    text = text.replace('label = "Good"', 'label = "Good"\npoints = 2')
    text = text.replace('label = "Weak"', 'label = "Weak"\npoints = 1')
    [error] = errors_for(text)
    assert error == (
        f"matrix/area.toml, line {line_of(text, 'threshold = 9')}, judgement: "
        "threshold 9 must lie between the worst and best grade points (1 to 2)"
    )
    reversed_points = text.replace("points = 2", "points = 0").replace(
        "threshold = 9", "threshold = 1"
    )
    [error] = errors_for(reversed_points)
    assert error.endswith("scale: points must go down from the best grade to the worst grade")


def test_threshold_outside_weighted_mode_is_rejected() -> None:
    text = broken('mode = "auditor"', 'mode = "auditor"\nthreshold = 2')
    [error] = errors_for(text)
    assert error.endswith("judgement: 'threshold' is only used when mode is \"weighted\"")


def test_key_criteria_mode_needs_a_key_criterion() -> None:
    text = broken('mode = "auditor"', 'mode = "key_criteria"')
    [error] = errors_for(text)
    assert error.endswith('mode "key_criteria" needs at least one criterion with key = true')


def test_measure_needs_exactly_one_source() -> None:
    both = broken(
        'criteria = ["advice-reflected"]', 'criteria = ["advice-reflected"]\nsource = "judgement"'
    )
    assert any("not both" in e for e in errors_for(both))
    neither = broken('criteria = ["advice-reflected"]\n', "")
    [error] = errors_for(neither)
    assert error.endswith('say what feeds the measure: source = "judgement" or criteria = [...]')


def test_unknown_plan_kind() -> None:
    text = broken("amber_from = 0.8", 'amber_from = 0.8\napplies_to = ["issued"]')
    assert any("'applies_to' has unknown value 'issued'" in e for e in errors_for(text))


def test_bad_ids_and_types() -> None:
    text = broken('id = "small"', 'id = "Small Matrix"')
    text = text.replace('flags = ["vague"]', 'flags = ["vague"]\nkey = "yes"\nweight = 0')
    errors = errors_for(text)
    assert errors == [
        "matrix/area.toml, line 1: 'id' must be lower-case letters, digits, '-' or '_' "
        "(found 'Small Matrix')",
        f"matrix/area.toml, line {line_of(text, 'key = ')}, criterion 'smart-outcomes': "
        "'key' must be true or false",
        f"matrix/area.toml, line {line_of(text, 'weight')}, criterion 'smart-outcomes': "
        "'weight' must be more than 0 (found 0)",
    ]


def test_empty_file_lists_every_missing_part() -> None:
    errors = errors_for("")
    assert "matrix/area.toml: 'scale' is missing" in errors
    assert "matrix/area.toml: 'criteria' is missing: add at least one [[criteria]] table" in errors
    assert "matrix/area.toml: 'id' is missing" in errors
    assert len(errors) == 6


def test_grades_must_be_tables() -> None:
    start, end = SMALL_MATRIX.index("[scale]"), SMALL_MATRIX.index("[judgement]")
    text = SMALL_MATRIX[:start] + "[scale]\ngrades = 3\n\n" + SMALL_MATRIX[end:]
    assert (
        f"matrix/area.toml, line {line_of(text, 'grades = 3')}, scale: "
        "'grades' must be written as [[scale.grades]] tables"
    ) in errors_for(text)


def test_toml_error_at_end_of_file_names_the_last_line() -> None:
    [error] = errors_for('id = "x"\ntitle = ')
    assert error == (
        "matrix/area.toml, line 2: "
        "the file is not valid TOML (Invalid value at the end of the file)"
    )


def test_unknown_ceiling_names_its_line() -> None:
    text = broken('mode = "auditor"', 'mode = "auditor"\nceiling = "best-ever"')
    assert errors_for(text) == [
        f"matrix/area.toml, line {line_of(text, 'best-ever')}, judgement: ceiling 'best-ever' "
        "is not known (use one of: best-criterion, median-criterion, none)"
    ]


def test_malformed_cap_reports_each_field_on_its_line() -> None:
    cap = (
        'mode = "auditor"\n\n[[judgement.caps]]\ncriteria = "most"\nat_or_below = "awful"\n'
        'overall_at_most = "weak"\nwhen = "always"'
    )
    text = broken('mode = "auditor"', cap)
    assert errors_for(text) == [
        f"matrix/area.toml, line {line_of(text, 'most')}, judgement cap number 1: "
        'criteria \'most\' is not known (use "key" for key criteria or "any" for every '
        "criterion)",
        f"matrix/area.toml, line {line_of(text, 'awful')}, judgement cap number 1: "
        "'at_or_below' names grade 'awful', which is not on the scale (grades: good, weak)",
        f"matrix/area.toml, line {line_of(text, 'when = ')}, judgement cap number 1: "
        "unknown field 'when' (known fields: at_or_below, criteria, overall_at_most)",
    ]


def test_cap_on_key_criteria_needs_a_key_criterion() -> None:
    cap = 'mode = "auditor"\n\n[[judgement.caps]]\ncriteria = "key"\nat_or_below = "weak"\n'
    text = broken('mode = "auditor"', cap + 'overall_at_most = "weak"')
    assert errors_for(text) == [
        f"matrix/area.toml, line {line_of(text, 'criteria = ')}, judgement cap number 1: "
        'caps "key" criteria, but no criterion is marked key = true'
    ]


def test_cap_without_its_grades_is_reported() -> None:
    text = broken('mode = "auditor"', 'mode = "auditor"\n\n[[judgement.caps]]\ncriteria = "any"')
    line = line_of(text, "[[judgement.caps]]")
    assert errors_for(text) == [
        f"matrix/area.toml, line {line}, judgement cap number 1: 'at_or_below' is missing",
        f"matrix/area.toml, line {line}, judgement cap number 1: 'overall_at_most' is missing",
    ]


def test_overall_rule_is_refused_where_the_overall_grade_is_worked_out() -> None:
    text = broken('mode = "auditor"', 'mode = "key_criteria"\nceiling = "none"')
    errors = errors_for(text)
    assert (
        f"matrix/area.toml, line {line_of(text, 'ceiling = ')}, judgement: 'ceiling' is only "
        'used when mode is "auditor": in mode "key_criteria" the overall grade is worked out '
        "from the criteria"
    ) in errors
