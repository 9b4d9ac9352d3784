"""Retries: reads on UNAVAILABLE, at most 4 tries, exponential backoff from 100 ms capped at
2 s, each delay a random 50–100 % of its ceiling. Writes only when asked."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import grpc

T = TypeVar("T")


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

    def run(self, write: bool, call: Callable[[], T]) -> T:
        attempt = 0
        while True:
            try:
                return call()
            except grpc.RpcError as e:
                attempt += 1
                retryable = e.code() == grpc.StatusCode.UNAVAILABLE and (self.writes or not write)
                if not retryable or attempt >= self.tries:
                    raise
                time.sleep(self.delay(attempt - 1))
