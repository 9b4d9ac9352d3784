from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem_details import ProblemDetails
from ...models.v1_resource_type_get_dto import V1ResourceTypeGetDto
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    resource_type_id: str,
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
        "url": "/o2ims-infrastructureInventory/v1/resourceTypes/{resource_type_id}".format(resource_type_id=quote(str(resource_type_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | V1ResourceTypeGetDto | None:
    if response.status_code == 200:
        response_200 = V1ResourceTypeGetDto.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails | V1ResourceTypeGetDto]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    resource_type_id: str,
    *,
    client: AuthenticatedClient,
    exclude_default: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,

) -> Response[ProblemDetails | V1ResourceTypeGetDto]:
    """ Get Resource Type Information

    Args:
        resource_type_id (str):
        exclude_default (str | Unset):
        exclude_fields (str | Unset):
        fields (str | Unset):
        all_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | V1ResourceTypeGetDto]
     """


    kwargs = _get_kwargs(
        resource_type_id=resource_type_id,
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
    resource_type_id: str,
    *,
    client: AuthenticatedClient,
    exclude_default: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,

) -> ProblemDetails | V1ResourceTypeGetDto | None:
    """ Get Resource Type Information

    Args:
        resource_type_id (str):
        exclude_default (str | Unset):
        exclude_fields (str | Unset):
        fields (str | Unset):
        all_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | V1ResourceTypeGetDto
     """


    return sync_detailed(
        resource_type_id=resource_type_id,
client=client,
exclude_default=exclude_default,
exclude_fields=exclude_fields,
fields=fields,
all_fields=all_fields,

    ).parsed

async def asyncio_detailed(
    resource_type_id: str,
    *,
    client: AuthenticatedClient,
    exclude_default: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,

) -> Response[ProblemDetails | V1ResourceTypeGetDto]:
    """ Get Resource Type Information

    Args:
        resource_type_id (str):
        exclude_default (str | Unset):
        exclude_fields (str | Unset):
        fields (str | Unset):
        all_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | V1ResourceTypeGetDto]
     """


    kwargs = _get_kwargs(
        resource_type_id=resource_type_id,
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
    resource_type_id: str,
    *,
    client: AuthenticatedClient,
    exclude_default: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,

) -> ProblemDetails | V1ResourceTypeGetDto | None:
    """ Get Resource Type Information

    Args:
        resource_type_id (str):
        exclude_default (str | Unset):
        exclude_fields (str | Unset):
        fields (str | Unset):
        all_fields (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | V1ResourceTypeGetDto
     """


    return (await asyncio_detailed(
        resource_type_id=resource_type_id,
client=client,
exclude_default=exclude_default,
exclude_fields=exclude_fields,
fields=fields,
all_fields=all_fields,

    )).parsed
