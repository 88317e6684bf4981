"""The advice quality audit: termly samples of professional advice, scored against an advice
matrix (``kind = "advice"``), with figures per source of advice."""
