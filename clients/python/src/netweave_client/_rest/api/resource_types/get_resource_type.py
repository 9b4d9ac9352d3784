from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem_details import ProblemDetails
from ...models.resource_type import ResourceType
from typing import cast
from uuid import UUID



def _get_kwargs(
    resource_type_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/o2ims-infrastructureInventory/v2/resourceTypes/{resource_type_id}".format(resource_type_id=quote(str(resource_type_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | ResourceType | None:
    if response.status_code == 200:
        response_200 = ResourceType.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails | ResourceType]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    resource_type_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[ProblemDetails | ResourceType]:
    """ Get a resource type

     Returns the details of a resource type.

    Args:
        resource_type_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ResourceType]
     """


    kwargs = _get_kwargs(
        resource_type_id=resource_type_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    resource_type_id: UUID,
    *,
    client: AuthenticatedClient,

) -> ProblemDetails | ResourceType | None:
    """ Get a resource type

     Returns the details of a resource type.

    Args:
        resource_type_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ResourceType
     """


    return sync_detailed(
        resource_type_id=resource_type_id,
client=client,

    ).parsed

async def asyncio_detailed(
    resource_type_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[ProblemDetails | ResourceType]:
    """ Get a resource type

     Returns the details of a resource type.

    Args:
        resource_type_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ResourceType]
     """


    kwargs = _get_kwargs(
        resource_type_id=resource_type_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    resource_type_id: UUID,
    *,
    client: AuthenticatedClient,

) -> ProblemDetails | ResourceType | None:
    """ Get a resource type

     Returns the details of a resource type.

    Args:
        resource_type_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ResourceType
     """


    return (await asyncio_detailed(
        resource_type_id=resource_type_id,
client=client,

    )).parsed
