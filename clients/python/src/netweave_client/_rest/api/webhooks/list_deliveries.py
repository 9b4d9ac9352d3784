from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_deliveries_response_200_item import ListDeliveriesResponse200Item
from ...models.problem_details import ProblemDetails
from typing import cast
from uuid import UUID



def _get_kwargs(
    *,
    subscription_id: UUID,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_subscription_id = str(subscription_id)
    params["subscriptionId"] = json_subscription_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/webhooks/deliveries",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | list[ListDeliveriesResponse200Item] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = ListDeliveriesResponse200Item.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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

    if response.status_code == 429:
        response_429 = ProblemDetails.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails | list[ListDeliveriesResponse200Item]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    subscription_id: UUID,

) -> Response[ProblemDetails | list[ListDeliveriesResponse200Item]]:
    """ Unfinished deliveries of a subscription: pending, in flight, or failed and waiting, oldest event
    first

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | list[ListDeliveriesResponse200Item]]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    subscription_id: UUID,

) -> ProblemDetails | list[ListDeliveriesResponse200Item] | None:
    """ Unfinished deliveries of a subscription: pending, in flight, or failed and waiting, oldest event
    first

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | list[ListDeliveriesResponse200Item]
     """


    return sync_detailed(
        client=client,
subscription_id=subscription_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    subscription_id: UUID,

) -> Response[ProblemDetails | list[ListDeliveriesResponse200Item]]:
    """ Unfinished deliveries of a subscription: pending, in flight, or failed and waiting, oldest event
    first

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | list[ListDeliveriesResponse200Item]]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    subscription_id: UUID,

) -> ProblemDetails | list[ListDeliveriesResponse200Item] | None:
    """ Unfinished deliveries of a subscription: pending, in flight, or failed and waiting, oldest event
    first

    Args:
        subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | list[ListDeliveriesResponse200Item]
     """


    return (await asyncio_detailed(
        client=client,
subscription_id=subscription_id,

    )).parsed
