"""The interface's translations, kept in step with the code.

    python .ci/messages.py          extract every marked message into the templates
                                    (src/backfit/locale/backfit.pot for the interface,
                                    backfit-catalog.pot for the catalog) and bring each
                                    language's .po up to date with it: a message whose
                                    English changed is marked fuzzy (and said in English
                                    until a translator looks at it again), a new one is
                                    added untranslated, a removed one is kept as obsolete
    python .ci/messages.py --check  the same, changing nothing: exit 1 if the template or
                                    a .po is not up to date, or a .po does not compile

Messages are marked with `_`, `forms` (a sentence with its plural) and `pgettext` (see
`backfit.i18n`). The template has no dates and no line numbers, so it changes only when a
message does.
"""

from __future__ import annotations

import argparse
import ast
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "backfit"
LOCALE = PACKAGE / "locale"
KEYWORDS = {"_": None, "N_": None, "forms": (1, 2), "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


HEADER = "The words of backfit's interface, for translation (see .ci/messages.py)."


def template() -> Catalog:
    catalog = Catalog(project="backfit", fuzzy=False, header_comment=f"# {HEADER}")
    found = extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("i18n:",)
    )
    for _, _, message, comments, context in found:
        catalog.add(message, None, auto_comments=comments, context=context)
    for help_text in command_help():
        catalog.add(help_text, None, auto_comments=[COMMAND_HELP])
    return catalog


COMMAND_HELP = "the help of a command, written as its docstring"


def command_help() -> list[str]:
    """The help of every command whose help is its docstring (as Typer reads it, cleaned
    by `inspect.cleandoc`); the command class translates it when it is shown."""
    found = []
    for path in sorted((PACKAGE / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and any(map(_is_command, node.decorator_list)):
                doc = ast.get_docstring(node)
                if doc:
                    found.append(doc)
    return found


def _is_command(decorator: ast.expr) -> bool:
    if not isinstance(decorator, ast.Call):
        return False
    name = getattr(decorator.func, "id", getattr(decorator.func, "attr", ""))
    return name == "command" and not any(k.arg == "help" for k in decorator.keywords)


VARYING = (b'"POT-Creation-Date', b'"PO-Revision-Date', b'"Generated-By')  # by day, by Babel


def catalog_template() -> Catalog:
    """Every sentence of the built-in catalog and of the lessons, its context where it lives;
    safety text is marked for the translators (it is shown only once reviewed)."""
    from backfit.catalog.lessons import builtin_lessons_path, read_lessons
    from backfit.catalog.loader import builtin_catalog_path, load_catalog
    from backfit.catalog.translated import LESSON, is_safety, lesson_texts, texts

    catalog = Catalog(project="backfit", fuzzy=False, header_comment=f"# {CATALOG_HEADER}")
    lessons = read_lessons(builtin_lessons_path())
    found = [*texts(load_catalog(builtin_catalog_path(), use_cache=False)), *lesson_texts(lessons)]
    safe_lessons = {f"{LESSON}.{lesson.slug}." for lesson in lessons.lessons if lesson.safety}
    for context, text in found:
        safety = is_safety(context) or context.startswith(tuple(safe_lessons))
        comments = [SAFETY_NOTE] if safety else []
        catalog.add(text, None, auto_comments=comments, context=context)
    return catalog


CATALOG_HEADER = "The catalog's sentences, for translation (see .ci/messages.py)."
SAFETY_NOTE = "safety: shown only once translated back and marked reviewed"


def written(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, omit_header=False, no_location=True, sort_output=True, width=100)
    # no dates: the file changes only when a message does
    lines = [line for line in out.getvalue().splitlines(keepends=True)
             if not line.startswith(VARYING)]  # fmt: skip
    return b"".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    check = parser.parse_args().check
    stale: list[str] = []
    templates = {
        "backfit": (template(), HEADER),
        "backfit-catalog": (catalog_template(), CATALOG_HEADER),
    }
    wanted = {LOCALE / f"{domain}.pot": written(pot) for domain, (pot, _) in templates.items()}
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        pot, header = templates[po_path.stem]
        with po_path.open("rb") as handle:
            po = read_po(handle)
        po.update(pot, update_header_comment=False)
        po.header_comment = f"# {header}"
        po.fuzzy = False  # the header is kept by this script, not by a translator
        wanted[po_path] = written(po)
        try:
            write_mo(io.BytesIO(), po)
        except Exception as error:  # any failure to compile is the file's fault
            stale.append(f"{po_path} does not compile: {error}")
    for path, data in wanted.items():
        if path.exists() and path.read_bytes() == data:
            continue
        stale.append(f"{path.relative_to(ROOT)} is not up to date")
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    for line in stale:
        print(line, file=sys.stderr)
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
