"""Sending the digest by email: one multipart/alternative message (plain text first,
HTML second, as RFC 2046 orders them: clients show the last part they can display).

Only the standard library (`smtplib`, `email`). Every failure a user can cause (wrong
host or port, a server that refuses us or the recipients, bad credentials, no STARTTLS)
becomes one `MailError` line naming the server; a password is never taken on the command
line, only from the environment variable `--password-env` names.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from pantau.digest.errors import MailError

DEFAULT_PORT = 25
DEFAULT_SENDER = "pantau@localhost"
TIMEOUT = 30.0


@dataclass(frozen=True)
class Server:
    host: str
    port: int

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def parse_server(value: str) -> Server:
    """HOST:PORT, HOST (port 25) or [IPv6]:PORT."""
    value = value.strip()
    if value.startswith("["):
        host, _, rest = value[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else ""
    elif value.count(":") == 1:
        host, _, port_text = value.partition(":")
    else:
        host, port_text = value, ""
    if not host:
        raise MailError(f"--smtp: {value!r} names no host (HOST:PORT)")
    if not port_text:
        return Server(host, DEFAULT_PORT)
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise MailError(f"--smtp: {port_text!r} is not a port number (HOST:PORT)")
    return Server(host, int(port_text))


def build_message(
    subject: str, sender: str, recipients: list[str], text: str, html: str
) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = formatdate(localtime=True)
    domain = sender.rpartition("@")[2].strip("> ") or "localhost"
    message["Message-ID"] = make_msgid("pantau-digest", domain=domain)
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message


def send(
    message: EmailMessage,
    server: Server,
    recipients: list[str],
    *,
    starttls: bool = False,
    user: str | None = None,
    password: str | None = None,
    timeout: float = TIMEOUT,
) -> dict[str, tuple[int, bytes]]:
    """Send to every recipient; returns the ones the server refused (when others were
    accepted). Raises `MailError` when nothing could be sent."""
    where = f"cannot send the digest through {server}"
    try:
        with smtplib.SMTP(server.host, server.port, timeout=timeout) as smtp:
            smtp.ehlo()
            if starttls:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if user is not None:
                smtp.login(user, password or "")
            return smtp.send_message(message, to_addrs=recipients)
    except smtplib.SMTPNotSupportedError as exc:
        raise MailError(f"{where}: the server does not support {_what(exc)}") from None
    except smtplib.SMTPAuthenticationError as exc:
        raise MailError(f"{where}: login refused ({_reply(exc)})") from None
    except smtplib.SMTPRecipientsRefused as exc:
        refused = ", ".join(exc.recipients)
        raise MailError(f"{where}: every recipient was refused ({refused})") from None
    except smtplib.SMTPResponseException as exc:
        raise MailError(f"{where}: the server answered {_reply(exc)}") from None
    except (smtplib.SMTPException, ssl.SSLError) as exc:
        raise MailError(f"{where}: {exc}") from None
    except socket.gaierror:
        raise MailError(f"{where}: unknown host {server.host!r}") from None
    except TimeoutError:
        raise MailError(f"{where}: no answer within {timeout:g} s") from None
    except ConnectionRefusedError:
        raise MailError(f"{where}: connection refused (is an SMTP server listening?)") from None
    except OSError as exc:
        raise MailError(f"{where}: {exc.strerror or exc}") from None


def _reply(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else ""
    return f"{exc.smtp_code} {' '.join(text.split())}".strip()


def _what(exc: Exception) -> str:
    said = str(exc).upper()
    return "STARTTLS" if "STARTTLS" in said else "login (AUTH)" if "AUTH" in said else str(exc)
