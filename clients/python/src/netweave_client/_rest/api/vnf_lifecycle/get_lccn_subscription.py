from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_lccn_subscription_version import GetLccnSubscriptionVersion
from ...models.lccn_subscription import LccnSubscription
from ...models.problem_details import ProblemDetails
from typing import cast



def _get_kwargs(
    subscription_id: str,
    *,
    version: GetLccnSubscriptionVersion,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Version"] = str(version)




    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/vnflcm/v2/subscriptions/{subscription_id}".format(subscription_id=quote(str(subscription_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LccnSubscription | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = LccnSubscription.from_dict(response.json())



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

    if response.status_code == 404:
        response_404 = ProblemDetails.from_dict(response.json())



        return response_404

    if response.status_code == 406:
        response_406 = ProblemDetails.from_dict(response.json())



        return response_406

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
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    version: GetLccnSubscriptionVersion,

) -> Response[LccnSubscription | ProblemDetails]:
    """ A lifecycle subscription

    Args:
        subscription_id (str):
        version (GetLccnSubscriptionVersion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LccnSubscription | ProblemDetails]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
version=version,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    version: GetLccnSubscriptionVersion,

) -> LccnSubscription | ProblemDetails | None:
    """ A lifecycle subscription

    Args:
        subscription_id (str):
        version (GetLccnSubscriptionVersion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LccnSubscription | ProblemDetails
     """


    return sync_detailed(
        subscription_id=subscription_id,
client=client,
version=version,

    ).parsed

async def asyncio_detailed(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    version: GetLccnSubscriptionVersion,

) -> Response[LccnSubscription | ProblemDetails]:
    """ A lifecycle subscription

    Args:
        subscription_id (str):
        version (GetLccnSubscriptionVersion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LccnSubscription | ProblemDetails]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
version=version,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    version: GetLccnSubscriptionVersion,

) -> LccnSubscription | ProblemDetails | None:
    """ A lifecycle subscription

    Args:
        subscription_id (str):
        version (GetLccnSubscriptionVersion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LccnSubscription | ProblemDetails
     """


    return (await asyncio_detailed(
        subscription_id=subscription_id,
client=client,
version=version,

    )).parsed
