"""Termly samples of plans: reproducible random or stratified draws, targeted samples, hand
changes with reasons, and assignment of the sampled plans to auditors."""
