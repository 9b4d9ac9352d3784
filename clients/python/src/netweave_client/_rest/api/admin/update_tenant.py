from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem_details import ProblemDetails
from ...models.tenant import Tenant
from ...models.tenant_input import TenantInput
from typing import cast



def _get_kwargs(
    tenant_id: str,
    *,
    body: TenantInput,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/admin/v1/tenants/{tenant_id}".format(tenant_id=quote(str(tenant_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | Tenant | None:
    if response.status_code == 200:
        response_200 = Tenant.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails | Tenant]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient,
    body: TenantInput,

) -> Response[ProblemDetails | Tenant]:
    """ Replace a tenant's status, scope and quotas; suspending refuses its callers from the next request

    Args:
        tenant_id (str):
        body (TenantInput): A tenant to create (`tenantId` required) or to replace (`tenantId`
            absent or equal to the path's). `createdAt` and `updatedAt` are set by the server and
            ignored; `null` is the same as absent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | Tenant]
     """


    kwargs = _get_kwargs(
        tenant_id=tenant_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    tenant_id: str,
    *,
    client: AuthenticatedClient,
    body: TenantInput,

) -> ProblemDetails | Tenant | None:
    """ Replace a tenant's status, scope and quotas; suspending refuses its callers from the next request

    Args:
        tenant_id (str):
        body (TenantInput): A tenant to create (`tenantId` required) or to replace (`tenantId`
            absent or equal to the path's). `createdAt` and `updatedAt` are set by the server and
            ignored; `null` is the same as absent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | Tenant
     """


    return sync_detailed(
        tenant_id=tenant_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient,
    body: TenantInput,

) -> Response[ProblemDetails | Tenant]:
    """ Replace a tenant's status, scope and quotas; suspending refuses its callers from the next request

    Args:
        tenant_id (str):
        body (TenantInput): A tenant to create (`tenantId` required) or to replace (`tenantId`
            absent or equal to the path's). `createdAt` and `updatedAt` are set by the server and
            ignored; `null` is the same as absent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | Tenant]
     """


    kwargs = _get_kwargs(
        tenant_id=tenant_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient,
    body: TenantInput,

) -> ProblemDetails | Tenant | None:
    """ Replace a tenant's status, scope and quotas; suspending refuses its callers from the next request

    Args:
        tenant_id (str):
        body (TenantInput): A tenant to create (`tenantId` required) or to replace (`tenantId`
            absent or equal to the path's). `createdAt` and `updatedAt` are set by the server and
            ignored; `null` is the same as absent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | Tenant
     """


    return (await asyncio_detailed(
        tenant_id=tenant_id,
client=client,
body=body,

    )).parsed
