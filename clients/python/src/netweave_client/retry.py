"""Retries: reads on UNAVAILABLE (over REST: a 503 or a failed connection), at most 4 tries,
exponential backoff from 100 ms capped at 2 s, each delay a random 50–100 % of its ceiling.
Writes only when asked."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

import grpc

T = TypeVar("T")
#: Whether an error is worth another try.
Transient = Callable[[BaseException], bool]


def unavailable(error: BaseException) -> bool:
    """A gRPC UNAVAILABLE."""
    return isinstance(error, grpc.RpcError) and error.code() == grpc.StatusCode.UNAVAILABLE


@dataclass(frozen=True)
class Retry:
    tries: int = 4
    base: float = 0.1
    cap: float = 2.0
    #: Retry writes too (a write that timed out may have happened).
    writes: bool = False

    def delay(self, attempt: int) -> float:
        ceiling = min(self.cap, self.base * (2**attempt))
        return ceiling * random.uniform(0.5, 1.0)

    def _again(self, write: bool, attempt: int, error: BaseException, transient: Transient) -> bool:
        return transient(error) and (self.writes or not write) and attempt < self.tries

    def run(self, write: bool, call: Callable[[], T], transient: Transient = unavailable) -> T:
        """Calls ``call``, again after an error ``transient`` accepts (gRPC UNAVAILABLE)."""
        attempt = 0
        while True:
            try:
                return call()
            except Exception as e:
                attempt += 1
                if not self._again(write, attempt, e, transient):
                    raise
                time.sleep(self.delay(attempt - 1))

    async def arun(self, write: bool, call: Callable[[], Awaitable[T]], transient: Transient) -> T:
        """:meth:`run` for coroutines."""
        attempt = 0
        while True:
            try:
                return await call()
            except Exception as e:
                attempt += 1
                if not self._again(write, attempt, e, transient):
                    raise
                await asyncio.sleep(self.delay(attempt - 1))
