from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.alertmanager_notification import AlertmanagerNotification
from ...models.ingest_alertmanager_notification_response_200 import IngestAlertmanagerNotificationResponse200
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: AlertmanagerNotification,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/internal/v1/caas-alerts/alertmanager",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IngestAlertmanagerNotificationResponse200 | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = IngestAlertmanagerNotificationResponse200.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = ProblemDetails.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = ProblemDetails.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = ProblemDetails.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IngestAlertmanagerNotificationResponse200 | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AlertmanagerNotification,
    idempotency_key: str | Unset = UNSET,

) -> Response[IngestAlertmanagerNotificationResponse200 | ProblemDetails]:
    """ Alertmanager webhook receiver: firing alerts raise (or change) alarms on the resources their labels
    name, resolved ones clear them

     Point an Alertmanager `webhook_configs` entry here (`send_resolved: true`). An alert's resource is
    named by the first of `alarms.resource_labels` it carries (default `node`, `instance`). Answers 503
    when the alarms cannot be stored, so Alertmanager retries; sending a payload again changes nothing
    more.

    Args:
        idempotency_key (str | Unset):
        body (AlertmanagerNotification): Alertmanager notification payload as described here
            https://prometheus.io/docs/alerting/latest/configuration/#webhook_config

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IngestAlertmanagerNotificationResponse200 | ProblemDetails]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: AlertmanagerNotification,
    idempotency_key: str | Unset = UNSET,

) -> IngestAlertmanagerNotificationResponse200 | ProblemDetails | None:
    """ Alertmanager webhook receiver: firing alerts raise (or change) alarms on the resources their labels
    name, resolved ones clear them

     Point an Alertmanager `webhook_configs` entry here (`send_resolved: true`). An alert's resource is
    named by the first of `alarms.resource_labels` it carries (default `node`, `instance`). Answers 503
    when the alarms cannot be stored, so Alertmanager retries; sending a payload again changes nothing
    more.

    Args:
        idempotency_key (str | Unset):
        body (AlertmanagerNotification): Alertmanager notification payload as described here
            https://prometheus.io/docs/alerting/latest/configuration/#webhook_config

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IngestAlertmanagerNotificationResponse200 | ProblemDetails
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AlertmanagerNotification,
    idempotency_key: str | Unset = UNSET,

) -> Response[IngestAlertmanagerNotificationResponse200 | ProblemDetails]:
    """ Alertmanager webhook receiver: firing alerts raise (or change) alarms on the resources their labels
    name, resolved ones clear them

     Point an Alertmanager `webhook_configs` entry here (`send_resolved: true`). An alert's resource is
    named by the first of `alarms.resource_labels` it carries (default `node`, `instance`). Answers 503
    when the alarms cannot be stored, so Alertmanager retries; sending a payload again changes nothing
    more.

    Args:
        idempotency_key (str | Unset):
        body (AlertmanagerNotification): Alertmanager notification payload as described here
            https://prometheus.io/docs/alerting/latest/configuration/#webhook_config

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IngestAlertmanagerNotificationResponse200 | ProblemDetails]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AlertmanagerNotification,
    idempotency_key: str | Unset = UNSET,

) -> IngestAlertmanagerNotificationResponse200 | ProblemDetails | None:
    """ Alertmanager webhook receiver: firing alerts raise (or change) alarms on the resources their labels
    name, resolved ones clear them

     Point an Alertmanager `webhook_configs` entry here (`send_resolved: true`). An alert's resource is
    named by the first of `alarms.resource_labels` it carries (default `node`, `instance`). Answers 503
    when the alarms cannot be stored, so Alertmanager retries; sending a payload again changes nothing
    more.

    Args:
        idempotency_key (str | Unset):
        body (AlertmanagerNotification): Alertmanager notification payload as described here
            https://prometheus.io/docs/alerting/latest/configuration/#webhook_config

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IngestAlertmanagerNotificationResponse200 | ProblemDetails
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
