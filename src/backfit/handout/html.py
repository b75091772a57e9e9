"""A handout as one self-contained HTML file: the figures inline, print CSS for paper, a
layout that reads on a phone too. Standard library only; every string from the model is
escaped, so no markup from a catalog reaches the page."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from backfit.handout.model import FIGURE_PRINTED

if TYPE_CHECKING:
    from backfit.handout.model import Item, Sheet

PAPER = {"a4": "A4", "letter": "letter"}

NOTES_LINES = 6  # ruled lines for notes, on screen and in print

CSS = """
:root { color: #1f2933; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { margin: 0 auto; max-width: 56rem; padding: 1rem; line-height: 1.35; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.2rem; margin: .8rem 0 .3rem; }
h3 { font-size: .95rem; margin: .5rem 0 .15rem; }
p, ul, ol, dl { margin: .15rem 0 .4rem; }
ul, ol { padding-left: 1.3rem; }
.box { border: 2px solid #9aa5b1; border-radius: .4rem; padding: .3rem .8rem; margin: .6rem 0;
       break-inside: avoid; }
.alarm { border-color: #c62828; }
.why { font-style: italic; }
.key { font-size: 0.9em; }
.alarm h2 { color: #c62828; margin-top: .2rem; }
.bands, .facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; }
.bands dt, .facts dt { font-weight: bold; }
.bands dd, .facts dd { margin: 0; }
.exercise { border-top: 2px solid #cbd2d9; padding-top: .3rem; margin-top: .6rem; }
.exercise h2 { margin-top: .2rem; }
.exercise figure { margin: .2rem 0; }
.exercise svg { width: 100%; max-width: 26rem; height: auto; max-height: 12rem; display: block; }
.dose { font-weight: bold; }
.cited { font-size: .8rem; color: #52606d; }
.sources { font-size: .8rem; color: #52606d; overflow-wrap: anywhere; }
table.grid { border-collapse: collapse; width: 100%; }
table.grid th, table.grid td { border: 1px solid #7b8794; padding: .3rem; text-align: left; }
table.grid td { height: 2.2rem; white-space: nowrap; font-size: .85rem; color: #52606d; }
.tick { display: inline-block; width: .9rem; height: .9rem; border: 1.5px solid #1f2933;
        vertical-align: middle; margin-right: .4rem; }
.notes div { border-bottom: 1px solid #9aa5b1; height: 1.8rem; }
footer { font-size: .8rem; color: #52606d; margin-top: 1rem; }
@media (min-width: 48rem) {
  .cols { display: grid; grid-template-columns: 2fr 3fr; gap: 0 1.2rem; }
}
@media (max-width: 30rem) {
  .bands, .facts { grid-template-columns: 1fr; }
  table.grid td { white-space: normal; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; }
  h1 { font-size: 17pt; }
  h2 { font-size: 12pt; }
  h3 { font-size: 9.5pt; }
  .cols { display: grid; grid-template-columns: 2fr 3fr; gap: 0 5mm; }
  .exercise { break-inside: avoid; }
  .tracking { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def render(sheet: Sheet, *, paper: str) -> str:
    """The whole HTML document."""
    page_rule = f"@page {{ size: {PAPER[paper]}; margin: 14mm 14mm 16mm; }}"
    # on paper no taller than its labels are sized for (after CSS's own, which it overrides)
    printed = f"@media print {{ .exercise svg {{ max-height: {FIGURE_PRINTED[1]}mm; }} }}"
    body = [
        "<header>",
        f"<h1>{_e(sheet.title)}</h1>",
        f"<p>{_e(sheet.for_whom)}</p>",
    ]
    if sheet.purpose:
        body.append(f"<p>{_e(sheet.purpose)}</p>")
    if sheet.walking:
        body.append(f"<p><strong>{_e(sheet.walking)}</strong></p>")
    body.append("</header>")
    body += _safety(sheet)
    if sheet.care_summary:
        body += [f"<h2>{_e(sheet.labels['care_summary'])}</h2>", '<dl class="bands">']
        for condition, verdicts in sheet.care_summary:
            body += [f"<dt>{_e(condition)}</dt>", f"<dd>{_e(verdicts)}</dd>"]
        body.append("</dl>")
    if sheet.figure_key:
        body.append(f'<p class="key">{_e(sheet.figure_key)}</p>')
    for item in sheet.items:
        body += _exercise(item, sheet)
    body += _tracking(sheet)
    body += [
        "<footer>",
        f"<p>{_e(sheet.disclaimer)}</p>",
        f"<p>{_e(sheet.licence)}</p>",
        f"<p>{_e(sheet.made_by)}</p>",
        "</footer>",
    ]
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(sheet.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(sheet.title)}</title>",
        f"<style>{page_rule}{CSS}{printed}</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>"]) + "\n"


def _e(text: str) -> str:
    return escape(text, quote=True)


def _list(tag: str, items: tuple[str, ...], cls: str = "") -> list[str]:
    if not items:
        return []
    attribute = f' class="{cls}"' if cls else ""
    return [f"<{tag}{attribute}>", *(f"<li>{_e(item)}</li>" for item in items), f"</{tag}>"]


def _safety(sheet: Sheet) -> list[str]:
    labels = sheet.labels
    parts = ['<section class="box">', f"<h2>{_e(labels['pain_rule'])}</h2>", '<dl class="bands">']
    for band in sheet.pain_rule:
        parts += [f"<dt>{_e(band.scores)}</dt>", f"<dd>{_e(band.meaning)}</dd>"]
    parts.append("</dl>")
    if sheet.stop_always:
        parts.append(f"<h3>{_e(labels['stop_always'])}</h3>")
        parts += _list("ul", sheet.stop_always)
    parts.append("</section>")
    parts += [
        '<section class="box alarm">',
        f"<h2>{_e(labels['emergency_title'])}</h2>",
        f"<p>{_e(labels['emergency'])}</p>",
        *_list("ul", sheet.emergency),
        f"<p>{_e(labels['urgent'])}</p>",
        *_list("ul", sheet.urgent),
        "</section>",
    ]
    if sheet.in_english:
        parts.append(f'<p class="why">{_e(sheet.in_english)}</p>')
    return parts


def _exercise(item: Item, sheet: Sheet) -> list[str]:
    labels = sheet.labels
    parts = [
        f'<article class="exercise" id="{_e(item.slug)}">',
        f"<h2>{_e(item.name)}</h2>",
        f"<p>{_e(item.summary)}</p>",
    ]
    parts.append('<div class="cols">')
    parts.append("<div>")
    if item.figure is not None:
        parts += ["<figure>", item.figure.svg.strip(), "</figure>"]
    parts += [
        '<dl class="facts">',
        f"<dt>{_e(labels['dose'])}</dt>",
        f'<dd class="dose">{_e(item.dose)}</dd>',
    ]
    if item.dose_note:
        parts += ["<dt></dt>", f"<dd>{_e(item.dose_note)}</dd>"]
    if item.how_often:
        parts += [f"<dt>{_e(labels['how_often'])}</dt>", f"<dd>{_e(item.how_often)}</dd>"]
    parts.append("</dl>")
    if item.build_up or item.next_step:
        parts.append(f"<h3>{_e(labels['build_up'])}</h3>")
        parts += _list("ul", item.build_up)
        if item.next_step:
            parts.append(f"<p><strong>{_e(item.next_step)}</strong></p>")
    parts += ["</div>", "<div>"]
    parts += [f"<h3>{_e(labels['steps'])}</h3>", *_list("ol", item.steps)]
    parts += [f"<h3>{_e(labels['cautions'])}</h3>", *_list("ul", item.cautions)]
    if item.stop_if:
        parts += [f"<h3>{_e(labels['stop_if'])}</h3>", *_list("ul", item.stop_if)]
    for heading, note in item.care:
        parts += [f"<h3>{_e(heading)}</h3>", f"<p>{_e(note)}</p>"]
    cited = labels["cited"].format(numbers=labels["list"].join(map(str, item.cites)))
    parts += [f'<p class="cited">{_e(cited)}</p>', "</div>", "</div>"]
    parts.append("</article>")
    return parts


def _tracking(sheet: Sheet) -> list[str]:
    labels = sheet.labels
    parts = [
        '<section class="tracking">',
        f"<h2>{_e(labels['tracking'])}</h2>",
        '<table class="grid">',
        "<thead><tr><th></th>" + "".join(f"<th>{_e(day)}</th>" for day in sheet.days),
        "</tr></thead>",
        "<tbody>",
    ]
    box = f'<span class="tick"></span>{_e(labels["pain_box"])}'
    for week in range(sheet.first_week, sheet.first_week + sheet.weeks):
        heading = _e(labels["week"].format(number=week))
        cells = "".join(f"<td>{box}</td>" for _ in sheet.days)
        parts.append(f'<tr><th scope="row">{heading}</th>{cells}</tr>')
    parts += ["</tbody>", "</table>", f"<h2>{_e(labels['notes'])}</h2>", '<div class="notes">']
    parts += ["<div></div>"] * NOTES_LINES
    parts += ["</div>", f"<h2>{_e(labels['all_sources'])}</h2>"]
    parts += [*_list("ol", sheet.sources, "sources"), "</section>"]
    return parts
