"""Version of the analyser's rules and logic; stored with every analysis result."""

ANALYSER_VERSION = "1.8.0"
"""Bump whenever a rule file or the flag logic changes, so stored results can be re-run."""
