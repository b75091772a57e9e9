"""The build's steps of its own, with the runtime dependencies installed (pyproject.toml):

- backfit(1), the man page, written from the command tree of the code being built
  (`backfit.cli.manpage`) and shipped in the wheel's data as share/man/man1/backfit.1,
  where pipx, pip and distribution packages put man pages;
- each language's words compiled from its .po into the .mo gettext reads (Babel's compile
  step), never at run time: into the wheel, or beside the .po for an editable install. Safety
  text (noted `safety` for the translators) goes in only where the .po marks it reviewed
  (translated back into English and compared): until then it is shown in English."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MAN_PAGE = "share/man/man1/backfit.1"


class BuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        self._folder = Path(tempfile.mkdtemp(prefix="backfit-build-"))
        sys.path.insert(0, str(Path(self.root) / "src"))
        self._compile_messages(version == "editable", build_data)
        from backfit.cli.manpage import manpage_text

        page = self._folder / "backfit.1"
        page.write_text(manpage_text(), encoding="utf-8")
        build_data["shared_data"][str(page)] = MAN_PAGE

    def _compile_messages(self, editable: bool, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        from backfit.i18n import unchecked

        locale = Path(self.root) / "src" / "backfit" / "locale"
        for po_path in sorted(locale.glob("*/LC_MESSAGES/*.po")):
            with po_path.open("rb") as handle:
                catalog = read_po(handle)
            for message in list(catalog):  # safety text only once checked
                if message.id and unchecked(message.auto_comments, message.flags):
                    catalog.delete(message.id, context=message.context)
            inside = po_path.with_suffix(".mo").relative_to(locale.parents[1])
            mo_path = po_path.with_suffix(".mo") if editable else self._folder / inside
            mo_path.parent.mkdir(parents=True, exist_ok=True)
            with mo_path.open("wb") as handle:
                write_mo(handle, catalog)  # fuzzy messages left out: said in English
            if not editable:
                build_data["force_include"][str(mo_path)] = str(inside)

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
