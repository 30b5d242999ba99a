"""Score ``newsctl clean`` on the real pages of the development set: ``python bench/eval_realpages.py``.

The set (real scraped pages, two text forms, hand-written gold and a scorer) is kept outside the
project, in ``../shared/realpages`` beside the checkout (or the folder given as the first
argument); nothing of it is copied here.  Prints the scorer's line for the article form, the
whole-page form, the saved HTML pages (scored against the article form's gold, each page handed
over under a ``.txt`` name so that newsctl must recognise it by its content) and the seed page.
Exits 0 when the folder is absent (nothing to score).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "realpages"


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    scorer = folder / "score.py"
    if not scorer.exists():
        print(f"no development set at {folder} (nothing to score)")
        return 0
    newsctl = shutil.which("newsctl")
    if newsctl is None:
        print("newsctl is not on PATH: install the project first (pip install -e .)")
        return 2
    with tempfile.TemporaryDirectory() as html_cases:
        for page in sorted((folder / "html").glob("*.html")):
            shutil.copyfile(page, Path(html_cases) / f"{page.stem}.raw")
            for extra in (".gold.txt", ".meta.json"):
                shutil.copyfile(folder / "article" / f"{page.stem}{extra}",
                                Path(html_cases) / f"{page.stem}{extra}")
        forms = {"article": folder / "article", "dump": folder / "dump",
                 "html": Path(html_cases), "seed": folder / "seed"}
        for form, cases in forms.items():
            result = subprocess.run([sys.executable, str(scorer), newsctl, str(cases),
                                     "--min-f1", "0", "--min-titles", "0", "--min-meta", "0"],
                                    capture_output=True, text=True)
            print(f"{form:8} {result.stdout.strip() or result.stderr.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
