"""The generated package writes dates and date-times from their fields in Python
(``_parsing.dump_date`` / ``dump_datetime``) rather than through ``isoformat``: the text
must be exactly what ``isoformat`` writes, for every value, offset and zone."""

from __future__ import annotations

import importlib
from datetime import date, datetime, timedelta, timezone
from types import ModuleType
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

_FIXED_OFFSETS = st.builds(
    timezone,
    st.timedeltas(min_value=timedelta(hours=-23, minutes=-59), max_value=timedelta(hours=23, minutes=59)),
)
_ZONES = (
    st.none()
    | st.just(timezone.utc)
    | _FIXED_OFFSETS
    | st.sampled_from([ZoneInfo("Europe/Paris"), ZoneInfo("Asia/Kolkata")])
)


def _parsing(pkg: ModuleType) -> ModuleType:
    return importlib.import_module(f"{pkg.__name__}._parsing")


@given(value=st.datetimes(timezones=_ZONES))
def test_a_datetime_is_written_as_isoformat_writes_it(pkg: ModuleType, value: datetime) -> None:
    assert _parsing(pkg).dump_datetime(value) == value.isoformat()


@given(value=st.dates())
def test_a_date_is_written_as_isoformat_writes_it(pkg: ModuleType, value: date) -> None:
    assert _parsing(pkg).dump_date(value) == value.isoformat()


def test_the_edges_are_written_as_isoformat_writes_them(pkg: ModuleType) -> None:
    parsing = _parsing(pkg)
    odd_offset = timezone(timedelta(hours=5, minutes=30, seconds=15, microseconds=7))
    for value in (
        datetime(999, 12, 31, 23, 59, 59, 999999, tzinfo=timezone.utc),
        datetime(1000, 1, 1),
        datetime(9999, 12, 31, 23, 59, 59, 1, tzinfo=odd_offset),
        datetime(2024, 3, 31, 2, 30, tzinfo=ZoneInfo("Europe/Paris"), fold=1),
        datetime(2024, 5, 1, 12, 0, 0, 10, tzinfo=timezone(-timedelta(hours=3))),
    ):
        assert parsing.dump_datetime(value) == value.isoformat()
    assert parsing.dump_date(date(1, 1, 1)) == "0001-01-01"
    # the years written whole, and those on either side of them, written from their pairs
    for year in (1899, 1900, 2199, 2200):
        assert parsing.dump_date(date(year, 7, 4)) == f"{year}-07-04"
        moment = datetime(year, 7, 4, 9, 5, 3, 70, tzinfo=timezone.utc)
        assert parsing.dump_datetime(moment) == moment.isoformat()
    # a datetime set where a date belongs keeps its time, as isoformat() did
    assert parsing.dump_date(datetime(2024, 5, 1, 8, 0)) == "2024-05-01T08:00:00"


def test_a_payload_of_many_offsets_does_not_grow_the_remembered_suffixes(pkg: ModuleType) -> None:
    parsing = _parsing(pkg)
    for minutes in range(-600, 600):
        value = datetime(2024, 5, 1, tzinfo=timezone(timedelta(minutes=minutes)))
        assert parsing.dump_datetime(value) == value.isoformat()
    assert len(parsing._OFFSETS) <= 64
