"""Run every benchmark in turn: ``make bench`` or ``python -m benchmarks [name ...]``.

Each benchmark prints medians and the ratio to a baseline it measures in the same run.
"""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main() -> int:
    wanted = set(sys.argv[1:])
    failed = 0
    for script in sorted(HERE.glob("*_bench.py")):
        name = script.stem.removesuffix("_bench")
        if wanted and name not in wanted:
            continue
        print(f"\n=== {name} ===", flush=True)
        env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
        # As a module: a child that reads a document would otherwise import the script again.
        command = [sys.executable, "-m", f"benchmarks.{script.stem}"]
        run = subprocess.run(command, check=False, env=env)  # noqa: S603
        failed += run.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
