"""How backfit words the plan's calendar (`backfit plan export --ics`): what a calendar
shows for each training day and its reminder, and the export's one error.

The calendar only says *when*: the dose of the day follows the log and can change from one
session to the next, so the words send the person to `backfit today` instead of freezing
a dose in an event.

Plain strings on purpose: `programme.calendar` (below the views) takes them as an
`EventText`, made by the command from these, and this module stays light enough for the
command line to import at start-up."""

from __future__ import annotations

from backfit.i18n import _

EVENT_SUMMARY = _("Back exercises (backfit)")
# {minutes} is a session's length, 10 to 45 (programme.settings.MINUTES): never one.
EVENT_DESCRIPTION = _(
    "Time for your back exercises, about {minutes} minutes. Run backfit today to see "
    "today's session: the doses follow how your back has been, so this calendar does not "
    "list them, and backfit today may say to take it easier or to rest instead."
)
ALARM_DESCRIPTION = _("Your back exercises are coming up: run backfit today to see the session.")
ZONE_UNKNOWN = _("unknown time zone {zone}: give a name such as Europe/London")
