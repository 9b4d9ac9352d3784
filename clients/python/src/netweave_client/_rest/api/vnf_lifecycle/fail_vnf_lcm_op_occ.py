from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.fail_vnf_lcm_op_occ_version import FailVnfLcmOpOccVersion
from ...models.problem_details import ProblemDetails
from ...models.vnf_lcm_op_occ import VnfLcmOpOcc
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    vnf_lcm_op_occ_id: str,
    *,
    version: FailVnfLcmOpOccVersion,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Version"] = str(version)


    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/vnflcm/v2/vnf_lcm_op_occs/{vnf_lcm_op_occ_id}/fail".format(vnf_lcm_op_occ_id=quote(str(vnf_lcm_op_occ_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | VnfLcmOpOcc | None:
    if response.status_code == 200:
        response_200 = VnfLcmOpOcc.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = ProblemDetails.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = ProblemDetails.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails | VnfLcmOpOcc]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    vnf_lcm_op_occ_id: str,
    *,
    client: AuthenticatedClient,
    version: FailVnfLcmOpOccVersion,
    idempotency_key: str | Unset = UNSET,

) -> Response[ProblemDetails | VnfLcmOpOcc]:
    """ Gives a FAILED_TEMP operation up (FAILED)

    Args:
        vnf_lcm_op_occ_id (str):
        version (FailVnfLcmOpOccVersion):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | VnfLcmOpOcc]
     """


    kwargs = _get_kwargs(
        vnf_lcm_op_occ_id=vnf_lcm_op_occ_id,
version=version,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    vnf_lcm_op_occ_id: str,
    *,
    client: AuthenticatedClient,
    version: FailVnfLcmOpOccVersion,
    idempotency_key: str | Unset = UNSET,

) -> ProblemDetails | VnfLcmOpOcc | None:
    """ Gives a FAILED_TEMP operation up (FAILED)

    Args:
        vnf_lcm_op_occ_id (str):
        version (FailVnfLcmOpOccVersion):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | VnfLcmOpOcc
     """


    return sync_detailed(
        vnf_lcm_op_occ_id=vnf_lcm_op_occ_id,
client=client,
version=version,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    vnf_lcm_op_occ_id: str,
    *,
    client: AuthenticatedClient,
    version: FailVnfLcmOpOccVersion,
    idempotency_key: str | Unset = UNSET,

) -> Response[ProblemDetails | VnfLcmOpOcc]:
    """ Gives a FAILED_TEMP operation up (FAILED)

    Args:
        vnf_lcm_op_occ_id (str):
        version (FailVnfLcmOpOccVersion):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | VnfLcmOpOcc]
     """


    kwargs = _get_kwargs(
        vnf_lcm_op_occ_id=vnf_lcm_op_occ_id,
version=version,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    vnf_lcm_op_occ_id: str,
    *,
    client: AuthenticatedClient,
    version: FailVnfLcmOpOccVersion,
    idempotency_key: str | Unset = UNSET,

) -> ProblemDetails | VnfLcmOpOcc | None:
    """ Gives a FAILED_TEMP operation up (FAILED)

    Args:
        vnf_lcm_op_occ_id (str):
        version (FailVnfLcmOpOccVersion):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | VnfLcmOpOcc
     """


    return (await asyncio_detailed(
        vnf_lcm_op_occ_id=vnf_lcm_op_occ_id,
client=client,
version=version,
idempotency_key=idempotency_key,

    )).parsed
