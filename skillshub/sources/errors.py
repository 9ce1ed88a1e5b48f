"""The one error every source reader raises: it names the file, the record and the field."""

from __future__ import annotations


class SourceError(ValueError):
    """Input that cannot be loaded, located precisely enough for a person to fix it."""

    def __init__(
        self,
        message: str,
        *,
        source: str,
        record: str | int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.record = record
        self.field = field
        super().__init__(self.describe())

    def describe(self) -> str:
        where = [f"file {self.source}"]
        if self.record is not None:
            where.append(f"record {self.record}")
        if self.field is not None:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.message}"
