"""Update the translation sources from the code and build the compiled files.

    .venv/bin/python scripts/translations.py

pyside6-lupdate collects every tr()/translate() text of desktop/ into
resources/translations/branchdesk_<lang>.ts (keeping what translators wrote);
translate the new entries with Qt Linguist (pyside6-linguist) or any .ts editor;
pyside6-lrelease then builds the .qm files the app loads. English is the source
language; branchdesk_en.ts only holds the English plural forms ("%n ticket(s)")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en", "pl")


def tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else name


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py")
                     if "cli" not in p.relative_to(ROOT / "desktop").parts)
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"branchdesk_{lang}.ts"
        subprocess.run([tool("pyside6-lupdate"), *sources, "-source-language", "en", "-target-language", lang,
                        "-no-obsolete", "-ts", str(ts)], cwd=ROOT, check=True)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
