"""The build's one step of its own: backfit(1), the man page, written from the command tree
of the code being built (`backfit.cli.manpage`) and shipped in the wheel's data as
share/man/man1/backfit.1, where pipx, pip and distribution packages put man pages. The
hook needs the runtime dependencies to import the command line (see pyproject.toml)."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MAN_PAGE = "share/man/man1/backfit.1"


class ManPageHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        sys.path.insert(0, str(Path(self.root) / "src"))
        from backfit.cli.manpage import manpage_text

        self._folder = Path(tempfile.mkdtemp(prefix="backfit-man-"))
        page = self._folder / "backfit.1"
        page.write_text(manpage_text(), encoding="utf-8")
        build_data["shared_data"][str(page)] = MAN_PAGE

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
