"""Command line: ``python -m data.generator --employees N --seed S --out DIR --format csv``.

``--sample`` regenerates the committed sample (300 people, seed 42) under ``data/sample``.
All generated data is fictional.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .export import write_demo
from .regency import generate_regency

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample"
SAMPLE_EMPLOYEES, SAMPLE_SEED = 300, 42


def write_sample(root: Path = SAMPLE_DIR) -> list[Path]:
    """The committed sample: ``root/csv/`` (CSV + _meta) and ``root/talenta-sample.xlsx``."""
    regency = generate_regency(SAMPLE_EMPLOYEES, SAMPLE_SEED)
    paths = write_demo(regency, root / "csv", "csv")
    with tempfile.TemporaryDirectory() as tmp:
        workbook = write_demo(regency, Path(tmp), "xlsx")[0]
        target = root / "talenta-sample.xlsx"
        shutil.move(str(workbook), target)
    return [*paths, target]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m data.generator",
        description="Generate a FICTIONAL regency's civil-servant records in Talenta's import format.",
    )
    parser.add_argument("--employees", type=int, default=2000, help="number of people (default 2000)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--out", type=Path, help="output folder")
    parser.add_argument("--format", choices=("csv", "xlsx", "jsonl", "siasn-flat", "sapk", "simpeg", "siasn-json", "duk"), default="csv", help="default csv")
    parser.add_argument("--sample", action="store_true", help="regenerate the committed sample in data/sample")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.sample:
        paths = write_sample()
        print(f"sampel {SAMPLE_EMPLOYEES} pegawai fiktif (seed {SAMPLE_SEED}) -> {SAMPLE_DIR}")
    else:
        if args.out is None:
            parser.error("--out is required (or use --sample)")
        regency = generate_regency(args.employees, args.seed)
        paths = write_demo(regency, args.out, args.format)
        print(f"{len(regency.employees)} pegawai fiktif ({regency.nama}, seed {args.seed}) -> {args.out}")
    for path in paths:
        print(f"  {path}")
    print(f"selesai dalam {time.perf_counter() - started:.1f} detik")
    return 0


if __name__ == "__main__":
    sys.exit(main())
