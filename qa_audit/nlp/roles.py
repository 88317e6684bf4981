"""Who delivers provision, by the names advice and plans give them (``rules/roles.json``): "TA"
names a teaching assistant, "SaLT" a speech and language therapist; and which roles are
qualified professionals whose place a less qualified person cannot take."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from qa_audit.nlp.errors import RuleFileError
from qa_audit.nlp.rulefiles import read_json, rules_dir

ROLES_FILE = "roles.json"


@dataclass(frozen=True)
class Roles:
    names: dict[str, frozenset[str]]  # each name -> every name of the roles it can be
    qualified: frozenset[str]  # names that can be a qualified professional

    def names_of(self, role: str) -> frozenset[str]:
        """Every name the role ``role`` goes by (itself when no role lists it)."""
        name = self._known(role)
        return self.names.get(name, frozenset({name}))

    def is_qualified(self, role: str) -> bool:
        return self._known(role) in self.qualified

    def _known(self, role: str) -> str:
        """``role`` in lower case, in the singular when only that is listed ("TAs")."""
        name = role.lower()
        if name not in self.names and name.endswith("s") and name[:-1] in self.names:
            return name[:-1]
        return name


@lru_cache(maxsize=4)
def load_roles(rules_path: str | None = None) -> Roles:
    path = rules_dir(rules_path) / ROLES_FILE
    data = read_json(path)
    groups, qualified = data.get("names"), data.get("qualified")
    if not isinstance(groups, dict) or not groups:
        raise RuleFileError(f"Rule file {path.name}: 'names' must map roles to lists of names.")
    if not isinstance(qualified, list) or not all(q in groups for q in qualified):
        raise RuleFileError(f"Rule file {path.name}: 'qualified' must list roles of 'names'.")
    names: dict[str, set[str]] = {}
    skilled: set[str] = set()
    for role, given in groups.items():
        if not isinstance(given, list) or not all(isinstance(n, str) and n for n in given):
            raise RuleFileError(f"Rule file {path.name}, role '{role}': needs a list of names.")
        every = {role.lower(), *(n.lower() for n in given)}
        for name in every:
            names.setdefault(name, set()).update(every)
        if role in qualified:
            skilled |= every
    return Roles({n: frozenset(same) for n, same in names.items()}, frozenset(skilled))
