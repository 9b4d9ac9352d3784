from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.create_lccn_subscription_version import CreateLccnSubscriptionVersion
from ...models.lccn_subscription import LccnSubscription
from ...models.lccn_subscription_request import LccnSubscriptionRequest
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: LccnSubscriptionRequest,
    version: CreateLccnSubscriptionVersion,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Version"] = str(version)


    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/vnflcm/v2/subscriptions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LccnSubscription | ProblemDetails | None:
    if response.status_code == 201:
        response_201 = LccnSubscription.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = ProblemDetails.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())



        return response_403

    if response.status_code == 406:
        response_406 = ProblemDetails.from_dict(response.json())



        return response_406

    if response.status_code == 409:
        response_409 = ProblemDetails.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = ProblemDetails.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LccnSubscription | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: LccnSubscriptionRequest,
    version: CreateLccnSubscriptionVersion,
    idempotency_key: str | Unset = UNSET,

) -> Response[LccnSubscription | ProblemDetails]:
    """ Subscribes a callback to lifecycle change notifications

    Args:
        version (CreateLccnSubscriptionVersion):
        idempotency_key (str | Unset):
        body (LccnSubscriptionRequest): A lifecycle subscription request (SOL003 §5.5.2.15). The
            callback is tested before anything is stored: a GET with the subscription's authentication
            and `Version` must answer 204 (else 422).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LccnSubscription | ProblemDetails]
     """


    kwargs = _get_kwargs(
        body=body,
version=version,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: LccnSubscriptionRequest,
    version: CreateLccnSubscriptionVersion,
    idempotency_key: str | Unset = UNSET,

) -> LccnSubscription | ProblemDetails | None:
    """ Subscribes a callback to lifecycle change notifications

    Args:
        version (CreateLccnSubscriptionVersion):
        idempotency_key (str | Unset):
        body (LccnSubscriptionRequest): A lifecycle subscription request (SOL003 §5.5.2.15). The
            callback is tested before anything is stored: a GET with the subscription's authentication
            and `Version` must answer 204 (else 422).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LccnSubscription | ProblemDetails
     """


    return sync_detailed(
        client=client,
body=body,
version=version,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: LccnSubscriptionRequest,
    version: CreateLccnSubscriptionVersion,
    idempotency_key: str | Unset = UNSET,

) -> Response[LccnSubscription | ProblemDetails]:
    """ Subscribes a callback to lifecycle change notifications

    Args:
        version (CreateLccnSubscriptionVersion):
        idempotency_key (str | Unset):
        body (LccnSubscriptionRequest): A lifecycle subscription request (SOL003 §5.5.2.15). The
            callback is tested before anything is stored: a GET with the subscription's authentication
            and `Version` must answer 204 (else 422).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LccnSubscription | ProblemDetails]
     """


    kwargs = _get_kwargs(
        body=body,
version=version,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: LccnSubscriptionRequest,
    version: CreateLccnSubscriptionVersion,
    idempotency_key: str | Unset = UNSET,

) -> LccnSubscription | ProblemDetails | None:
    """ Subscribes a callback to lifecycle change notifications

    Args:
        version (CreateLccnSubscriptionVersion):
        idempotency_key (str | Unset):
        body (LccnSubscriptionRequest): A lifecycle subscription request (SOL003 §5.5.2.15). The
            callback is tested before anything is stored: a GET with the subscription's authentication
            and `Version` must answer 204 (else 422).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LccnSubscription | ProblemDetails
     """


    return (await asyncio_detailed(
        client=client,
body=body,
version=version,
idempotency_key=idempotency_key,

    )).parsed
