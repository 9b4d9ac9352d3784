from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem_details import ProblemDetails
from ...models.v1_subscription_get_dto import V1SubscriptionGetDto
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    subscription_id: str,
    *,
    exclude_default: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["exclude_default"] = exclude_default

    params["exclude_fields"] = exclude_fields

    params["fields"] = fields

    params["all_fields"] = all_fields


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/o2ims-infrastructureInventory/v1/subscriptions/{subscription_id}".format(subscription_id=quote(str(subscription_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | V1SubscriptionGetDto | None:
    if response.status_code == 200:
        response_200 = V1SubscriptionGetDto.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails | V1SubscriptionGetDto]:
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
    exclude_default: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,

) -> Response[ProblemDetails | V1SubscriptionGetDto]:
    """ Get Subscription Information

    Args:
        subscription_id (str):
        exclude_default (str | Unset):
        exclude_fields (str | Unset):
        fields (str | Unset):
        all_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | V1SubscriptionGetDto]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
exclude_default=exclude_default,
exclude_fields=exclude_fields,
fields=fields,
all_fields=all_fields,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    exclude_default: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,

) -> ProblemDetails | V1SubscriptionGetDto | None:
    """ Get Subscription Information

    Args:
        subscription_id (str):
        exclude_default (str | Unset):
        exclude_fields (str | Unset):
        fields (str | Unset):
        all_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | V1SubscriptionGetDto
     """


    return sync_detailed(
        subscription_id=subscription_id,
client=client,
exclude_default=exclude_default,
exclude_fields=exclude_fields,
fields=fields,
all_fields=all_fields,

    ).parsed

async def asyncio_detailed(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    exclude_default: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,

) -> Response[ProblemDetails | V1SubscriptionGetDto]:
    """ Get Subscription Information

    Args:
        subscription_id (str):
        exclude_default (str | Unset):
        exclude_fields (str | Unset):
        fields (str | Unset):
        all_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | V1SubscriptionGetDto]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
exclude_default=exclude_default,
exclude_fields=exclude_fields,
fields=fields,
all_fields=all_fields,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    exclude_default: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,

) -> ProblemDetails | V1SubscriptionGetDto | None:
    """ Get Subscription Information

    Args:
        subscription_id (str):
        exclude_default (str | Unset):
        exclude_fields (str | Unset):
        fields (str | Unset):
        all_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | V1SubscriptionGetDto
     """


    return (await asyncio_detailed(
        subscription_id=subscription_id,
client=client,
exclude_default=exclude_default,
exclude_fields=exclude_fields,
fields=fields,
all_fields=all_fields,

    )).parsed
