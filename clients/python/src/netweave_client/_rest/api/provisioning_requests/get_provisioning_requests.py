from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem_details import ProblemDetails
from ...models.provisioning_request_info import ProvisioningRequestInfo
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    all_fields: None | str | Unset = 'false',
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    filter_: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_all_fields: None | str | Unset
    if isinstance(all_fields, Unset):
        json_all_fields = UNSET
    else:
        json_all_fields = all_fields
    params["all_fields"] = json_all_fields

    params["exclude_fields"] = exclude_fields

    params["fields"] = fields

    params["filter"] = filter_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/o2ims-infrastructureProvisioning/v1/provisioningRequests",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | list[ProvisioningRequestInfo] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = ProvisioningRequestInfo.from_dict(response_200_item_data)



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

    if response.status_code == 500:
        response_500 = ProblemDetails.from_dict(response.json())



        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails | list[ProvisioningRequestInfo]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    all_fields: None | str | Unset = 'false',
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    filter_: str | Unset = UNSET,

) -> Response[ProblemDetails | list[ProvisioningRequestInfo]]:
    """ Get provisioning requests

     Returns the list of provisioning requests.

    Args:
        all_fields (None | str | Unset):  Default: 'false'.
        exclude_fields (str | Unset):
        fields (str | Unset):
        filter_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | list[ProvisioningRequestInfo]]
     """


    kwargs = _get_kwargs(
        all_fields=all_fields,
exclude_fields=exclude_fields,
fields=fields,
filter_=filter_,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    all_fields: None | str | Unset = 'false',
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    filter_: str | Unset = UNSET,

) -> ProblemDetails | list[ProvisioningRequestInfo] | None:
    """ Get provisioning requests

     Returns the list of provisioning requests.

    Args:
        all_fields (None | str | Unset):  Default: 'false'.
        exclude_fields (str | Unset):
        fields (str | Unset):
        filter_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | list[ProvisioningRequestInfo]
     """


    return sync_detailed(
        client=client,
all_fields=all_fields,
exclude_fields=exclude_fields,
fields=fields,
filter_=filter_,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    all_fields: None | str | Unset = 'false',
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    filter_: str | Unset = UNSET,

) -> Response[ProblemDetails | list[ProvisioningRequestInfo]]:
    """ Get provisioning requests

     Returns the list of provisioning requests.

    Args:
        all_fields (None | str | Unset):  Default: 'false'.
        exclude_fields (str | Unset):
        fields (str | Unset):
        filter_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | list[ProvisioningRequestInfo]]
     """


    kwargs = _get_kwargs(
        all_fields=all_fields,
exclude_fields=exclude_fields,
fields=fields,
filter_=filter_,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    all_fields: None | str | Unset = 'false',
    exclude_fields: str | Unset = UNSET,
    fields: str | Unset = UNSET,
    filter_: str | Unset = UNSET,

) -> ProblemDetails | list[ProvisioningRequestInfo] | None:
    """ Get provisioning requests

     Returns the list of provisioning requests.

    Args:
        all_fields (None | str | Unset):  Default: 'false'.
        exclude_fields (str | Unset):
        fields (str | Unset):
        filter_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | list[ProvisioningRequestInfo]
     """


    return (await asyncio_detailed(
        client=client,
all_fields=all_fields,
exclude_fields=exclude_fields,
fields=fields,
filter_=filter_,

    )).parsed
