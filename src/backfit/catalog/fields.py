"""The kinds of value a catalog holds — text, labels, slugs, counts, seconds — each with
the check that keeps it honest. (No `from __future__ import annotations`: pydantic
builds the models faster from real annotations.)"""

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from backfit.text_safety import first_unsafe


def _printable(text: str) -> str:
    """Refuse characters a terminal would act on instead of print (ESC, bidi overrides, ...)."""
    position = first_unsafe(text, allowed="\n\t")
    if position is not None:
        raise PydanticCustomError(
            "control_character",
            "contains the control character U+{code} at position {position}",
            {"code": f"{ord(text[position]):04X}", "position": position + 1},
        )
    return text


def _prose(text: str) -> str:
    text = _printable(text.strip())
    if not text:
        raise PydanticCustomError("empty", "must not be empty")
    return text


def _label(text: str) -> str:
    text = _prose(text)
    if len(text) > 80:
        raise PydanticCustomError(
            "too_long", "must be at most 80 characters, not {n}", {"n": len(text)}
        )
    return text


# Plain validator functions rather than pydantic's constraint types: importing those
# (pydantic.types, annotated_types) costs more start-up time than the checks themselves.
Prose = Annotated[str, AfterValidator(_prose), WithJsonSchema({"type": "string", "minLength": 1})]
Label = Annotated[
    str,
    AfterValidator(_label),
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 80}),
]
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _slug(text: str) -> str:
    if not (_SLUG.fullmatch(text) and len(text) <= 60):
        raise PydanticCustomError(
            "slug",
            "'{text}' is not a valid id: use up to 60 lowercase letters, digits and single "
            "hyphens, like 'bird-dog'",
            {"text": text[:60]},
        )
    return text


Slug = Annotated[
    str,
    AfterValidator(_slug),
    WithJsonSchema({"type": "string", "pattern": f"^{_SLUG.pattern}$", "maxLength": 60}),
]
SourceId = Slug


class Model(BaseModel):
    # Validators are built when first needed: a catalog from the cache (cache.py) needs none.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


def https_url(url: str) -> str:
    if not re.fullmatch(r"https://[^\s/]+\S*", url):
        raise PydanticCustomError("url", "must be a web address starting with https://")
    return _printable(url)


def pain_range(text: str) -> str:
    if not re.fullmatch(r"\d{1,2}(-\d{1,2}|\+)?", text):
        raise PydanticCustomError("pain_range", "must be a pain score or range, like '0-3' or '6+'")
    return text


Year = Annotated[int, Field(strict=True, ge=1800, le=2100)]


Sets = Annotated[int, Field(strict=True, gt=0, le=20)]
Count = Annotated[int, Field(strict=True, gt=0, le=100)]
Reps = Count | Annotated[tuple[Count, ...], Field(min_length=1, max_length=20)]
Seconds = Annotated[int, Field(strict=True, gt=0, le=600)]
Flag = Annotated[bool, Field(strict=True)]


Days = Annotated[int, Field(strict=True, gt=0, le=60)]
Weeks = Annotated[int, Field(strict=True, gt=0, le=52)]
