"""Run newsctl's benchmarks: ``python bench/run.py [NAME ...] [--list] [--repeat N]``.

Each benchmark times a whole ``newsctl`` process against the plain library doing the same job,
measured side by side in the same run (so a noisy machine does not mislead), and prints the
ratio.  Peak memory is the child's own maximum resident set size (``wait4``).  Benchmarks are
not part of the test suite.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import benchmarks  # noqa: E402,F401  (registers every benchmark)
from harness import BENCHMARKS  # noqa: E402


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the benchmarks")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best is kept)")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(BENCHMARKS))
        return
    names = args.names or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        raise SystemExit(f"unknown benchmark(s): {', '.join(unknown)}; see --list")
    print(f"{'benchmark':<34} {'newsctl':>8} {'baseline':>8} {'ratio':>7} {'throughput':>12} {'peak RSS':>10}  target")
    for name in names:
        for result in BENCHMARKS[name](args.repeat):
            print(result.row(), flush=True)


if __name__ == "__main__":
    main()
