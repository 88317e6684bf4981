"""Feedback from children, young people and parents on their plan: single-use links, the
questions (from a TOML file beside the matrix) and their answers."""
