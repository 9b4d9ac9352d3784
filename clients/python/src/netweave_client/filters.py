"""The O-RAN filter grammar: ``(op,attribute,value[,value…])`` criteria joined by ``;``, all of
which must match. A value holding a comma, parenthesis, semicolon, quote or whitespace (or an
empty one) is single-quoted, a quote inside written twice."""

from __future__ import annotations

from collections.abc import Iterable


def quote(value: str) -> str:
    plain = value != "" and not any(c.isspace() or c in ",();'" for c in value)
    return value if plain else "'" + value.replace("'", "''") + "'"


class Filter:
    """An O-RAN filter expression, built criterion by criterion.

    >>> str(Filter().eq("extensions/country", "ES").in_("name", ["a,b", "c"]))
    "(eq,extensions/country,ES);(in,name,'a,b',c)"
    """

    def __init__(self) -> None:
        self._criteria: list[str] = []

    def _with(self, op: str, attribute: str, values: Iterable[str]) -> Filter:
        self._criteria.append(f"({op},{attribute},{','.join(quote(str(v)) for v in values)})")
        return self

    def eq(self, attribute: str, value: str) -> Filter:
        return self._with("eq", attribute, [value])

    def neq(self, attribute: str, value: str) -> Filter:
        return self._with("neq", attribute, [value])

    def gt(self, attribute: str, value: str) -> Filter:
        return self._with("gt", attribute, [value])

    def gte(self, attribute: str, value: str) -> Filter:
        return self._with("gte", attribute, [value])

    def lt(self, attribute: str, value: str) -> Filter:
        return self._with("lt", attribute, [value])

    def lte(self, attribute: str, value: str) -> Filter:
        return self._with("lte", attribute, [value])

    def cont(self, attribute: str, value: str) -> Filter:
        return self._with("cont", attribute, [value])

    def ncont(self, attribute: str, value: str) -> Filter:
        return self._with("ncont", attribute, [value])

    def in_(self, attribute: str, values: Iterable[str]) -> Filter:
        return self._with("in", attribute, values)

    def nin(self, attribute: str, values: Iterable[str]) -> Filter:
        return self._with("nin", attribute, values)

    def __str__(self) -> str:
        return ";".join(self._criteria)

    def __repr__(self) -> str:
        return f"Filter({str(self)!r})"
