"""What a pose's SVG picture says beside the figures: its legend, for a reader who does
not know the drawing's conventions (a patient with a handout). Short: on paper it sits
under a figure 7 cm wide, in type large enough to read."""

from backfit.i18n import _

FAR_SIDE = _("dashed: far-side arm or leg")
MOVES = _("orange: what moves")
WAS = _("pale: where it was")
KEY = _("In the figures: {entries}.")  # on a sheet, once, before its exercises
BETWEEN = _("; ")  # between KEY's entries
