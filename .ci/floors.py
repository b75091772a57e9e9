"""The lowest versions backfit allows, as pip constraints: each `name>=X` of pyproject's
dependencies and of its pdf extra becomes `name==X`. With --check, say whether those are
the versions installed.

Usage: python .ci/floors.py > floors.txt; pip install -c floors.txt -e ".[test]";
python .ci/floors.py --check
"""

import re
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.version import Version  # pytest's own dependency, so in the test venv

FLOOR = re.compile(r"^\s*([A-Za-z0-9_.-]+)\s*>=\s*([^,;\s]+)")


def floors() -> dict[str, str]:
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    found = {}
    # the dependencies, and the extras a user installs (backfit[pdf]), not the test tools
    extras = project["project"]["optional-dependencies"]
    for requirement in [*project["project"]["dependencies"], *extras["pdf"]]:
        match = FLOOR.match(requirement)
        if match is None:
            sys.exit(f"no floor in {requirement!r}: every dependency needs one")
        found[match[1]] = match[2]
    return found


def main() -> None:
    if sys.argv[1:] == ["--check"]:
        wrong = [
            f"{name} {version(name)} (floor {floor})"
            for name, floor in floors().items()
            if Version(version(name)) != Version(floor)  # 13.8 and 13.8.0 are one release
        ]
        if wrong:
            sys.exit("not at the floors: " + ", ".join(wrong))
        print("at the floors: " + ", ".join(f"{n}=={v}" for n, v in floors().items()))
        return
    print("\n".join(f"{name}=={floor}" for name, floor in floors().items()))


if __name__ == "__main__":
    main()
