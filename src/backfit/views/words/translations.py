"""What `backfit translations` says."""

from backfit.i18n import _

HEADERS = (
    _("Language"), _("Domain"), _("Translated"), _("Fuzzy"), _("Not yet"), _("All"),
    _("Safety checked"),
)  # fmt: skip
REVIEWED = _("{reviewed} of {safety}")
WHICH = _("{language} · {domain}")  # a narrow terminal's heading for a row of the table
NONE = _("No translations are installed: backfit speaks English only.")
