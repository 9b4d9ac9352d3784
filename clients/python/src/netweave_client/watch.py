"""Watch: the event stream followed for as long as the caller reads it.

The cursor advances with every event and heartbeat. A cut-off (RESOURCE_EXHAUSTED) resumes
from the cursor in the ``x-netweave-resume-cursor`` trailer; a dropped connection or a server
that went away (UNAVAILABLE, UNKNOWN, a stream that just ends) reconnects with backoff from
the last cursor, so no event is lost or repeated. OUT_OF_RANGE (the cursor is older than the
server retains) ends the watch with :class:`ResyncRequired`."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import grpc

from netweave_client._proto.netweave.events.v1 import events_pb2

if TYPE_CHECKING:
    from netweave_client.client import Client

#: Trailer naming the cursor to resume from.
RESUME_CURSOR = "x-netweave-resume-cursor"

#: Consecutive failed reconnections after which the watch gives up with the last status.
MAX_FAILED_RECONNECTS = 20

_RECONNECTABLE = {
    grpc.StatusCode.UNAVAILABLE,
    grpc.StatusCode.UNKNOWN,
    grpc.StatusCode.CANCELLED,
    grpc.StatusCode.ABORTED,
    grpc.StatusCode.INTERNAL,
}


class ResyncRequired(Exception):
    """The cursor is older than the server retains: list afresh, then watch from ``latest``."""

    def __init__(self, requested: int, latest: int) -> None:
        super().__init__(
            f"resync required: cursor {requested} is no longer retained; "
            f"list afresh, then watch from cursor {latest}"
        )
        self.requested = requested
        self.latest = latest


@dataclass(frozen=True)
class WatchSelector:
    #: Glob over event types (``o2ims.Resource.*``); empty: all.
    type_pattern: str = ""
    #: O-RAN filter over the event and the changed object; empty: all.
    filter: str = ""


def _trailer_cursor(error: grpc.RpcError) -> int | None:
    trailers: Any = getattr(error, "trailing_metadata", lambda: None)() or ()
    for key, value in trailers:
        if key == RESUME_CURSOR:
            try:
                return int(value)
            except ValueError:
                return None
    return None


class Watch:
    """A followed event stream: iterate for events; :attr:`cursor` is what to persist."""

    def __init__(self, client: Client, selector: WatchSelector, cursor: int) -> None:
        self._client = client
        self._selector = selector
        self.cursor = cursor
        #: How many times the watch resumed (after a cut-off or a dropped connection).
        self.resumes = 0
        self._call: Any = None
        self._failures = 0
        self._done = False

    def __iter__(self) -> Watch:
        return self

    def _open(self) -> Any:
        request = events_pb2.WatchRequest(
            type_pattern=self._selector.type_pattern,
            filter=self._selector.filter,
            resume_cursor=self.cursor,
        )
        # No deadline: a watch lasts as long as it is read. The token is read again here.
        return self._client.events.Watch(request, metadata=self._client.metadata())

    def _backoff(self, error: BaseException) -> None:
        self._failures += 1
        if self._failures > MAX_FAILED_RECONNECTS:
            self._done = True
            raise error
        time.sleep(max(0.05, self._client.retry.delay(self._failures - 1)))

    def _ended(self, error: grpc.RpcError) -> None:
        """Resumes or reconnects after ``error``, or raises what ends the watch."""
        code = error.code()
        resume = _trailer_cursor(error)
        if code == grpc.StatusCode.RESOURCE_EXHAUSTED and resume is not None:
            self.cursor = resume
            self.resumes += 1
        elif code == grpc.StatusCode.OUT_OF_RANGE:
            self._done = True
            raise ResyncRequired(self.cursor, resume or 0) from None
        elif code in _RECONNECTABLE:
            self._backoff(error)
            self.resumes += 1
        else:
            self._done = True
            raise error

    def step(self) -> events_pb2.Event | None:
        """Reads one item of the stream: the event, or ``None`` after a heartbeat or a resume
        (the cursor has advanced or the stream reopened). Raises StopIteration once ended."""
        if self._done:
            raise StopIteration
        if self._call is None:
            self._call = self._open()
        try:
            response = next(self._call)
        except StopIteration:
            # The server closed the stream without an error (it is shutting down).
            self._call = None
            self._backoff(ConnectionError("the stream ended"))
            return None
        except grpc.RpcError as e:
            self._call = None
            self._ended(e)
            return None
        kind = response.WhichOneof("item")
        if kind == "event":
            self._failures = 0
            self.cursor = response.event.cursor
            return response.event
        if kind == "heartbeat":
            self._failures = 0
            self.cursor = response.heartbeat.cursor
        return None

    def __next__(self) -> events_pb2.Event:
        while True:
            event = self.step()
            if event is not None:
                return event

    def close(self) -> None:
        self._done = True
        if self._call is not None:
            self._call.cancel()
            self._call = None

    def __enter__(self) -> Watch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
