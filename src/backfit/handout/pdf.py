"""A handout as a PDF, typeset by typst from `handout.typ`. The sheet goes in as JSON
through `sys.inputs`, so the template only ever shows the model's text as strings, never
as markup. Only the fonts typst bundles are used, so every machine makes the same bytes;
a sheet in Chinese also looks among the installed fonts for one of CJK_FONTS."""

from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING

import typst

from backfit.handout import model

if TYPE_CHECKING:
    from backfit.handout.model import Sheet

PAPER = {"a4": "a4", "letter": "us-letter"}  # ours -> typst's names


CJK_FONTS = (  # for a sheet in Chinese, the first of these installed (never bundled)
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
    "PingFang SC", "Microsoft YaHei",
)  # fmt: skip


UNKNOWN_FONT = "unknown font family"  # typst's warning for a font that is not installed


class PdfError(Exception):
    """typst could not typeset the sheet, or warned while doing it (a missing font is
    a sheet with empty boxes, so a warning fails too). The message is one line."""


class NoCjkFont(PdfError):
    """A sheet in Chinese, and no installed font that can draw it."""


def render(sheet: Sheet, *, paper: str) -> bytes:
    """The whole PDF (PDF/UA-1: tagged, fonts embedded), the same bytes for the same
    sheet."""
    template = files("backfit.handout").joinpath("handout.typ").read_bytes()
    inputs = {"sheet": model.to_json(sheet), "paper": PAPER[paper],
              "figure": ",".join(map(str, model.FIGURE_PRINTED))}  # fmt: skip
    chinese = sheet.lang.startswith("zh")
    if chinese:  # the installed fonts too: typst bundles none that draws Chinese
        inputs["cjk"] = ",".join(CJK_FONTS)
    try:
        pdf, warnings = typst.compile_with_warnings(
            template,
            format="pdf",
            sys_inputs=inputs,
            ignore_system_fonts=not chinese,
            # PDF/UA-1 checks the tags, and fails on a character no font can draw: typst
            # itself neither warns nor fails there, it prints an empty box (typst#5137).
            pdf_standards="ua-1",
        )
    except typst.TypstError as error:
        if chinese and "could not be displayed" in error.message:
            raise NoCjkFont(_one_line(error.message)) from error
        raise PdfError(_one_line(error.message)) from error
    # a CJK font asked for and not installed is no fault: the next one, or the error above
    warnings = [w for w in warnings if not (chinese and w.message.startswith(UNKNOWN_FONT))]
    if warnings:
        raise PdfError(_one_line(warnings[0].message))
    return pdf


def _one_line(message: str) -> str:
    return " ".join(message.split())
