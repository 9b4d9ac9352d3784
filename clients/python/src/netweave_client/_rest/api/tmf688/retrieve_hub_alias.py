from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.tmf_688_error import Tmf688Error
from ...models.tmf_688_hub import Tmf688Hub
from typing import cast



def _get_kwargs(
    id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/tmf-api/eventManagement/v4/hub/{id}".format(id=quote(str(id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Tmf688Error | Tmf688Hub | None:
    if response.status_code == 200:
        response_200 = Tmf688Hub.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Tmf688Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Tmf688Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Tmf688Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Tmf688Error.from_dict(response.json())



        return response_404

    if response.status_code == 405:
        response_405 = Tmf688Error.from_dict(response.json())



        return response_405

    if response.status_code == 429:
        response_429 = Tmf688Error.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = Tmf688Error.from_dict(response.json())



        return response_500

    if response.status_code == 503:
        response_503 = Tmf688Error.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Tmf688Error | Tmf688Hub]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Tmf688Error | Tmf688Hub]:
    """ Retrieve a hub

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Tmf688Error | Tmf688Hub]
     """


    kwargs = _get_kwargs(
        id=id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: str,
    *,
    client: AuthenticatedClient,

) -> Tmf688Error | Tmf688Hub | None:
    """ Retrieve a hub

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Tmf688Error | Tmf688Hub
     """


    return sync_detailed(
        id=id,
client=client,

    ).parsed

async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,

) -> Response[Tmf688Error | Tmf688Hub]:
    """ Retrieve a hub

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Tmf688Error | Tmf688Hub]
     """


    kwargs = _get_kwargs(
        id=id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,

) -> Tmf688Error | Tmf688Hub | None:
    """ Retrieve a hub

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Tmf688Error | Tmf688Hub
     """


    return (await asyncio_detailed(
        id=id,
client=client,

    )).parsed
