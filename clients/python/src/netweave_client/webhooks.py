"""Receiving notifications: verify the signature, parse the body, answer the verification GET.

netweave signs every notification with Standard Webhooks (``webhook-id``,
``webhook-timestamp``, ``webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">``,
one signature per secret while secrets rotate) and with the hex ``X-O2IMS-Signature``
(HMAC-SHA256 of the body with the first secret). :func:`verify` accepts either, in constant
time, and refuses a Standard Webhooks timestamp more than five minutes away."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

#: The status that answers the subscription verification GET (O2ims: 204 No Content).
VERIFICATION_STATUS = 204

#: Largest distance, in seconds, between a Standard Webhooks timestamp and now.
TOLERANCE_SECONDS = 300


class VerifyError(Exception):
    """The notification is unsigned, wrongly signed, stale, or not a notification."""


@dataclass(frozen=True)
class InventoryChangeNotification:
    """The O2ims ``InventoryChangeNotification``."""

    notification_id: str
    #: 0 create, 1 modify, 2 delete.
    notification_event_type: int
    object_ref: str
    consumer_subscription_id: str | None = None
    prior_object_state: dict[str, Any] | None = None
    post_object_state: dict[str, Any] | None = None

    @staticmethod
    def from_json(body: bytes | str) -> InventoryChangeNotification:
        try:
            d = json.loads(body)
            return InventoryChangeNotification(
                notification_id=d["notificationId"],
                notification_event_type=int(d["notificationEventType"]),
                object_ref=d["objectRef"],
                consumer_subscription_id=d.get("consumerSubscriptionId"),
                prior_object_state=d.get("priorObjectState"),
                post_object_state=d.get("postObjectState"),
            )
        except (ValueError, KeyError, TypeError) as e:
            raise VerifyError(f"the body is not an InventoryChangeNotification: {e}") from e


def _key(secret: str) -> bytes:
    if not secret.startswith("whsec_"):
        raise VerifyError("the webhook secret is not 'whsec_' followed by base64")
    try:
        return base64.b64decode(secret[len("whsec_") :], validate=True)
    except binascii.Error as e:
        raise VerifyError("the webhook secret is not 'whsec_' followed by base64") from e


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for k, v in headers.items():
        if k.lower() == name:
            return v
    return None


def verify_signature(
    body: bytes, headers: Mapping[str, str], secrets: Iterable[str], now: float | None = None
) -> None:
    """Checks the signature of a notification against any of ``secrets`` (``whsec_…``)."""
    keys = [_key(s) for s in secrets]
    now = time.time() if now is None else now
    signatures = _header(headers, "webhook-signature")
    if signatures is not None:
        msg_id = _header(headers, "webhook-id") or ""
        try:
            ts = int(_header(headers, "webhook-timestamp") or "")
        except ValueError as e:
            raise VerifyError("the webhook-timestamp is missing or malformed") from e
        if abs(ts - now) > TOLERANCE_SECONDS:
            raise VerifyError("the webhook-timestamp is more than five minutes away")
        signed = f"{msg_id}.{ts}.".encode() + body
        for key in keys:
            want = hmac.new(key, signed, hashlib.sha256).digest()
            for sig in signatures.split(" "):
                if not sig.startswith("v1,"):
                    continue
                try:
                    got = base64.b64decode(sig[3:], validate=True)
                except binascii.Error:
                    continue
                if hmac.compare_digest(got, want):
                    return
        raise VerifyError("no signature matches")
    hex_sig = _header(headers, "x-o2ims-signature")
    if hex_sig is not None:
        try:
            got = bytes.fromhex(hex_sig.strip())
        except ValueError as e:
            raise VerifyError("no signature matches") from e
        for key in keys:
            if hmac.compare_digest(got, hmac.new(key, body, hashlib.sha256).digest()):
                return
        raise VerifyError("no signature matches")
    raise VerifyError("no signature header (webhook-signature or x-o2ims-signature)")


def verify(
    body: bytes, headers: Mapping[str, str], secrets: Iterable[str], now: float | None = None
) -> InventoryChangeNotification:
    """Verifies a notification and parses it; raises :class:`VerifyError`."""
    verify_signature(body, headers, secrets, now)
    return InventoryChangeNotification.from_json(body)
