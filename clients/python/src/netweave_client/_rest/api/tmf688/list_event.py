from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.tmf_688_error import Tmf688Error
from ...models.tmf_688_event import Tmf688Event
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    fields: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    event_type: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["fields"] = fields

    params["offset"] = offset

    params["limit"] = limit

    params["eventType"] = event_type


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/tmf-api/event/v4/event",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Tmf688Error | list[Tmf688Event] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = Tmf688Event.from_dict(response_200_item_data)



            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = Tmf688Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Tmf688Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Tmf688Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Tmf688Error.from_dict(response.json())



        return response_404

    if response.status_code == 405:
        response_405 = Tmf688Error.from_dict(response.json())



        return response_405

    if response.status_code == 429:
        response_429 = Tmf688Error.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = Tmf688Error.from_dict(response.json())



        return response_500

    if response.status_code == 503:
        response_503 = Tmf688Error.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Tmf688Error | list[Tmf688Event]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    event_type: str | Unset = UNSET,

) -> Response[Tmf688Error | list[Tmf688Event]]:
    """ Events of the stream, oldest first, as TMF events carrying TMF639 resources

    Args:
        fields (str | Unset):
        offset (int | Unset):
        limit (int | Unset):
        event_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Tmf688Error | list[Tmf688Event]]
     """


    kwargs = _get_kwargs(
        fields=fields,
offset=offset,
limit=limit,
event_type=event_type,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    event_type: str | Unset = UNSET,

) -> Tmf688Error | list[Tmf688Event] | None:
    """ Events of the stream, oldest first, as TMF events carrying TMF639 resources

    Args:
        fields (str | Unset):
        offset (int | Unset):
        limit (int | Unset):
        event_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Tmf688Error | list[Tmf688Event]
     """


    return sync_detailed(
        client=client,
fields=fields,
offset=offset,
limit=limit,
event_type=event_type,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    event_type: str | Unset = UNSET,

) -> Response[Tmf688Error | list[Tmf688Event]]:
    """ Events of the stream, oldest first, as TMF events carrying TMF639 resources

    Args:
        fields (str | Unset):
        offset (int | Unset):
        limit (int | Unset):
        event_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Tmf688Error | list[Tmf688Event]]
     """


    kwargs = _get_kwargs(
        fields=fields,
offset=offset,
limit=limit,
event_type=event_type,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    fields: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    event_type: str | Unset = UNSET,

) -> Tmf688Error | list[Tmf688Event] | None:
    """ Events of the stream, oldest first, as TMF events carrying TMF639 resources

    Args:
        fields (str | Unset):
        offset (int | Unset):
        limit (int | Unset):
        event_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Tmf688Error | list[Tmf688Event]
     """


    return (await asyncio_detailed(
        client=client,
fields=fields,
offset=offset,
limit=limit,
event_type=event_type,

    )).parsed
