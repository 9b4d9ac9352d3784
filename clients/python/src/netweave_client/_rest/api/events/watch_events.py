from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem_details import ProblemDetails
from ...models.watch_events_response_200 import WatchEventsResponse200
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    after: int | Unset = UNSET,
    type_: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    last_event_id: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id



    

    params: dict[str, Any] = {}

    params["after"] = after

    params["type"] = type_

    params["filter"] = filter_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/events/stream",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | WatchEventsResponse200 | None:
    if response.status_code == 200:
        response_200 = WatchEventsResponse200.from_dict(response.text)



        return response_200

    if response.status_code == 400:
        response_400 = ProblemDetails.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())



        return response_403

    if response.status_code == 410:
        response_410 = ProblemDetails.from_dict(response.json())



        return response_410

    if response.status_code == 429:
        response_429 = ProblemDetails.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails | WatchEventsResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: int | Unset = UNSET,
    type_: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    last_event_id: str | Unset = UNSET,

) -> Response[ProblemDetails | WatchEventsResponse200]:
    """ Server-Sent Events: replays after `Last-Event-ID` (or `after`), then follows live

     Each event is sent with `id: <cursor>` and `event: <eventType>`. `event: heartbeat` carries the
    cursor to resume from; `event: lagged` ends a feed that fell too far behind; `event: resync` ends
    one whose cursor left retention.

    Args:
        after (int | Unset):
        type_ (str | Unset):
        filter_ (str | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | WatchEventsResponse200]
     """


    kwargs = _get_kwargs(
        after=after,
type_=type_,
filter_=filter_,
last_event_id=last_event_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    after: int | Unset = UNSET,
    type_: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    last_event_id: str | Unset = UNSET,

) -> ProblemDetails | WatchEventsResponse200 | None:
    """ Server-Sent Events: replays after `Last-Event-ID` (or `after`), then follows live

     Each event is sent with `id: <cursor>` and `event: <eventType>`. `event: heartbeat` carries the
    cursor to resume from; `event: lagged` ends a feed that fell too far behind; `event: resync` ends
    one whose cursor left retention.

    Args:
        after (int | Unset):
        type_ (str | Unset):
        filter_ (str | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | WatchEventsResponse200
     """


    return sync_detailed(
        client=client,
after=after,
type_=type_,
filter_=filter_,
last_event_id=last_event_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: int | Unset = UNSET,
    type_: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    last_event_id: str | Unset = UNSET,

) -> Response[ProblemDetails | WatchEventsResponse200]:
    """ Server-Sent Events: replays after `Last-Event-ID` (or `after`), then follows live

     Each event is sent with `id: <cursor>` and `event: <eventType>`. `event: heartbeat` carries the
    cursor to resume from; `event: lagged` ends a feed that fell too far behind; `event: resync` ends
    one whose cursor left retention.

    Args:
        after (int | Unset):
        type_ (str | Unset):
        filter_ (str | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | WatchEventsResponse200]
     """


    kwargs = _get_kwargs(
        after=after,
type_=type_,
filter_=filter_,
last_event_id=last_event_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    after: int | Unset = UNSET,
    type_: str | Unset = UNSET,
    filter_: str | Unset = UNSET,
    last_event_id: str | Unset = UNSET,

) -> ProblemDetails | WatchEventsResponse200 | None:
    """ Server-Sent Events: replays after `Last-Event-ID` (or `after`), then follows live

     Each event is sent with `id: <cursor>` and `event: <eventType>`. `event: heartbeat` carries the
    cursor to resume from; `event: lagged` ends a feed that fell too far behind; `event: resync` ends
    one whose cursor left retention.

    Args:
        after (int | Unset):
        type_ (str | Unset):
        filter_ (str | Unset):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | WatchEventsResponse200
     """


    return (await asyncio_detailed(
        client=client,
after=after,
type_=type_,
filter_=filter_,
last_event_id=last_event_id,

    )).parsed
