from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.alarm_event_record_modifications import AlarmEventRecordModifications
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    alarm_event_record_id: UUID,
    *,
    body: AlarmEventRecordModifications,
    if_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/o2ims-infrastructureMonitoring/v1/alarms/{alarm_event_record_id}".format(alarm_event_record_id=quote(str(alarm_event_record_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/merge-patch+json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AlarmEventRecordModifications | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = AlarmEventRecordModifications.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = ProblemDetails.from_dict(response.json())



        return response_409

    if response.status_code == 412:
        response_412 = ProblemDetails.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = ProblemDetails.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AlarmEventRecordModifications | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    alarm_event_record_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AlarmEventRecordModifications,
    if_match: str | Unset = UNSET,

) -> Response[AlarmEventRecordModifications | ProblemDetails]:
    """ Modify an individual alarm record

    Args:
        alarm_event_record_id (UUID):
        if_match (str | Unset):
        body (AlarmEventRecordModifications):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlarmEventRecordModifications | ProblemDetails]
     """


    kwargs = _get_kwargs(
        alarm_event_record_id=alarm_event_record_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    alarm_event_record_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AlarmEventRecordModifications,
    if_match: str | Unset = UNSET,

) -> AlarmEventRecordModifications | ProblemDetails | None:
    """ Modify an individual alarm record

    Args:
        alarm_event_record_id (UUID):
        if_match (str | Unset):
        body (AlarmEventRecordModifications):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlarmEventRecordModifications | ProblemDetails
     """


    return sync_detailed(
        alarm_event_record_id=alarm_event_record_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    alarm_event_record_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AlarmEventRecordModifications,
    if_match: str | Unset = UNSET,

) -> Response[AlarmEventRecordModifications | ProblemDetails]:
    """ Modify an individual alarm record

    Args:
        alarm_event_record_id (UUID):
        if_match (str | Unset):
        body (AlarmEventRecordModifications):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlarmEventRecordModifications | ProblemDetails]
     """


    kwargs = _get_kwargs(
        alarm_event_record_id=alarm_event_record_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    alarm_event_record_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AlarmEventRecordModifications,
    if_match: str | Unset = UNSET,

) -> AlarmEventRecordModifications | ProblemDetails | None:
    """ Modify an individual alarm record

    Args:
        alarm_event_record_id (UUID):
        if_match (str | Unset):
        body (AlarmEventRecordModifications):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlarmEventRecordModifications | ProblemDetails
     """


    return (await asyncio_detailed(
        alarm_event_record_id=alarm_event_record_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
