from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.modify_vnf_instance_version import ModifyVnfInstanceVersion
from ...models.problem_details import ProblemDetails
from ...models.vnf_info_modification_request import VnfInfoModificationRequest
from typing import cast



def _get_kwargs(
    vnf_instance_id: str,
    *,
    body:    VnfInfoModificationRequest  |     VnfInfoModificationRequest  | Unset = UNSET,
    version: ModifyVnfInstanceVersion,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Version"] = str(version)




    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/vnflcm/v2/vnf_instances/{vnf_instance_id}".format(vnf_instance_id=quote(str(vnf_instance_id), safe=""),),
    }

    if isinstance(body, VnfInfoModificationRequest):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, VnfInfoModificationRequest):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/merge-patch+json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ProblemDetails | None:
    if response.status_code == 202:
        response_202 = cast(Any, None)
        return response_202

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

    if response.status_code == 409:
        response_409 = ProblemDetails.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())



        return response_413

    if response.status_code == 429:
        response_429 = ProblemDetails.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    vnf_instance_id: str,
    *,
    client: AuthenticatedClient,
    body:    VnfInfoModificationRequest  |     VnfInfoModificationRequest  | Unset = UNSET,
    version: ModifyVnfInstanceVersion,

) -> Response[Any | ProblemDetails]:
    """ Changes its information (MODIFY_INFO)

    Args:
        vnf_instance_id (str):
        version (ModifyVnfInstanceVersion):
        body (VnfInfoModificationRequest):
        body (VnfInfoModificationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemDetails]
     """


    kwargs = _get_kwargs(
        vnf_instance_id=vnf_instance_id,
body=body,
version=version,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    vnf_instance_id: str,
    *,
    client: AuthenticatedClient,
    body:    VnfInfoModificationRequest  |     VnfInfoModificationRequest  | Unset = UNSET,
    version: ModifyVnfInstanceVersion,

) -> Any | ProblemDetails | None:
    """ Changes its information (MODIFY_INFO)

    Args:
        vnf_instance_id (str):
        version (ModifyVnfInstanceVersion):
        body (VnfInfoModificationRequest):
        body (VnfInfoModificationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemDetails
     """


    return sync_detailed(
        vnf_instance_id=vnf_instance_id,
client=client,
body=body,
version=version,

    ).parsed

async def asyncio_detailed(
    vnf_instance_id: str,
    *,
    client: AuthenticatedClient,
    body:    VnfInfoModificationRequest  |     VnfInfoModificationRequest  | Unset = UNSET,
    version: ModifyVnfInstanceVersion,

) -> Response[Any | ProblemDetails]:
    """ Changes its information (MODIFY_INFO)

    Args:
        vnf_instance_id (str):
        version (ModifyVnfInstanceVersion):
        body (VnfInfoModificationRequest):
        body (VnfInfoModificationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemDetails]
     """


    kwargs = _get_kwargs(
        vnf_instance_id=vnf_instance_id,
body=body,
version=version,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    vnf_instance_id: str,
    *,
    client: AuthenticatedClient,
    body:    VnfInfoModificationRequest  |     VnfInfoModificationRequest  | Unset = UNSET,
    version: ModifyVnfInstanceVersion,

) -> Any | ProblemDetails | None:
    """ Changes its information (MODIFY_INFO)

    Args:
        vnf_instance_id (str):
        version (ModifyVnfInstanceVersion):
        body (VnfInfoModificationRequest):
        body (VnfInfoModificationRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemDetails
     """


    return (await asyncio_detailed(
        vnf_instance_id=vnf_instance_id,
client=client,
body=body,
version=version,

    )).parsed
