from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.lccn_subscription import LccnSubscription
from ...models.list_lccn_subscriptions_version import ListLccnSubscriptionsVersion
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    filter_: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    exclude_default: str | Unset = UNSET,
    nextpage_opaque_marker: str | Unset = UNSET,
    all_records: str | Unset = UNSET,
    version: ListLccnSubscriptionsVersion,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Version"] = str(version)




    

    params: dict[str, Any] = {}

    params["filter"] = filter_

    params["all_fields"] = all_fields

    params["fields"] = fields

    params["exclude_fields"] = exclude_fields

    params["exclude_default"] = exclude_default

    params["nextpage_opaque_marker"] = nextpage_opaque_marker

    params["all_records"] = all_records


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/vnflcm/v2/subscriptions",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | list[LccnSubscription] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = LccnSubscription.from_dict(response_200_item_data)



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails | list[LccnSubscription]]:
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
    all_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    exclude_default: str | Unset = UNSET,
    nextpage_opaque_marker: str | Unset = UNSET,
    all_records: str | Unset = UNSET,
    version: ListLccnSubscriptionsVersion,

) -> Response[ProblemDetails | list[LccnSubscription]]:
    """ The caller's lifecycle subscriptions

    Args:
        filter_ (str | Unset):
        all_fields (str | Unset):
        fields (str | Unset):
        exclude_fields (str | Unset):
        exclude_default (str | Unset):
        nextpage_opaque_marker (str | Unset):
        all_records (str | Unset):
        version (ListLccnSubscriptionsVersion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | list[LccnSubscription]]
     """


    kwargs = _get_kwargs(
        filter_=filter_,
all_fields=all_fields,
fields=fields,
exclude_fields=exclude_fields,
exclude_default=exclude_default,
nextpage_opaque_marker=nextpage_opaque_marker,
all_records=all_records,
version=version,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    filter_: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    exclude_default: str | Unset = UNSET,
    nextpage_opaque_marker: str | Unset = UNSET,
    all_records: str | Unset = UNSET,
    version: ListLccnSubscriptionsVersion,

) -> ProblemDetails | list[LccnSubscription] | None:
    """ The caller's lifecycle subscriptions

    Args:
        filter_ (str | Unset):
        all_fields (str | Unset):
        fields (str | Unset):
        exclude_fields (str | Unset):
        exclude_default (str | Unset):
        nextpage_opaque_marker (str | Unset):
        all_records (str | Unset):
        version (ListLccnSubscriptionsVersion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | list[LccnSubscription]
     """


    return sync_detailed(
        client=client,
filter_=filter_,
all_fields=all_fields,
fields=fields,
exclude_fields=exclude_fields,
exclude_default=exclude_default,
nextpage_opaque_marker=nextpage_opaque_marker,
all_records=all_records,
version=version,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    filter_: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    exclude_default: str | Unset = UNSET,
    nextpage_opaque_marker: str | Unset = UNSET,
    all_records: str | Unset = UNSET,
    version: ListLccnSubscriptionsVersion,

) -> Response[ProblemDetails | list[LccnSubscription]]:
    """ The caller's lifecycle subscriptions

    Args:
        filter_ (str | Unset):
        all_fields (str | Unset):
        fields (str | Unset):
        exclude_fields (str | Unset):
        exclude_default (str | Unset):
        nextpage_opaque_marker (str | Unset):
        all_records (str | Unset):
        version (ListLccnSubscriptionsVersion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | list[LccnSubscription]]
     """


    kwargs = _get_kwargs(
        filter_=filter_,
all_fields=all_fields,
fields=fields,
exclude_fields=exclude_fields,
exclude_default=exclude_default,
nextpage_opaque_marker=nextpage_opaque_marker,
all_records=all_records,
version=version,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    filter_: str | Unset = UNSET,
    all_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    exclude_fields: str | Unset = UNSET,
    exclude_default: str | Unset = UNSET,
    nextpage_opaque_marker: str | Unset = UNSET,
    all_records: str | Unset = UNSET,
    version: ListLccnSubscriptionsVersion,

) -> ProblemDetails | list[LccnSubscription] | None:
    """ The caller's lifecycle subscriptions

    Args:
        filter_ (str | Unset):
        all_fields (str | Unset):
        fields (str | Unset):
        exclude_fields (str | Unset):
        exclude_default (str | Unset):
        nextpage_opaque_marker (str | Unset):
        all_records (str | Unset):
        version (ListLccnSubscriptionsVersion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | list[LccnSubscription]
     """


    return (await asyncio_detailed(
        client=client,
filter_=filter_,
all_fields=all_fields,
fields=fields,
exclude_fields=exclude_fields,
exclude_default=exclude_default,
nextpage_opaque_marker=nextpage_opaque_marker,
all_records=all_records,
version=version,

    )).parsed
