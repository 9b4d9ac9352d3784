"""Lists: every item across pages, or page by page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    #: Token (over REST: URL) of the next page; empty on the last.
    next_page_token: str
    #: Total matches, where reported (gRPC: resources; REST: X-Total-Count).
    total_count: int | None = None


class Pages(Generic[T]):
    """Iterates over every item of a list across pages; :meth:`pages` gives the pages."""

    def __init__(self, fetch: Callable[[str], Page[T]]) -> None:
        self._fetch = fetch

    def pages(self) -> Iterator[Page[T]]:
        token = ""
        while True:
            page = self._fetch(token)
            yield page
            if not page.next_page_token:
                return
            token = page.next_page_token

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items

    def all(self) -> list[T]:
        return list(self)


class AsyncPages(Generic[T]):
    """:class:`Pages` for the async REST client: ``async for`` over items, :meth:`pages`."""

    def __init__(self, fetch: Callable[[str], Awaitable[Page[T]]]) -> None:
        self._fetch = fetch

    async def pages(self) -> AsyncIterator[Page[T]]:
        token = ""
        while True:
            page = await self._fetch(token)
            yield page
            if not page.next_page_token:
                return
            token = page.next_page_token

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.items:
                yield item

    async def all(self) -> list[T]:
        return [item async for item in self]
