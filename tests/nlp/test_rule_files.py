import json
import shutil

import pytest

from qa_audit.errors import QaAuditError
from qa_audit.nlp.advice import load_disciplines
from qa_audit.nlp.errors import RuleFileError
from qa_audit.nlp.paraphrases import load_paraphrases
from qa_audit.nlp.pipeline import get_nlp
from qa_audit.nlp.roles import load_roles
from qa_audit.nlp.rulefiles import load_cue_rules, rules_dir
from qa_audit.nlp.themes import load_themes, main_themes


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def cue_file(tmp_path, *entries, lists=None):
    return write(tmp_path, "cues.json", {"lists": lists or {}, "patterns": list(entries)})


def test_packaged_rule_files_load():
    folder = rules_dir()
    assert load_cue_rules(folder / "outcome_cues.json")
    assert load_cue_rules(folder / "provision_cues.json")
    assert load_themes().adulthood
    assert load_disciplines()
    assert load_paraphrases()
    assert load_roles().is_qualified("SaLT")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"groups": {}}, "'groups' must map ideas to phrase lists"),
        ({"groups": {"phonics": []}}, "group 'phonics': needs a phrase list"),
        ({"groups": {"phonics": ["phonics", 3]}}, "group 'phonics': phrases must be text"),
    ],
)
def test_bad_paraphrase_file_names_the_group(tmp_path, data, problem):
    shutil.copytree(rules_dir(), tmp_path, dirs_exist_ok=True)
    write(tmp_path, "send_paraphrases.json", data)
    with pytest.raises(RuleFileError, match=f"send_paraphrases.json.*{problem}"):
        load_paraphrases(str(tmp_path))


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"names": {}, "qualified": []}, "'names' must map roles to lists of names"),
        ({"names": {"nurse": ["nurse"]}, "qualified": ["medic"]}, "'qualified' must list roles"),
        ({"names": {"nurse": "nurse"}, "qualified": []}, "role 'nurse': needs a list of names"),
    ],
)
def test_bad_roles_file_names_the_entry(tmp_path, data, problem):
    write(tmp_path, "roles.json", data)
    with pytest.raises(RuleFileError, match=f"roles.json.*{problem}"):
        load_roles(str(tmp_path))


def test_error_is_a_domain_error_naming_file_and_entry(tmp_path):
    path = cue_file(
        tmp_path,
        {"id": "ok", "label": "TIME", "phrases": ["by july"]},
        {"id": "broken", "label": "WHEN", "phrases": ["soon"]},
    )
    with pytest.raises(QaAuditError) as caught:
        load_cue_rules(path)
    message = str(caught.value)
    assert "cues.json" in message
    assert "entry 2" in message
    assert "'broken'" in message
    assert "'WHEN'" in message


def test_invalid_json_reports_line(tmp_path):
    path = write(tmp_path, "cues.json", '{"patterns": [\n{"id": }]}')
    with pytest.raises(RuleFileError, match=r"cues.json is not valid JSON \(line 2"):
        load_cue_rules(path)


def test_missing_file(tmp_path):
    with pytest.raises(RuleFileError, match=r"nothere\.json was not found"):
        load_cue_rules(tmp_path / "nothere.json")


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"label": "TIME", "phrases": ["x"]}, "'id' is missing"),
        ({"id": "a", "label": "TIME"}, "exactly one of 'pattern' or 'phrases'"),
        ({"id": "a", "label": "TIME", "phrases": []}, "non-empty list"),
        ({"id": "a", "label": "TIME", "phrases": ["ok", "  "]}, "non-empty text"),
        ({"id": "a", "label": "TIME", "pattern": [{"LOWER": {"IN": "@nolist"}}]}, "'nolist'"),
        ({"id": "a", "label": "TIME", "pattern": [{"LOWERR": "by"}]}, "token pattern is not valid"),
        ({"id": "a", "label": "TIME", "pattern": "by july"}, "non-empty list of token specs"),
        ({"id": "a", "label": "TIME", "unless_near": "X", "phrases": ["x"]}, "'unless_near'"),
    ],
)
def test_bad_entries_are_rejected(tmp_path, entry, problem):
    with pytest.raises(RuleFileError, match="entry 1") as caught:
        load_cue_rules(cue_file(tmp_path, entry))
    assert problem in str(caught.value)


