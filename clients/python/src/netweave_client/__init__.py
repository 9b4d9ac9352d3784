"""netweave client SDK: the generated gRPC layer (``netweave_client._proto``), the generated
REST layer (``netweave_client._rest``), and a thin layer over both that behaves as every
netweave SDK does (see clients/README.md)."""

from netweave_client import webhooks
from netweave_client._proto.netweave.events.v1 import events_pb2
from netweave_client._proto.netweave.o2ims.v1 import objects_pb2
from netweave_client.client import Client, Token
from netweave_client.filters import Filter
from netweave_client.pages import AsyncPages, Page, Pages
from netweave_client.rest import AsyncRestClient, RestClient, RestError
from netweave_client.retry import Retry
from netweave_client.watch import RESUME_CURSOR, ResyncRequired, Watch, WatchSelector

__all__ = [
    "AsyncPages",
    "AsyncRestClient",
    "Client",
    "Filter",
    "Page",
    "Pages",
    "RESUME_CURSOR",
    "RestClient",
    "RestError",
    "ResyncRequired",
    "Retry",
    "Token",
    "Watch",
    "WatchSelector",
    "events_pb2",
    "objects_pb2",
    "webhooks",
]
