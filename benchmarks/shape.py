"""The shape of the code, as issue 16's closing note counts it: lines, functions and their
median length, and the imports made inside functions (those under `if TYPE_CHECKING:` are
not in functions, so not counted), with how many are of backfit's own modules.

Usage: python benchmarks/shape.py [FOLDER]   (default: src/backfit)
"""

from __future__ import annotations

import ast
import statistics
import sys
from pathlib import Path


def measure(root: Path) -> str:
    lines, lengths, largest = 0, [], (0, "")
    inside: set[tuple[str, int, bool]] = set()  # each import once, however deeply nested
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        count = len(text.splitlines())
        lines += count
        largest = max(largest, (count, str(path.relative_to(root))))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lengths.append((node.end_lineno or node.lineno) - node.lineno + 1)
                for sub in ast.walk(node):
                    if isinstance(sub, ast.ImportFrom):
                        inside.add(
                            (str(path), sub.lineno, (sub.module or "").startswith("backfit"))
                        )
                    elif isinstance(sub, ast.Import):
                        inside.add((str(path), sub.lineno, sub.names[0].name.startswith("backfit")))
    own = sum(1 for _, _, is_own in inside if is_own)
    return (
        f"lines {lines}, functions {len(lengths)}, median function {statistics.median(lengths)} "
        f"lines, imports inside functions {len(inside)} (backfit's own {own}), "
        f"largest module {largest[1]} ({largest[0]} lines)"
    )


if __name__ == "__main__":
    print(measure(Path(sys.argv[1] if len(sys.argv) > 1 else "src/backfit")))
