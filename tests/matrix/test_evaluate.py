"""Plan judgements and measures, with expectations worked out by hand from the matrix files."""

from __future__ import annotations

import pytest

from qa_audit.errors import MatrixError
from qa_audit.matrix import Matrix, evaluate, parse_matrix, rag
from qa_audit.matrix.overall_rule import overall_limit, overall_problem
from tests.matrix.conftest import SMALL_MATRIX


def all_graded(matrix: Matrix, grade: str, **overrides: str | None) -> dict[str, str | None]:
    scores: dict[str, str | None] = {c.id: grade for c in matrix.criteria}
    scores.update({key.replace("_", "-"): value for key, value in overrides.items()})
    return scores


class TestAuditorMode:
    def test_good_plan(self, default_matrix: Matrix) -> None:
        result = evaluate(default_matrix, all_graded(default_matrix, "good"), "good")
        assert (result.grade, result.meets_threshold, result.complete) == ("good", True, True)
        assert result.measures == {
            "quality_threshold": True,
            "amended_quality_threshold": True,
            "advice_reflected": True,
            "current_template": True,
        }

    def test_overall_grade_decides_not_the_criteria(self, default_matrix: Matrix) -> None:
        scores = all_graded(default_matrix, "outstanding", advice_reflected="inadequate")
        result = evaluate(default_matrix, scores, "requires-improvement")
        assert result.grade == "requires-improvement"
        assert result.meets_threshold is False
        assert result.measures == {
            "quality_threshold": False,
            "amended_quality_threshold": False,
            "advice_reflected": False,
            "current_template": True,
        }

    def test_overall_above_the_rule_counts_as_the_best_grade_allowed(
        self, default_matrix: Matrix
    ) -> None:
        # stored before the matrix declared its rule: every criterion Inadequate, Outstanding
        result = evaluate(default_matrix, all_graded(default_matrix, "inadequate"), "outstanding")
        assert (result.grade, result.meets_threshold) == ("inadequate", False)
        assert result.overall_above_rule == "outstanding"
        assert result.measures["quality_threshold"] is False

    def test_overall_within_the_rule_is_kept(self, default_matrix: Matrix) -> None:
        scores = all_graded(default_matrix, "good", up_to_date="outstanding")
        result = evaluate(default_matrix, scores, "outstanding")
        assert (result.grade, result.overall_above_rule) == ("outstanding", None)

    def test_partial_draft(self, default_matrix: Matrix) -> None:
        result = evaluate(default_matrix, {"advice-reflected": "good", "up-to-date": None}, None)
        assert result.grade is None and result.meets_threshold is None
        assert result.measures == {
            "quality_threshold": None,
            "amended_quality_threshold": None,
            "advice_reflected": True,
            "current_template": None,
        }
        assert not result.complete
        assert len(result.missing) == len(default_matrix.criteria)  # 10 criteria + overall
        assert result.missing[-1] == "overall"
        assert "advice-reflected" not in result.missing

    def test_measures_outside_their_plan_kinds_are_none(self, default_matrix: Matrix) -> None:
        scores = all_graded(default_matrix, "good", current_template="inadequate")
        result = evaluate(default_matrix, scores, "good", plan_kind="amended")
        assert result.measures == {
            "quality_threshold": None,
            "amended_quality_threshold": True,
            "advice_reflected": None,
            "current_template": False,
        }

    def test_not_applicable_only_where_allowed(self, default_matrix: Matrix) -> None:
        scores = all_graded(default_matrix, "good", preparing_for_adulthood="n/a")
        assert evaluate(default_matrix, scores, "good").complete
        with pytest.raises(MatrixError, match="criterion 'smart-outcomes' cannot be graded 'n/a'"):
            evaluate(default_matrix, {"smart-outcomes": "n/a"}, None)

    def test_scores_from_another_matrix_are_refused(self, default_matrix: Matrix) -> None:
        with pytest.raises(MatrixError, match="has no criterion 'voice'"):
            evaluate(default_matrix, {"voice": "good"}, None)
        with pytest.raises(MatrixError, match="has no grade 'met'"):
            evaluate(default_matrix, {}, "met")


class TestKeyCriteriaMode:
    def test_all_key_criteria_met(self, key_criteria_matrix: Matrix) -> None:
        scores = all_graded(key_criteria_matrix, "met", pfa_outcomes="n/a")
        result = evaluate(key_criteria_matrix, scores, None)
        assert (result.grade, result.meets_threshold, result.complete) == ("met", True, True)
        assert result.measures == {"quality_threshold": True, "advice_reflected": True}

    def test_grade_is_the_lowest_key_grade(self, key_criteria_matrix: Matrix) -> None:
        scores = {
            "smart-outcomes": "partly-met",
            "pfa-outcomes": "met",
            "provision-quantified": "met",
            "advice-reflected": "not-met",
        }
        result = evaluate(key_criteria_matrix, scores, None)
        assert (result.grade, result.meets_threshold) == ("not-met", False)
        assert result.measures == {"quality_threshold": False, "advice_reflected": False}

    def test_non_key_criteria_do_not_change_the_judgement(
        self, key_criteria_matrix: Matrix
    ) -> None:
        scores = all_graded(key_criteria_matrix, "met", pfa_outcomes="not-met")
        assert evaluate(key_criteria_matrix, scores, None).meets_threshold is True
        scores["pfa-outcomes"] = None
        result = evaluate(key_criteria_matrix, scores, None)
        assert result.meets_threshold is True
        assert result.missing == ("pfa-outcomes",)

    def test_ungraded_key_criterion_leaves_judgement_open(
        self, key_criteria_matrix: Matrix
    ) -> None:
        scores = {"smart-outcomes": "met", "advice-reflected": "met"}
        result = evaluate(key_criteria_matrix, scores, None)
        assert (result.grade, result.meets_threshold) == (None, None)
        assert result.measures == {"quality_threshold": None, "advice_reflected": True}

    def test_a_failed_key_criterion_is_decisive_even_in_a_draft(
        self, key_criteria_matrix: Matrix
    ) -> None:
        result = evaluate(key_criteria_matrix, {"advice-reflected": "partly-met"}, None)
        assert result.measures["advice_reflected"] is False


