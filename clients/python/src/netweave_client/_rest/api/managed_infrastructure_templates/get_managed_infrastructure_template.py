from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.managed_infrastructure_template import ManagedInfrastructureTemplate
from ...models.problem_details import ProblemDetails
from typing import cast



def _get_kwargs(
    managed_infrastructure_template_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/o2ims-infrastructureArtifacts/v1/managedInfrastructureTemplates/{managed_infrastructure_template_id}".format(managed_infrastructure_template_id=quote(str(managed_infrastructure_template_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ManagedInfrastructureTemplate | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = ManagedInfrastructureTemplate.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ManagedInfrastructureTemplate | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    managed_infrastructure_template_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[ManagedInfrastructureTemplate | ProblemDetails]:
    """ Get managed infrastructure templates

     Returns the details of a managed infrastructure template.

    Args:
        managed_infrastructure_template_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ManagedInfrastructureTemplate | ProblemDetails]
     """


    kwargs = _get_kwargs(
        managed_infrastructure_template_id=managed_infrastructure_template_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    managed_infrastructure_template_id: str,
    *,
    client: AuthenticatedClient,

) -> ManagedInfrastructureTemplate | ProblemDetails | None:
    """ Get managed infrastructure templates

     Returns the details of a managed infrastructure template.

    Args:
        managed_infrastructure_template_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ManagedInfrastructureTemplate | ProblemDetails
     """


    return sync_detailed(
        managed_infrastructure_template_id=managed_infrastructure_template_id,
client=client,

    ).parsed

async def asyncio_detailed(
    managed_infrastructure_template_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[ManagedInfrastructureTemplate | ProblemDetails]:
    """ Get managed infrastructure templates

     Returns the details of a managed infrastructure template.

    Args:
        managed_infrastructure_template_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ManagedInfrastructureTemplate | ProblemDetails]
     """


    kwargs = _get_kwargs(
        managed_infrastructure_template_id=managed_infrastructure_template_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    managed_infrastructure_template_id: str,
    *,
    client: AuthenticatedClient,

) -> ManagedInfrastructureTemplate | ProblemDetails | None:
    """ Get managed infrastructure templates

     Returns the details of a managed infrastructure template.

    Args:
        managed_infrastructure_template_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ManagedInfrastructureTemplate | ProblemDetails
     """


    return (await asyncio_detailed(
        managed_infrastructure_template_id=managed_infrastructure_template_id,
client=client,

    )).parsed
