"""Where help is: the emergency number for the region the locale names (`en_US.UTF-8`: the
United States), chosen once at the start of a run, as the language is. The number follows
the place, not the language: Chinese in Singapore is 995, not 120.

Sources, each for its numbers:
- GB, 999 and NHS 111: the NHS pages the catalog cites (nhs-111, nhs-back-pain).
- CN, 120: Beijing Municipal Health Commission, "120 is the nationwide emergency medical
  number", https://wjw.beijing.gov.cn/Japan/HealthServices/HealthIndication/202212/
  t20221230_2887831.html
- SG, 995: Singapore Civil Defence Force, "dial 995 to call for an SCDF ambulance",
  https://www.scdf.gov.sg/home/about-us/information/scdf-emergency-medical-service-and-1777
- HK, 999: Hong Kong Fire Services Department, "How to call an ambulance" (the 999
  Hotline), http://www.hkfsd.gov.hk/eng/source/safety/uambu.htm
- TW, 119: Hsinchu City Fire Bureau, "119 緊急救護" (119 emergency ambulance service, free
  around the clock), https://www.hcfd.gov.tw/board/board2.asp
- US and CA, 911; the EU and EEA, 112 (harmonised across their member states):
  https://en.wikipedia.org/wiki/Emergency_telephone_number

A region not in the table is said as "your local emergency number".
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import NamedTuple

LOCALE_ENVS = ("LC_ALL", "LC_MESSAGES", "LANG")  # the first one set names the region


class Help(NamedTuple):
    emergency: str  # the number to call in an emergency
    urgent: str | None = None  # a same-day line where there is one (NHS 111)


UK = Help("999", "NHS 111")
EU_EEA = (
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
    "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
)  # fmt: skip
REGIONS: dict[str, Help] = {
    "GB": UK,
    "US": Help("911"),
    "CA": Help("911"),
    "CN": Help("120"),
    "SG": Help("995"),
    "HK": Help("999"),
    "TW": Help("119"),
    **{code: Help("112") for code in EU_EEA},
}

_region: str | None = None


def region_of(tag: str) -> str | None:
    """The region a locale names: `en_GB.UTF-8` is GB, `zh_Hans_CN` and `zh-CN` are CN;
    None for `C`, or a language alone."""
    base = tag.split(".")[0].split("@")[0].replace("-", "_")
    parts = base.split("_")[1:]
    return next((p.upper() for p in reversed(parts) if len(p) == 2 and p.isalpha()), None)


def choose(environ: Mapping[str, str] = os.environ) -> None:
    """The region of this run: the first locale variable that is set."""
    global _region
    tag = next((environ[name] for name in LOCALE_ENVS if environ.get(name)), "")
    _region = region_of(tag)


def local_help() -> Help | None:
    """The help for this run's region, if backfit knows it; the UK's where none is named,
    as the catalog's sources are the NHS's (its words say what to do outside the UK)."""
    if _region is None:
        return None
    return REGIONS.get(_region, Help(""))