def test_duplicate_ids_are_rejected(tmp_path):
    entry = {"id": "twice", "label": "TIME", "phrases": ["by july"]}
    with pytest.raises(RuleFileError, match="'twice' is used twice"):
        load_cue_rules(cue_file(tmp_path, entry, entry))


def test_empty_word_list_is_rejected(tmp_path):
    entry = {"id": "a", "label": "TIME", "phrases": ["x"]}
    with pytest.raises(RuleFileError, match="list 'months'"):
        load_cue_rules(cue_file(tmp_path, entry, lists={"months": []}))


def test_word_lists_are_expanded(tmp_path):
    entry = {"id": "m", "label": "TIME", "pattern": [{"LOWER": {"IN": "@months"}}]}
    [rule] = load_cue_rules(cue_file(tmp_path, entry, lists={"months": ["july"]}))
    assert rule.pattern == [{"LOWER": {"IN": ["july"]}}]


def test_theme_words_must_be_single_lower_case_words(tmp_path):
    data = {
        "generic_words": ["will"],
        "areas_of_need": {"x": ["Reading"]},
        "adulthood": {"y": ["job"]},
    }
    write(tmp_path, "themes.json", data)
    with pytest.raises(RuleFileError, match=r"themes.json, 'areas_of_need.x': 'Reading'"):
        load_themes(str(tmp_path))


def test_only_adulthood_themes_may_hold_phrases(tmp_path):
    data = {
        "generic_words": ["will"],
        "areas_of_need": {"x": ["read"]},
        "adulthood": {"y": ["work experience", "post-16"]},
    }
    write(tmp_path, "themes.json", data)
    assert load_themes(str(tmp_path)).adulthood["y"] == {"work experience", "post-16"}
    load_themes.cache_clear()
    data["adulthood"]["y"] = ["work  experience"]
    write(tmp_path, "themes.json", data)
    with pytest.raises(RuleFileError, match=r"'adulthood.y': 'work  experience' must be a lower"):
        load_themes(str(tmp_path))
    data["adulthood"]["y"] = ["job"]
    data["areas_of_need"]["x"] = ["reading book"]
    write(tmp_path, "themes.json", data)
    with pytest.raises(RuleFileError, match=r"'areas_of_need.x': 'reading book' must be a single"):
        load_themes(str(tmp_path))


def test_advice_discipline_needs_valid_reflected_in(tmp_path):
    entry = {"id": "x", "source_terms": ["x"], "mention_terms": ["x"], "reflected_in": "nowhere"}
    write(tmp_path, "advice_sources.json", {"disciplines": [entry]})
    with pytest.raises(RuleFileError, match=r"entry 1 \('x'\): 'reflected_in'"):
        load_disciplines(str(tmp_path))


def test_pipeline_refuses_a_bad_rules_folder(tmp_path):
    for name in ("outcome_cues.json", "provision_cues.json"):
        shutil.copy(rules_dir() / name, tmp_path / name)
    data = json.loads((tmp_path / "provision_cues.json").read_text())
    data["patterns"][0]["label"] = "NOPE"
    (tmp_path / "provision_cues.json").write_text(json.dumps(data))
    with pytest.raises(RuleFileError, match=r"provision_cues\.json, entry 1"):
        get_nlp(rules_path=str(tmp_path))


def test_unknown_language_model_is_a_clear_error():
    with pytest.raises(QaAuditError, match="'no_such_model_xx' named in QA_AUDIT_SPACY_MODEL"):
        get_nlp(model="no_such_model_xx")


def test_main_themes_are_the_groups_with_most_words():
    groups = {"learning": frozenset({"write", "memory"}), "physical": frozenset({"pencil", "grip"})}
    assert main_themes(frozenset({"write", "pencil", "grip"}), groups) == {"physical"}
    assert main_themes(frozenset({"write", "pencil"}), groups) == {"learning", "physical"}
    assert main_themes(frozenset({"sleep"}), groups) == frozenset()


def test_a_changed_rules_setting_is_read_by_the_next_call(tmp_path, monkeypatch):
    """The pipeline is cached per setting, not once for the first one read."""
    for name in ("outcome_cues.json", "provision_cues.json"):
        shutil.copy(rules_dir() / name, tmp_path / name)
    default = get_nlp()
    monkeypatch.setenv("QA_AUDIT_NLP_RULES", str(tmp_path))
    assert get_nlp() is not default
    assert get_nlp() is get_nlp(rules_path=str(tmp_path))
    monkeypatch.delenv("QA_AUDIT_NLP_RULES")
    assert get_nlp() is default
