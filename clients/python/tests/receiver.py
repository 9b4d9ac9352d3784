"""An SMO's notification endpoint that verifies with the SDK's helper."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from gateway import SECRET

from netweave_client import webhooks


class Receiver:
    """An SMO's notification endpoint that verifies with the SDK's helper."""

    def __init__(self) -> None:
        self.notifications: list[webhooks.InventoryChangeNotification] = []
        self.tampered_refused = 0
        self.verifications = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                receiver.verifications += 1
                self.send_response(webhooks.VERIFICATION_STATUS)
                self.end_headers()

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                headers = dict(self.headers.items())
                tampered = bytes([body[0], body[1] ^ 1]) + body[2:]
                try:
                    webhooks.verify(tampered, headers, [SECRET])
                    refused = False
                except webhooks.VerifyError:
                    refused = True
                try:
                    n = webhooks.verify(body, headers, [SECRET])
                except webhooks.VerifyError:
                    self.send_response(401)
                    self.end_headers()
                    return
                receiver.notifications.append(n)
                receiver.tampered_refused += int(refused)
                self.send_response(204)
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/notify"

    def received(self, n: int) -> list[webhooks.InventoryChangeNotification]:
        """The notifications, once ``n`` arrived (10 s at most)."""
        for _ in range(200):
            if len(self.notifications) >= n:
                break
            time.sleep(0.05)
        return self.notifications
