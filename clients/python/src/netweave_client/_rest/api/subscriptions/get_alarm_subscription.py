from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.alarm_subscription_info import AlarmSubscriptionInfo
from ...models.problem_details import ProblemDetails
from typing import cast
from uuid import UUID



def _get_kwargs(
    alarm_subscription_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/o2ims-infrastructureMonitoring/v1/alarmSubscriptions/{alarm_subscription_id}".format(alarm_subscription_id=quote(str(alarm_subscription_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AlarmSubscriptionInfo | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = AlarmSubscriptionInfo.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = ProblemDetails.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = ProblemDetails.from_dict(response.json())



        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AlarmSubscriptionInfo | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    alarm_subscription_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[AlarmSubscriptionInfo | ProblemDetails]:
    """ Retrieve exactly one subscription

    Args:
        alarm_subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlarmSubscriptionInfo | ProblemDetails]
     """


    kwargs = _get_kwargs(
        alarm_subscription_id=alarm_subscription_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    alarm_subscription_id: UUID,
    *,
    client: AuthenticatedClient,

) -> AlarmSubscriptionInfo | ProblemDetails | None:
    """ Retrieve exactly one subscription

    Args:
        alarm_subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlarmSubscriptionInfo | ProblemDetails
     """


    return sync_detailed(
        alarm_subscription_id=alarm_subscription_id,
client=client,

    ).parsed

async def asyncio_detailed(
    alarm_subscription_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[AlarmSubscriptionInfo | ProblemDetails]:
    """ Retrieve exactly one subscription

    Args:
        alarm_subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlarmSubscriptionInfo | ProblemDetails]
     """


    kwargs = _get_kwargs(
        alarm_subscription_id=alarm_subscription_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    alarm_subscription_id: UUID,
    *,
    client: AuthenticatedClient,

) -> AlarmSubscriptionInfo | ProblemDetails | None:
    """ Retrieve exactly one subscription

    Args:
        alarm_subscription_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlarmSubscriptionInfo | ProblemDetails
     """


    return (await asyncio_detailed(
        alarm_subscription_id=alarm_subscription_id,
client=client,

    )).parsed
