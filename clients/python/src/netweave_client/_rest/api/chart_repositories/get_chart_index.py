from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem_details import ProblemDetails
from typing import cast



def _get_kwargs(
    vnf_pkg_id: str,
    digest: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/dms/charts/{vnf_pkg_id}/{digest}/index.yaml".format(vnf_pkg_id=quote(str(vnf_pkg_id), safe=""),digest=quote(str(digest), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | None:
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    vnf_pkg_id: str,
    digest: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ProblemDetails]:
    """ The package's Helm chart repository index (for Flux and Argo CD); `digest` is the SHA-256 of the
    package's content, which makes the address the capability

    Args:
        vnf_pkg_id (str):
        digest (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails]
     """


    kwargs = _get_kwargs(
        vnf_pkg_id=vnf_pkg_id,
digest=digest,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    vnf_pkg_id: str,
    digest: str,
    *,
    client: AuthenticatedClient | Client,

) -> ProblemDetails | None:
    """ The package's Helm chart repository index (for Flux and Argo CD); `digest` is the SHA-256 of the
    package's content, which makes the address the capability

    Args:
        vnf_pkg_id (str):
        digest (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails
     """


    return sync_detailed(
        vnf_pkg_id=vnf_pkg_id,
digest=digest,
client=client,

    ).parsed

async def asyncio_detailed(
    vnf_pkg_id: str,
    digest: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[ProblemDetails]:
    """ The package's Helm chart repository index (for Flux and Argo CD); `digest` is the SHA-256 of the
    package's content, which makes the address the capability

    Args:
        vnf_pkg_id (str):
        digest (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails]
     """


    kwargs = _get_kwargs(
        vnf_pkg_id=vnf_pkg_id,
digest=digest,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    vnf_pkg_id: str,
    digest: str,
    *,
    client: AuthenticatedClient | Client,

) -> ProblemDetails | None:
    """ The package's Helm chart repository index (for Flux and Argo CD); `digest` is the SHA-256 of the
    package's content, which makes the address the capability

    Args:
        vnf_pkg_id (str):
        digest (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails
     """


    return (await asyncio_detailed(
        vnf_pkg_id=vnf_pkg_id,
digest=digest,
client=client,

    )).parsed
