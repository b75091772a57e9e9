"""`backfit translations`: how far each language's translation has come."""

from backfit.cli.app import command, show, show_json
from backfit.cli.options import JsonFlag
from backfit.i18n import _


@command("translations", short_help=_("How much of backfit each language translates."))
def translations(as_json: JsonFlag = False) -> None:
    """For each language and domain: how many messages are translated, how many are fuzzy
    (their English changed since, so they show in English) and how many are not yet."""
    from backfit.translations import progress
    from backfit.views.translations import progress_json, progress_view

    rows = progress()
    if as_json:
        return show_json(progress_json(rows))
    show(progress_view(rows))
