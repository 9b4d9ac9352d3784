from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.register_listener_alias_response_201 import RegisterListenerAliasResponse201
from ...models.tmf_688_error import Tmf688Error
from ...models.tmf_688_event_subscription_input import Tmf688EventSubscriptionInput
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: Tmf688EventSubscriptionInput,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/tmf-api/eventManagement/v4/hub",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> RegisterListenerAliasResponse201 | Tmf688Error | None:
    if response.status_code == 201:
        response_201 = RegisterListenerAliasResponse201.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Tmf688Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Tmf688Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Tmf688Error.from_dict(response.json())



        return response_403

    if response.status_code == 405:
        response_405 = Tmf688Error.from_dict(response.json())



        return response_405

    if response.status_code == 409:
        response_409 = Tmf688Error.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Tmf688Error.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = Tmf688Error.from_dict(response.json())



        return response_422

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[RegisterListenerAliasResponse201 | Tmf688Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: Tmf688EventSubscriptionInput,
    idempotency_key: str | Unset = UNSET,

) -> Response[RegisterListenerAliasResponse201 | Tmf688Error]:
    """ Register a hub (its query selects the events delivered to its callback)

    Args:
        idempotency_key (str | Unset):
        body (Tmf688EventSubscriptionInput): Sets the communication endpoint address the service
            instance must use to deliver notification information

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[RegisterListenerAliasResponse201 | Tmf688Error]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: Tmf688EventSubscriptionInput,
    idempotency_key: str | Unset = UNSET,

) -> RegisterListenerAliasResponse201 | Tmf688Error | None:
    """ Register a hub (its query selects the events delivered to its callback)

    Args:
        idempotency_key (str | Unset):
        body (Tmf688EventSubscriptionInput): Sets the communication endpoint address the service
            instance must use to deliver notification information

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        RegisterListenerAliasResponse201 | Tmf688Error
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: Tmf688EventSubscriptionInput,
    idempotency_key: str | Unset = UNSET,

) -> Response[RegisterListenerAliasResponse201 | Tmf688Error]:
    """ Register a hub (its query selects the events delivered to its callback)

    Args:
        idempotency_key (str | Unset):
        body (Tmf688EventSubscriptionInput): Sets the communication endpoint address the service
            instance must use to deliver notification information

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[RegisterListenerAliasResponse201 | Tmf688Error]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: Tmf688EventSubscriptionInput,
    idempotency_key: str | Unset = UNSET,

) -> RegisterListenerAliasResponse201 | Tmf688Error | None:
    """ Register a hub (its query selects the events delivered to its callback)

    Args:
        idempotency_key (str | Unset):
        body (Tmf688EventSubscriptionInput): Sets the communication endpoint address the service
            instance must use to deliver notification information

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        RegisterListenerAliasResponse201 | Tmf688Error
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
