"""A real SMTP server on loopback (aiosmtpd) for tests: keeps messages, can refuse them."""

from __future__ import annotations

import socket
import threading
import time
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Handler:
    def __init__(self, sink: SMTPSink):
        self.sink = sink

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        with self.sink.lock:
            if self.sink.replies:
                reply = self.sink.replies.pop(0)
                if reply is not None:
                    self.sink.refused += 1
                    return reply
            self.sink.messages.append(
                message_from_bytes(envelope.original_content, policy=policy.default)
            )
        return "250 Message accepted for delivery"


class SMTPSink:
    def __init__(self):
        self.port = free_port()
        self.messages: list[EmailMessage] = []
        # Replies for the next DATA commands, in order: "451 ..." / "550 ..." or None (accept).
        self.replies: list[str | None] = []
        self.refused = 0
        self.lock = threading.Lock()
        self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()

    def wait_for(self, count: int, timeout: float = 30.0) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.05)
        raise AssertionError(f"expected {count} messages, got {len(self.messages)}")
