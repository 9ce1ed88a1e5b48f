"""GOV.UK pagination parameters for numbered pages of results, keeping the rest of the query."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict

ON_EACH_SIDE = 2
"""Pages numbered either side of the current one; the first and last are always numbered."""


def page_numbers(*, page: int, pages: int) -> list[int | None]:
    """The page numbers to show, None where an ellipsis stands for two or more pages left out.

    A single page left out is shown rather than replaced: an ellipsis for one page saves nothing.
    """
    around = range(max(1, page - ON_EACH_SIDE), min(pages, page + ON_EACH_SIDE) + 1)
    numbers: list[int | None] = []
    last = 0
    for number in sorted({1, pages, *around}):
        if number - last == 2:
            numbers.append(last + 1)
        elif number - last > 2:
            numbers.append(None)
        numbers.append(number)
        last = number
    return numbers


def pagination(query: QueryDict, *, page: int, total: int, page_size: int) -> dict[str, Any] | None:
    """The ``govukPagination`` parameters for ``page`` of ``total`` results, or None for one page.

    Links keep every other query parameter, repeated ones (``level=4&level=5``) included.
    """
    pages = max(1, -(-total // page_size))
    if pages <= 1:
        return None
    page = min(max(page, 1), pages)

    def href(number: int) -> str:
        params = query.copy()
        params.setlist("page", [str(number)])
        return "?" + params.urlencode()

    params: dict[str, Any] = {
        "items": [
            {"ellipsis": True}
            if number is None
            else {"number": number, "href": href(number), "current": number == page}
            for number in page_numbers(page=page, pages=pages)
        ]
    }
    if page > 1:
        params["previous"] = {"href": href(page - 1)}
    if page < pages:
        params["next"] = {"href": href(page + 1)}
    return params
