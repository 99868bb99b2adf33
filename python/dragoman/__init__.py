"""dragoman for Python: code news into CAMEO/PLOVER events as pandas DataFrames, and read stores.

    import dragoman
    coder = dragoman.Coder()                      # the built-in model and dictionaries, loaded once
    events = coder.code(["Xi Jinping met Kazakh President Tokayev in Beijing on Friday."])
    events = coder.code(df)                       # a DataFrame with id/date/title/text columns
    events = dragoman.read_store("events.db", dyad=("CHN", "KAZ"), root="04")

A Coder is reusable and thread-safe: the coding runs in C++ (the same readers, pipeline and
output layer as `dragoman code`) with the GIL released, so threads code in parallel. The rows have
the fields of `dragoman code`'s JSON Lines (README, "Output format"), spans as {begin, end, text}.
Backfills over a Dask cluster: python3 -m dragoman.backfill (dragoman/backfill.py).
"""

import datetime as _datetime
import json as _json
import math as _math

from . import _dragoman

__all__ = ["Coder", "RecordError", "read_store", "create_store", "count_records", "COLUMNS"]

# The fields of every row: the JSON keys of `dragoman code`, who did what to whom first and the
# date last (so that a DataFrame printed narrow still shows them).
_FIRST, _LAST = ["source", "target", "code"], ["date"]
COLUMNS = _FIRST + [c for c in _dragoman.columns() if c not in _FIRST + _LAST] + _LAST


class RecordError(ValueError):
    """A record could not be coded; origin names it ("records#3", "feed.jsonl#12": the record on line 12)."""

    def __init__(self, origin, message):
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.message = message


def _frame(rows_json):
    import pandas

    return pandas.DataFrame(_json.loads(rows_json), columns=COLUMNS)


def _plain(value):
    """A value of a record as JSON can hold it (pandas gives numpy scalars, NaN, Timestamps)."""
    if value is None:
        return None
    if isinstance(value, float) and _math.isnan(value):
        return None
    if isinstance(value, (_datetime.date, _datetime.datetime)):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    if hasattr(value, "strftime"):  # pandas.Timestamp
        return value.strftime("%Y-%m-%d")
    return value


def _record_lines(records, date=None):
    """One JSON Lines string per record: strings are an article's text (dated `date`, else today:
    a string has no way to carry its date), dicts our JSON Lines record
    ({"id","date","source","url","title","text"}), DataFrames one such record per row."""
    if isinstance(records, (str, dict)):
        records = [records]
    try:
        import pandas

        if isinstance(records, pandas.DataFrame):
            records = records.to_dict("records")
        elif isinstance(records, pandas.Series):
            records = records.tolist()
    except ImportError:
        pass
    lines = []
    for i, record in enumerate(records):
        if isinstance(record, str):
            record = {"date": date or _datetime.date.today().isoformat(), "text": record}
        elif isinstance(record, dict):
            record = {str(k): _plain(v) for k, v in record.items() if _plain(v) is not None}
        else:
            raise TypeError(f"record {i + 1}: expected a string, a dict or a DataFrame row, not {type(record).__name__}")
        lines.append(_json.dumps(record, ensure_ascii=False))
    return lines


class Coder:
    """The coder: dragoman's tagger, parser, dictionaries and event coder, loaded once.

    model: a syntax model file (None: the built-in one); dicts: a dictionary folder, ours or
    PETRARCH2's (None: the built-in ones); verbs: with dicts, the verb file in it; parser: "fast"
    (the default of `dragoman code`) or "accurate"; cameo_quads: CAMEO's quad classes instead of
    GDELT's. Safe to share between threads.
    """

    def __init__(self, model=None, dicts=None, parser="fast", verbs=None, cameo_quads=False):
        self._coder = _dragoman.Coder(model or "", dicts or "", verbs or "", parser, cameo_quads)

    @property
    def fingerprint(self):
        """What the store keeps with each article coded by this coder (see `dragoman ingest`)."""
        return self._coder.fingerprint

    def code(self, records, date=None, threads=1, errors="raise", any_language=False, name="records"):
        """Codes records (a string, a dict, a list of them, or a DataFrame with id/date/title/text
        columns) and returns a DataFrame of events, one row per coded sentence, with the fields of
        `dragoman code`'s JSON Lines. date: for records without one (strings without it are
        dated today; a dict without a date and no `date` is an error, as in `dragoman code`). Records are named
        name:1, name:2 ... (their ids default to name-1, name-2 ...). errors: "raise" (a RecordError
        for the first record that cannot be read) or "ignore"."""
        lines = _record_lines(records, date)
        rows, errs = self._coder.code_json(lines, name, date or "", threads, any_language)
        self._check(errs, errors)
        return _frame(rows)

    def code_files(self, inputs, date=None, threads=1, errors="raise", any_language=False):
        """Codes files, folders and globs (text, JSON Lines, HTML, WARC) as `dragoman code` reads them."""
        if isinstance(inputs, str):
            inputs = [inputs]
        rows, errs = self._coder.code_files([str(i) for i in inputs], date or "", threads, any_language)
        self._check(errs, errors)
        return _frame(rows)

    def ingest(self, inputs, db, first=0, last=0, date=None, threads=1, batch=200, any_language=False, force=False):
        """Codes inputs into the store at db (an SQLite file or a postgresql:// URL) as `dragoman
        ingest` does: only the records numbered first..last-1 (last 0: to the end), articles
        stored unchanged by this coder skipped. Returns counts: read, stored, unchanged,
        skipped (records that are not articles, and articles not in English), rejected, failed,
        events, seconds."""
        if isinstance(inputs, str):
            inputs = [inputs]
        return self._coder.ingest([str(i) for i in inputs], str(db), first=first, last=last, date=date or "",
                                  threads=threads, batch=batch, any_language=any_language, force=force)

    @staticmethod
    def _check(errs, errors):
        if errors not in ("raise", "ignore"):
            raise ValueError(f'errors="{errors}": expected "raise" or "ignore"')
        if errors == "raise":
            for origin, message, skipped in errs:
                if not skipped:
                    raise RecordError(origin, message)


def read_store(db, **filters):
    """The events of a store (an SQLite file or a postgresql:// URL) as a DataFrame, one row per
    aggregated event (its counts and its first mention), as `dragoman export --format jsonl` writes
    them. Filters as `dragoman query events`: source, target, dyad=("CHN", "KAZ"), actor, root,
    code, quad (1-4 or a list), from (or from_), to, text, article, limit, offset."""
    return _frame(_dragoman.read_store_json(str(db), filters))


def create_store(db):
    """Creates the store (an SQLite file or a PostgreSQL database) or upgrades its schema."""
    _dragoman.create_store(str(db))


def count_records(inputs):
    """How many records the inputs hold (a backfill's partitions are ranges of them)."""
    if isinstance(inputs, str):
        inputs = [inputs]
    return _dragoman.count_records([str(i) for i in inputs])
