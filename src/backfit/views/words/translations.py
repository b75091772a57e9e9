"""What `backfit translations` says."""

from backfit.i18n import _

HEADERS = (
    _("Language"), _("Domain"), _("Translated"), _("Fuzzy"), _("Not yet"), _("All"),
    _("Safety checked"),
)  # fmt: skip
REVIEWED = _("{reviewed} of {safety}")
NONE = _("No translations are installed: backfit speaks English only.")
