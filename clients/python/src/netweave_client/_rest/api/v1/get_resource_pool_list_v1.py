from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem_details import ProblemDetails
from ...models.v1_resource_pool_get_dto import V1ResourcePoolGetDto
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    filter_: str | Unset = UNSET,
    exclude_default: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,
    nextpage_opaque_marker: str | Unset = '\\"1\\"',
    limit: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["filter"] = filter_

    params["exclude_default"] = exclude_default

    params["exclude_fields"] = exclude_fields

    params["fields"] = fields

    params["all_fields"] = all_fields

    params["nextpage_opaque_marker"] = nextpage_opaque_marker

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/o2ims-infrastructureInventory/v1/resourcePools",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | list[V1ResourcePoolGetDto] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = V1ResourcePoolGetDto.from_dict(response_200_item_data)



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails | list[V1ResourcePoolGetDto]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    filter_: str | Unset = UNSET,
    exclude_default: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,
    nextpage_opaque_marker: str | Unset = '\\"1\\"',
    limit: int | Unset = UNSET,

) -> Response[ProblemDetails | list[V1ResourcePoolGetDto]]:
    """ Get Resource Pool List

     INF O2 `/v1` list: always paged (`limit`, default from the server configuration;
    `nextpage_opaque_marker` is a page number or a marker from `Link`), with `Link` and `X-Total-Count`.

    Args:
        filter_ (str | Unset):
        exclude_default (str | Unset):
        exclude_fields (str | Unset):
        fields (str | Unset):
        all_fields (str | Unset):
        nextpage_opaque_marker (str | Unset):  Default: '\\\\"1\\\\"'.
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | list[V1ResourcePoolGetDto]]
     """


    kwargs = _get_kwargs(
        filter_=filter_,
exclude_default=exclude_default,
exclude_fields=exclude_fields,
fields=fields,
all_fields=all_fields,
nextpage_opaque_marker=nextpage_opaque_marker,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    filter_: str | Unset = UNSET,
    exclude_default: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,
    nextpage_opaque_marker: str | Unset = '\\"1\\"',
    limit: int | Unset = UNSET,

) -> ProblemDetails | list[V1ResourcePoolGetDto] | None:
    """ Get Resource Pool List

     INF O2 `/v1` list: always paged (`limit`, default from the server configuration;
    `nextpage_opaque_marker` is a page number or a marker from `Link`), with `Link` and `X-Total-Count`.

    Args:
        filter_ (str | Unset):
        exclude_default (str | Unset):
        exclude_fields (str | Unset):
        fields (str | Unset):
        all_fields (str | Unset):
        nextpage_opaque_marker (str | Unset):  Default: '\\\\"1\\\\"'.
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | list[V1ResourcePoolGetDto]
     """


    return sync_detailed(
        client=client,
filter_=filter_,
exclude_default=exclude_default,
exclude_fields=exclude_fields,
fields=fields,
all_fields=all_fields,
nextpage_opaque_marker=nextpage_opaque_marker,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    filter_: str | Unset = UNSET,
    exclude_default: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,
    nextpage_opaque_marker: str | Unset = '\\"1\\"',
    limit: int | Unset = UNSET,

) -> Response[ProblemDetails | list[V1ResourcePoolGetDto]]:
    """ Get Resource Pool List

     INF O2 `/v1` list: always paged (`limit`, default from the server configuration;
    `nextpage_opaque_marker` is a page number or a marker from `Link`), with `Link` and `X-Total-Count`.

    Args:
        filter_ (str | Unset):
        exclude_default (str | Unset):
        exclude_fields (str | Unset):
        fields (str | Unset):
        all_fields (str | Unset):
        nextpage_opaque_marker (str | Unset):  Default: '\\\\"1\\\\"'.
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | list[V1ResourcePoolGetDto]]
     """


    kwargs = _get_kwargs(
        filter_=filter_,
exclude_default=exclude_default,
exclude_fields=exclude_fields,
fields=fields,
all_fields=all_fields,
nextpage_opaque_marker=nextpage_opaque_marker,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    filter_: str | Unset = UNSET,
    exclude_default: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,
    nextpage_opaque_marker: str | Unset = '\\"1\\"',
    limit: int | Unset = UNSET,

) -> ProblemDetails | list[V1ResourcePoolGetDto] | None:
    """ Get Resource Pool List

     INF O2 `/v1` list: always paged (`limit`, default from the server configuration;
    `nextpage_opaque_marker` is a page number or a marker from `Link`), with `Link` and `X-Total-Count`.

    Args:
        filter_ (str | Unset):
        exclude_default (str | Unset):
        exclude_fields (str | Unset):
        fields (str | Unset):
        all_fields (str | Unset):
        nextpage_opaque_marker (str | Unset):  Default: '\\\\"1\\\\"'.
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | list[V1ResourcePoolGetDto]
     """


    return (await asyncio_detailed(
        client=client,
filter_=filter_,
exclude_default=exclude_default,
exclude_fields=exclude_fields,
fields=fields,
all_fields=all_fields,
nextpage_opaque_marker=nextpage_opaque_marker,
limit=limit,

    )).parsed