class TestWeightedMode:
    # weights: smart-outcomes 3, provision-specific 2, voice 1, current-template 0.5 (total 6.5)
    # points: 4, 3, 2, 1; threshold 2.75
    @pytest.mark.parametrize(
        ("grades", "score", "grade", "meets"),
        [
            (("3", "3", "2", "4"), 19 / 6.5, "3", True),  # 9 + 6 + 2 + 2 = 19
            (("2", "3", "4", "4"), 18 / 6.5, "3", True),  # 6 + 6 + 4 + 2 = 18 -> 2.77
            (("2", "3", "3", "1"), 15.5 / 6.5, "2", False),  # 6 + 6 + 3 + 0.5 -> 2.38
            (("4", "4", "4", "4"), 4.0, "4", True),
            (("1", "1", "1", "1"), 1.0, "1", False),
        ],
    )
    def test_weighted_mean(
        self,
        weighted_matrix: Matrix,
        grades: tuple[str, ...],
        score: float,
        grade: str,
        meets: bool,
    ) -> None:
        ids = ("smart-outcomes", "provision-specific", "voice", "current-template")
        result = evaluate(weighted_matrix, dict(zip(ids, grades, strict=True)), None)
        assert result.score == pytest.approx(score)
        assert (result.grade, result.meets_threshold) == (grade, meets)
        assert result.measures["quality_threshold"] is meets
        assert result.measures["current_template"] is (grades[3] in {"3", "4"})

    def test_incomplete_scores_give_no_score(self, weighted_matrix: Matrix) -> None:
        result = evaluate(weighted_matrix, {"smart-outcomes": "4"}, None)
        assert (result.score, result.grade, result.meets_threshold) == (None, None, None)
        assert result.missing == ("provision-specific", "voice", "current-template")


class TestRag:
    @pytest.mark.parametrize(
        ("share", "expected"),
        [
            (1.0, "green"),
            (0.85, "green"),
            (17 / 20, "green"),
            (0.849, "amber"),
            (0.75, "amber"),
            (0.749, "red"),
            (0.0, "red"),
        ],
    )
    def test_quality_threshold_bands(
        self, default_matrix: Matrix, share: float, expected: str
    ) -> None:
        assert rag(default_matrix, "quality_threshold", share) == expected

    def test_bands_come_from_each_measure(self, default_matrix: Matrix) -> None:
        assert rag(default_matrix, "current_template", 0.99) == "amber"
        assert rag(default_matrix, "current_template", 0.89) == "red"
        assert rag(default_matrix, "advice_reflected", 0.85) == "amber"

    def test_green_defaults_to_target(self, key_criteria_matrix: Matrix) -> None:
        assert key_criteria_matrix.measure("quality_threshold").green_from == 0.80
        assert rag(key_criteria_matrix, "quality_threshold", 0.80) == "green"
        assert rag(key_criteria_matrix, "quality_threshold", 0.79) == "amber"

    def test_bad_share_or_measure(self, default_matrix: Matrix) -> None:
        with pytest.raises(ValueError, match="between 0 and 1"):
            rag(default_matrix, "quality_threshold", 85)
        with pytest.raises(KeyError):
            rag(default_matrix, "family_feedback", 0.5)


class TestOverallRule:
    """The best overall grade the matrix's rule allows (auditor mode)."""

    RULE = (
        'mode = "auditor"\nceiling = "{ceiling}"\n\n[[judgement.caps]]\ncriteria = "any"\n'
        'at_or_below = "weak"\noverall_at_most = "fair"'
    )

    def matrix(self, ceiling: str) -> Matrix:
        text = SMALL_MATRIX.replace('mode = "auditor"', self.RULE.format(ceiling=ceiling))
        fair = '[[scale.grades]]\nid = "fair"\nlabel = "Fair"\nmeets_threshold = false\n\n'
        text = text.replace('[[scale.grades]]\nid = "weak"', fair + '[[scale.grades]]\nid = "weak"')
        text = text.replace('weak = "Outcomes are vague."', 'fair = "Some."\nweak = "Vague."')
        text = text.replace('weak = "Advice is missing."', 'fair = "Some."\nweak = "None."')
        return parse_matrix(text, "rule.toml")

    def test_median_ceiling_takes_the_better_middle_grade(self) -> None:
        matrix = self.matrix("median-criterion")
        limit = overall_limit(matrix, {"smart-outcomes": "good", "advice-reflected": "fair"})
        assert limit is not None and limit.best == "good"

    def test_cap_reaches_below_the_ceiling(self) -> None:
        matrix = self.matrix("best-criterion")
        grades = {"smart-outcomes": "good", "advice-reflected": "weak"}
        assert overall_problem(matrix, grades, "good") == (
            "The overall grade cannot be Good: it can be no better than Fair because the "
            "criterion Advice reflected is graded Weak"
        )
        assert overall_problem(matrix, grades, "fair") is None

    def test_no_ceiling_leaves_only_the_caps(self) -> None:
        matrix = self.matrix("none")
        assert overall_limit(matrix, {"smart-outcomes": "fair", "advice-reflected": "fair"}) is None
