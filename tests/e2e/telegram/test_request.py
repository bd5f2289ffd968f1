"""The Bot API client on aiohttp (bot.adapters.telegram_http) with unmodified
python-telegram-bot against the fake Bot API: the calls work, and every failure reaches
the caller as the same telegram.error as with PTB's own HTTPXRequest."""

from __future__ import annotations

import asyncio
import socket

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.request import HTTPXRequest

from bot.adapters.telegram import TelegramAdapter
from bot.adapters.telegram_http import AiohttpRequest
from tests.e2e.telegram.fake_bot_api import FakeBotAPI, _free_port


def call(api: FakeBotAPI, work, token: str | None = None, base_url: str | None = None, **request):
    """Run `work(bot)` on a Bot with an AiohttpRequest, in a fresh event loop."""

    async def main():
        async with Bot(
            token or api.token,
            base_url=base_url or api.base_url,
            request=AiohttpRequest(**request),
            get_updates_request=AiohttpRequest(connection_pool_size=1),
        ) as bot:
            return await work(bot)

    return asyncio.run(main())


@pytest.fixture
def api():
    server = FakeBotAPI().start()
    yield server
    server.stop()


def test_messages_buttons_and_files_arrive_as_sent(api):
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Ja", callback_data="jf:yes")]])

    async def work(bot):
        sent = await bot.send_message(7, "Grüße <b>fett</b>", parse_mode="HTML", reply_markup=keyboard)
        await bot.send_document(7, InputFile(b"BEGIN:VCALENDAR", filename="termin.ics"))
        return sent

    message = call(api, work)
    assert message.chat.id == 7 and message.text == "Grüße <b>fett</b>"
    text, document = api.sent_to(7)
    assert (text.text, text.parse_mode, text.buttons) == ("Grüße <b>fett</b>", "HTML", [("Ja", "jf:yes")])
    assert (document.document, document.filename) == (b"BEGIN:VCALENDAR", "termin.ics")


def test_updates_are_long_polled(api):
    api.user_says(5, "Hallo")

    async def work(bot):
        return await bot.get_updates(timeout=1)

    (update,) = call(api, work)
    assert update.message.text == "Hallo" and update.effective_user.id == 5


@pytest.mark.parametrize(
    ("code", "description", "error"),
    [
        (403, "Forbidden: bot was blocked by the user", Forbidden),
        (400, "Bad Request: chat not found", BadRequest),
    ],
)
def test_telegram_errors_become_ptbs_errors(api, code, description, error):
    api.fail_next("sendMessage", code, description=description)
    with pytest.raises(error) as raised:
        call(api, lambda bot: bot.send_message(7, "x"))
    assert description.split(": ")[1] in raised.value.message.lower()


def test_a_429_becomes_retry_after_with_its_seconds(api):
    api.fail_next("sendMessage", 429, retry_after=7)
    with pytest.raises(RetryAfter) as raised:
        call(api, lambda bot: bot.send_message(7, "x"))
    seconds = raised.value.retry_after  # an int, or a timedelta in PTB's newer mode
    assert (seconds if isinstance(seconds, int) else seconds.total_seconds()) == 7


def test_a_wrong_token_is_invalid_token(api):
    with pytest.raises(InvalidToken):
        call(api, lambda bot: bot.get_me(), token="999:WRONG")


def test_an_answer_that_is_not_json_is_ptbs_invalid_server_response(api):
    api.garble_next("sendMessage")
    with pytest.raises(TelegramError, match="Invalid server response"):
        call(api, lambda bot: bot.send_message(7, "x"))


def test_no_server_is_a_network_error():
    down = FakeBotAPI()  # never started: nothing listens on its port
    with pytest.raises(NetworkError) as raised:
        call(down, lambda bot: bot.get_me())
    assert not isinstance(raised.value, TimedOut)
    assert "aiohttp" in raised.value.message


def test_a_server_that_does_not_answer_is_timed_out():
    """A server that accepts and never answers: TimedOut after the read timeout."""
    listener = socket.create_server(("127.0.0.1", 0))
    silent = FakeBotAPI()
    silent.port = listener.getsockname()[1]
    try:
        with pytest.raises(TimedOut):
            call(silent, lambda bot: bot.get_me(), read_timeout=0.3)
    finally:
        listener.close()


def test_the_proxy_from_the_environment_is_used(api, monkeypatch):
    """httpx reads HTTP_PROXY / NO_PROXY; so does this client (a proxy where nothing
    listens fails the call; NO_PROXY for the address lets it through)."""
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{_free_port()}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with pytest.raises(NetworkError):
        call(api, lambda bot: bot.get_me())
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    assert call(api, lambda bot: bot.get_me()).username == "imbot_test_bot"


def test_a_proxy_given_is_used(api):
    with pytest.raises(NetworkError):
        call(api, lambda bot: bot.get_me(), proxy=f"http://127.0.0.1:{_free_port()}")


def test_a_call_before_initialize_is_refused(api):
    request = AiohttpRequest()
    with pytest.raises(RuntimeError, match="not initialized"):
        asyncio.run(request.do_request(f"{api.base_url}{api.token}/getMe", "POST"))


def test_the_adapter_uses_it_and_httpx_on_request():
    def adapter(**kw):
        return TelegramAdapter(lambda i: [], lambda r: None, token="1:A", **kw)

    app = adapter().build()
    assert isinstance(app.bot.request, AiohttpRequest)
    assert isinstance(app.bot._request[0], AiohttpRequest)  # getUpdates' own
    assert isinstance(adapter(http_client="httpx").build().bot.request, HTTPXRequest)


def test_a_certificate_no_authority_signed_is_refused(tmp_path):
    """TLS is verified (against certifi's authorities, as httpx does): a server with a
    self-signed certificate gets no request, the call fails as a NetworkError."""
    import ssl
    import threading
    from datetime import UTC, datetime, timedelta
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(1)
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    (tmp_path / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    served: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            served.append(self.path)
            self.send_response(200)
            self.end_headers()

    server = HTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    tls = FakeBotAPI()
    tls.port = server.server_address[1]
    try:
        with pytest.raises(NetworkError) as raised:
            call(tls, lambda bot: bot.get_me(), base_url=f"https://localhost:{tls.port}/bot")
    finally:
        server.shutdown()
    assert "Certificate" in raised.value.message and served == []
