"""Statutory timeliness from the council's case-management extract: 20-week issue, annual
reviews held on time, review decisions within 4 weeks and phase transfers by their deadline."""
