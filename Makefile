.PHONY: run test bench load lint format

run:  ## set up, load demo data and serve on http://127.0.0.1:5000
	scripts/run.sh

test:  ## set up and run the whole test suite
	scripts/test.sh

bench:  ## performance benchmarks (medians and ratios to a baseline run alongside)
	scripts/setup.sh test
	.venv/bin/python -m benchmarks

load:  ## load test: 20 auditors and 2 SEN managers against gunicorn, on SQLite and PostgreSQL
	scripts/setup.sh test
	.venv/bin/python -m benchmarks.load

lint:
	.venv/bin/ruff check qa_audit tests benchmarks
	.venv/bin/ruff format --check qa_audit tests benchmarks

format:
	.venv/bin/ruff check --fix qa_audit tests benchmarks
	.venv/bin/ruff format qa_audit tests benchmarks
