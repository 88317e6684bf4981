"""Password hashing with argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane), and
the one rule for a new password: long enough, and not one of the commonest passwords."""

from __future__ import annotations

import string
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 128

TOO_COMMON = (
    "This password is one of the most common passwords, so it is easy to guess. "
    "Choose a different one: a few words you will remember work well"
)
REPEATED_PIECE = (
    "This password is one short piece repeated, so it is easy to guess. "
    "Choose a different one: a few words you will remember work well"
)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


@cache
def common_passwords() -> frozenset[str]:
    """The 30,000 commonest passwords from leaked lists, as the zxcvbn package ships them
    (lower case), loaded once per process."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def is_common(password: str) -> bool:
    """A common password, in any mix of case, or one with digits or symbols added at either end
    (``Qwerty123456!``, ``!!password2024``)."""
    lowered = password.lower()
    trimmed = lowered.strip(string.digits + string.punctuation + " ")
    common = common_passwords()
    return lowered in common or (trimmed != lowered and trimmed in common)


def is_repeated(password: str) -> bool:
    """One short piece over and over (``abcabcabcabc``, ``passwordpassword``, ``!!!!!!!!!!!!``)."""
    lowered = password.lower()
    return (lowered + lowered).find(lowered, 1) < len(lowered)


def password_problem(password: str) -> str | None:
    """Plain-English reason a new password is refused, or None. Every place a password is set
    (a set-password link, a change, ``qa-audit create-user``) asks this one function."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Password must be at least {MIN_PASSWORD_LENGTH} characters"
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"Password must be {MAX_PASSWORD_LENGTH} characters or fewer"
    if is_common(password):
        return TOO_COMMON
    if is_repeated(password):
        return REPEATED_PIECE
    return None
