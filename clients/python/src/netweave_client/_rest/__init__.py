
""" A client library for accessing netweave O2ims Infrastructure Inventory and Monitoring API """
from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
