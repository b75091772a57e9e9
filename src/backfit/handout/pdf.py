"""A handout as a PDF, typeset by typst from `handout.typ`. The sheet goes in as JSON
through `sys.inputs`, so the template only ever shows the model's text as strings, never
as markup. Only the fonts typst bundles are used, so every machine makes the same bytes."""

from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING

import typst

from backfit.handout import model

if TYPE_CHECKING:
    from backfit.handout.model import Sheet

PAPER = {"a4": "a4", "letter": "us-letter"}  # ours -> typst's names


class PdfError(Exception):
    """typst could not typeset the sheet, or warned while doing it (a missing font is
    a sheet with empty boxes, so a warning fails too). The message is one line."""


def render(sheet: Sheet, *, paper: str) -> bytes:
    """The whole PDF (PDF/UA-1: tagged, fonts embedded), the same bytes for the same
    sheet."""
    template = files("backfit.handout").joinpath("handout.typ").read_bytes()
    inputs = {"sheet": model.to_json(sheet), "paper": PAPER[paper]}
    try:
        pdf, warnings = typst.compile_with_warnings(
            template,
            format="pdf",
            sys_inputs=inputs,
            ignore_system_fonts=True,
            # PDF/UA-1 checks the tags, and fails on a character no font can draw: typst
            # itself neither warns nor fails there, it prints an empty box (typst#5137).
            pdf_standards="ua-1",
        )
    except typst.TypstError as error:
        raise PdfError(_one_line(error.message)) from error
    if warnings:
        raise PdfError(_one_line(warnings[0].message))
    return pdf


def _one_line(message: str) -> str:
    return " ".join(message.split())
