from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem_details import ProblemDetails
from ...models.provisioning_request_data import ProvisioningRequestData
from ...models.provisioning_request_info import ProvisioningRequestInfo
from typing import cast
from uuid import UUID



def _get_kwargs(
    provisioning_request_id: UUID,
    *,
    body: ProvisioningRequestData,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/o2ims-infrastructureProvisioning/v1/provisioningRequests/{provisioning_request_id}".format(provisioning_request_id=quote(str(provisioning_request_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | ProvisioningRequestInfo | None:
    if response.status_code == 200:
        response_200 = ProvisioningRequestInfo.from_dict(response.json())



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

    if response.status_code == 412:
        response_412 = ProblemDetails.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())



        return response_422

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails | ProvisioningRequestInfo]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    provisioning_request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProvisioningRequestData,

) -> Response[ProblemDetails | ProvisioningRequestInfo]:
    """ Update a provisioning request

     Replaces an existing provisioning request.

    Args:
        provisioning_request_id (UUID):
        body (ProvisioningRequestData): Input parameters for a provisioning request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ProvisioningRequestInfo]
     """


    kwargs = _get_kwargs(
        provisioning_request_id=provisioning_request_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    provisioning_request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProvisioningRequestData,

) -> ProblemDetails | ProvisioningRequestInfo | None:
    """ Update a provisioning request

     Replaces an existing provisioning request.

    Args:
        provisioning_request_id (UUID):
        body (ProvisioningRequestData): Input parameters for a provisioning request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ProvisioningRequestInfo
     """


    return sync_detailed(
        provisioning_request_id=provisioning_request_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    provisioning_request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProvisioningRequestData,

) -> Response[ProblemDetails | ProvisioningRequestInfo]:
    """ Update a provisioning request

     Replaces an existing provisioning request.

    Args:
        provisioning_request_id (UUID):
        body (ProvisioningRequestData): Input parameters for a provisioning request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ProvisioningRequestInfo]
     """


    kwargs = _get_kwargs(
        provisioning_request_id=provisioning_request_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    provisioning_request_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProvisioningRequestData,

) -> ProblemDetails | ProvisioningRequestInfo | None:
    """ Update a provisioning request

     Replaces an existing provisioning request.

    Args:
        provisioning_request_id (UUID):
        body (ProvisioningRequestData): Input parameters for a provisioning request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ProvisioningRequestInfo
     """


    return (await asyncio_detailed(
        provisioning_request_id=provisioning_request_id,
client=client,
body=body,

    )).parsed
