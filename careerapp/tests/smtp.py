"""A real SMTP server on loopback (aiosmtpd) for tests: keeps messages, can refuse them."""

from __future__ import annotations

import asyncio
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

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        with self.sink.lock:
            reply = self.sink.rcpt_replies_for.pop(address, None)
            if reply is None and self.sink.rcpt_replies:
                reply = self.sink.rcpt_replies.pop(0)
            if reply is not None:
                self.sink.refused += 1
                return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        if self.sink.delay:
            await asyncio.sleep(self.sink.delay)
        with self.sink.lock:
            for address in envelope.rcpt_tos:
                reply = self.sink.data_replies_for.pop(address, None)
                if reply is not None:
                    self.sink.refused += 1
                    return reply
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
        # Replies for the next RCPT TO commands, the same way (greylisting answers 450/451).
        self.rcpt_replies: list[str | None] = []
        # A reply for the next RCPT TO of one address, whatever the order of the messages.
        self.rcpt_replies_for: dict[str, str] = {}
        self.data_replies_for: dict[str, str] = {}
        # Seconds the server takes to accept each message (a slow server keeps a chunk busy).
        self.delay = 0.0
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
