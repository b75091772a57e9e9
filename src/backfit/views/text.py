"""Text as backfit breaks it into lines: Rich's `Text`, except that where it holds Chinese
it is broken by Chinese rules (between characters; no line starts with closing punctuation
or ends with opening punctuation; a number stays with its unit, 5 秒; a word, an option or
a command in Latin letters stays whole, so that it can be copied: backfit start bird-dog
--full), where Rich would fold a run of Chinese anywhere, even before a "，", and any word
that touches it (--activ|ity). Text without Chinese is broken exactly as Rich breaks it.
Views build their text with this `Text`, so every paragraph, table cell and box follows
the rules wherever it is wrapped, at whatever width."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any, NamedTuple

from rich.cells import cell_len
from rich.containers import Lines
from rich.text import Text as RichText

if TYPE_CHECKING:
    from rich.console import Console, JustifyMethod, OverflowMethod


class Text(RichText):
    """Rich's `Text`, wrapped by `wrapped` where it holds Chinese."""

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        if no_wrap or not has_chinese(self.plain):
            return super().wrap(console, width, justify=justify, overflow=overflow,
                                tab_size=tab_size, no_wrap=no_wrap)  # fmt: skip
        lines = Lines(wrapped(console, self, width))
        if justify := justify or self.justify:
            lines.justify(console, width, justify=justify, overflow=overflow or "fold")
        return lines


ADDRESS = re.compile(r"\W{0,2}(?:https?://|www\.)\S+")  # a word that is a web address


# How firmly a place where a line could start is held to what is before it: not at all; as
# a separator (' · ', ' × ') that ends the line before it; as a word of a command; as the
# value of an option (--format html); or by a rule (punctuation, a number and its unit).
# A piece too wide for a line is parted where it is held least firmly, then the next least.
FREE, SEPARATOR, COMMAND_WORD, OPTION_VALUE, RULED = range(5)


def wrapped(console: Console, text: RichText, width: int) -> list[RichText]:
    """`text` as lines of at most `width` cells, broken between words as Rich breaks them,
    except that a web address too long for a line is never split: it gets a line of its
    own and runs past the width, whole. Any other word too long for a line is folded, as
    Rich does. (Rich's own wrap either folds every long word or crops it.)"""
    lines: list[RichText] = []
    for paragraph in text.split(allow_blank=True):
        if paragraph.cell_len <= width:  # most do: nothing to break
            paragraph.rstrip()
            lines.append(paragraph)
            continue
        breaks, used = [], 0
        for start, word in _units(paragraph.plain, width):
            if used and used + cell_len(word.rstrip()) > width:
                breaks.append(start)
                used = 0
            used += cell_len(word)
        for line in paragraph.divide(breaks):
            line.rstrip()
            if line.cell_len > width and not ADDRESS.fullmatch(line.plain.strip()):
                lines += RichText.wrap(line, console, width, overflow="fold")  # Rich's own fold
            else:
                lines.append(line)
    return lines


def broken(plain: str, width: int) -> list[str]:
    """A line of plain text (no newlines) as lines of at most `width` cells where it can be
    broken (`_units`); a unit wider than `width` gets a line of its own. For text Click
    wraps (the help), which Rich never sees."""
    lines, line = [], ""
    for _, unit in _units(plain, width, firmest=OPTION_VALUE):  # Click cannot fold one
        if line and cell_len(line + unit.rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        line += unit
    return [*lines, line.rstrip()] if line or not lines else lines


def pieces(plain: str, width: int) -> list[str]:
    """The pieces of a line of plain text that a line may start with, each with the spaces
    after it, as they are kept for lines of `width` cells: in text without Chinese, its
    words; at width 0, the least the rules never part (a word, a Chinese character with the
    punctuation held to it, a number with its unit)."""
    return [piece for _, piece in _units(plain, width)]


def _units(text: str, width: int, *, firmest: int = RULED) -> list[tuple[int, str]]:
    """The pieces a line may start with, and where each starts: words with the spaces after
    them, as Rich has them. In Chinese, each character too, except that no line starts with
    closing punctuation (。，）…) or ends with opening punctuation (（「…), a number stays
    with its unit (5 秒, 10 s), a letter alone with the Chinese after it (U 形), and a
    command stays whole with its arguments (backfit start bird-dog --full), as does an
    option with its value (--format html), so that it can be copied; a run of letters,
    digits and signs (a word, --activity, a web address) is never parted here, where Rich
    alone parts it wherever Chinese touches it. A piece wider than `width` comes as the
    pieces it holds, held no more firmly than `firmest`: a command as its words, then
    '（--all）' as '（', '--all' and '）'; only a run that alone is wider than `width` is
    left to be folded."""
    if not _marked(text):
        return [(word.start(), word.group()) for word in WORD.finditer(text)]
    starts = _starts(text)
    at, held = list(starts), list(starts.values())
    cut = _pieces(text, (at, held), 0, len(text), width, (FREE, firmest))
    return [(a, text[a:b]) for a, b in cut]


def _pieces(
    text: str, starts: tuple[list[int], list[int]], a: int, b: int, width: int,
    holds: tuple[int, int],
) -> list[tuple[int, int]]:  # fmt: skip
    """`text[a:b]` cut where a line may start and nothing holds it more firmly than
    `loosest`; a piece wider than `width` is cut again where it is held a step more firmly,
    and last where the rules hold it, into as few pieces as fit (`_filled`); `holds`: the
    loosest hold and the firmest that may be cut."""
    loosest, firmest = holds
    at, held = starts  # where a line may start, in order, and how firmly it is held there
    inside = range(bisect_right(at, a), bisect_left(at, b))
    cuts = [a, *(at[k] for k in inside if held[k] <= loosest), b]
    found: list[tuple[int, int]] = []
    for start, end in pairwise(cuts):
        if loosest == firmest or not _too_wide(text, at, start, end, width):
            found.append((start, end))
            continue
        finer = _pieces(text, starts, start, end, width, (loosest + 1, firmest))
        found += _filled(text, finer, width) if loosest + 1 == RULED else finer
    return found


def _filled(text: str, parts: list[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    """What the rules hold together but `width` cannot, in as few pieces as fit it: cut
    where the rules still hold (never after '（' or before '）、') or after a hyphen of a
    slug set in Chinese punctuation ('（back-extension-on-' and 'elbows）、'); where that cannot be,
    between the pieces the rules hold, keeping each word whole to be copied ('（',
    '--no-motion', '）。'). A run too wide for any line stays whole, to be folded."""
    a, b = parts[0][0], parts[-1][1]
    between = [end for (_, end), _ in pairwise(parts)]
    ruled = [end for end in between if text[end - 1] not in OPENING and text[end] not in CLOSING]
    for slug in SLUG.finditer(text, a, b):
        ruled += [slug.start() + n + 1 for n, char in enumerate(slug.group()) if char == "-"]
    for cuts in (ruled, between):
        places = [a, *sorted(set(cuts)), b]
        if not any(_wider(text[x:y], width) for x, y in pairwise(places)):
            return _greedy(text, places, width)
    return [(a, b)]


def _greedy(text: str, places: list[int], width: int) -> list[tuple[int, int]]:
    """`places` joined into as few pieces as fit `width`, each from one place to another."""
    filled = [(places[0], places[1])]
    for x, y in pairwise(places[1:]):
        if _wider(text[filled[-1][0] : y], width):
            filled.append((x, y))
        else:
            filled[-1] = (filled[-1][0], y)
    return filled


def _too_wide(text: str, at: list[int], start: int, end: int, width: int) -> bool:
    """Whether `text[start:end]` is wider than `width` and could be cut again (no character
    takes more than two cells: most pieces are settled without being measured)."""
    if 2 * (end - start) <= width or bisect_left(at, end) <= bisect_right(at, start):
        return False
    return _wider(text[start:end], width)


def _wider(piece: str, width: int) -> bool:
    return cell_len(piece.rstrip()) > width


def _starts(text: str) -> dict[int, int]:
    """Where a line may start in Chinese text, each with how firmly it is held there."""
    rules, text = _rules(), _folded(text)
    ruled = {match.start() for match in rules.punctuated.finditer(text)}
    ruled.update(match.end() for match in rules.number_unit.finditer(text))
    separators = {match.start() for match in rules.separated.finditer(text)}
    commands = _inside_commands(text)
    starts: dict[int, int] = {}
    for match in rules.may_start.finditer(text, 1):
        i = match.start()
        if i in ruled:
            starts[i] = RULED
        else:
            starts[i] = SEPARATOR if i in separators else commands.get(i, FREE)
    return starts


def _inside_commands(text: str) -> dict[int, int]:
    """In `_folded` text, where each word after the first of a command or an option starts,
    and how firmly it is held: a command is `backfit` (or `pip`) and the words after it, an
    option a word that starts with '-' and the words after it (its value), up to Chinese, a
    separator (' · ') or a word that ends a clause (',' or ';')."""
    inside: dict[int, int] = {}
    for group in _rules().words_in_a_row.finditer(text):
        held = FREE  # how firmly the next word is held to the words before it
        for word in re.finditer(r"\S+", group.group()):
            said = word.group()
            if not any(char.isalnum() for char in said):  # a separator ends a command
                held = FREE
            elif held:
                inside[group.start() + word.start()] = COMMAND_WORD if said[0] == "-" else held
            if said[-1] in ",;":
                held = FREE
            elif said.startswith("-") and COMMAND.match(said):  # an option: its value follows
                held = OPTION_VALUE
            elif held or COMMAND.match(said):
                held = max(held, COMMAND_WORD)
    return inside


class RuledText:
    """What a console's `print` (and so its `input`, and Rich's prompts) shows, broken by
    this module's rules: Rich joins the strings and texts it is given into a `Text` of its
    own, whose `wrap` is Rich's, whatever they were. A render hook (Rich's `RenderHook`, by
    its one method: `rich.console` is not loaded for `--help`) that takes each such Text as
    this module's `Text`, after the joining, before the wrapping. `backfit.output` gives
    its consoles one."""

    def process_renderables(self, renderables: list[Any]) -> list[Any]:
        return [ruled_text(r) if type(r) is RichText else r for r in renderables]


def ruled_text(text: RichText) -> Text:
    """`text` as this module's `Text`: the same characters, styles and settings."""
    ours = Text(text.plain, text.style, justify=text.justify, overflow=text.overflow,
                no_wrap=text.no_wrap, end=text.end, tab_size=text.tab_size)  # fmt: skip
    ours.spans = text.spans
    return ours


def has_chinese(text: str) -> bool:
    return any(_cjk(char) for char in text)


CLOSING = set("。，、；：！？）」』】》”’")  # a line never starts with one of these
OPENING = set("（「『【《“‘")  # and never ends with one of these
# Chinese and its punctuation, as the patterns see it: every character is one HAN, so that
# no class spans the thousands of characters whose compiling took 7 ms of a run (`_folded`)
HAN = "\u4e00"
_MARKS = f"\u3000-\u303f{HAN}\uff00-\uffef"
_NOT_LATIN = f"\\s{_MARKS}"
WORD = re.compile(r"\s*\S+\s*")  # a word with the spaces after it, as Rich has them
# A slug set in Chinese punctuation, as a name's is (（back-extension-on-elbows）, 、bird-dog、),
# not a word of a command, after a space (apt install fonts-noto-cjk)
SLUG = re.compile("(?<=[（、：，])[a-z]+(?:-[a-z]+)+(?=[）、：，。；])")
COMMAND = re.compile(r"\W*(?:backfit|pip)$|-{1,2}[A-Za-z]")
UNITS = "ms|s|sec|min|h|kg|g|lbs?|cm|mm|km|m|%"


class _Rules(NamedTuple):
    may_start: re.Pattern[str]
    punctuated: re.Pattern[str]
    words_in_a_row: re.Pattern[str]
    separated: re.Pattern[str]
    number_unit: re.Pattern[str]


@cache
def _rules() -> _Rules:
    """The patterns of the Chinese rules, made the first time Chinese is broken, for text
    `_folded` first. Where a line may start: after a space, or next to Chinese (never
    inside a run of Latin letters, digits and signs); where the rules hold it to what is
    before: closing punctuation, and what follows opening punctuation; words in Latin
    letters, one space apart; a separator among them; a number and its unit (written in
    Latin letters too, as in 10 s), whose match ends where the unit starts, and so a
    letter standing alone before Chinese, which reads as one word with it: a shape (U 形),
    a number (N 组), a key (按 q 退出). A longer word is a word of its own (NHS 建议):
    a line may start after it, as between two English words."""
    closing, opening = "".join(sorted(CLOSING)), "".join(sorted(OPENING))
    return _Rules(
        re.compile(f"(?:(?<=[\\s{_MARKS}])|(?=[{_MARKS}]))\\S"),
        re.compile(f"[{closing}]|(?<=[{opening}])\\S"),
        re.compile(f"[^{_NOT_LATIN}]+(?: [^{_NOT_LATIN}]+)*"),
        re.compile(f"(?<= )[^{_NOT_LATIN}A-Za-z0-9]+(?!\\S)"),  # · × - |
        re.compile(
            rf"\d\s*(?={HAN}|(?:{UNITS})(?![A-Za-z0-9]))"
            rf"|(?<![^\s{_MARKS}])[A-Za-z]\s*(?={HAN})"  # U 形, N 组: a letter as a number
        ),
    )


def _folded(text: str) -> str:
    """`text` with each Chinese character as HAN: the same length, so the same places."""
    return "".join(HAN if _cjk(c) else c for c in text)


def _marked(text: str) -> bool:
    """Whether `text` holds Chinese or its punctuation ('，2016')."""
    return any(_cjk(c) or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" for c in text)


def _cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"
