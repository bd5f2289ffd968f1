"""python-telegram-bot's Bot API calls over aiohttp instead of httpx.

PTB lets an application bring its own HTTP client (`telegram.request.BaseRequest`).
Its default, `HTTPXRequest`, spends most of a call's CPU in httpx, httpcore and anyio;
`imbot run` handles one update per Bot API call or three, all on one core, so this is
a large share of what an update costs (benchmarks/telegram_request_bench.py measures
both in the same run). aiohttp is already a dependency (the fake Bot API of the tests,
the health server, matrix-nio).

What stays as with `HTTPXRequest`:
- PTB's `BaseRequest` turns the HTTP status and body into its errors (Forbidden,
  BadRequest, RetryAfter, ChatMigrated, InvalidToken, NetworkError): this class only
  returns (status, body).
- a timeout becomes `telegram.error.TimedOut`, any other failure of the connection
  `telegram.error.NetworkError`;
- the same default timeouts (5 s connect/read/write, 1 s waiting for a free connection,
  20 s writing an upload) and PTB's per-call overrides (getUpdates' long poll);
- one pool of keep-alive connections (256, getUpdates: 1);
- the certificate authorities of `certifi`, as httpx uses them (not only the system's);
- proxies from the environment (HTTPS_PROXY/HTTP_PROXY/NO_PROXY, as httpx reads them)
  or a `proxy` URL. The environment is read once per host, not on every call (aiohttp's
  `trust_env` reads it, and ~/.netrc, anew for each request).
"""

from __future__ import annotations

import ssl
from typing import Any
from urllib.parse import urlsplit
from urllib.request import getproxies_environment, proxy_bypass_environment

import aiohttp
import certifi
from telegram._utils.defaultvalue import DefaultValue
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

__all__ = ["AiohttpRequest"]

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


class AiohttpRequest(BaseRequest):
    """A `telegram.request.BaseRequest` on one `aiohttp.ClientSession`."""

    __slots__ = (
        "_connect_timeout",
        "_media_write_timeout",
        "_pool_size",
        "_pool_timeout",
        "_proxies",
        "_proxy",
        "_read_timeout",
        "_session",
        "_write_timeout",
    )

    def __init__(
        self,
        connection_pool_size: int = 256,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
        proxy: str | None = None,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._proxy = proxy
        self._proxies: dict[tuple[str, str | None], str | None] = {}  # (scheme, host) -> proxy
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(
                    limit=self._pool_size,
                    ssl=ssl.create_default_context(cafile=certifi.where()),
                ),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.contains_files if request_data else False
        read = self._read_timeout if isinstance(read_timeout, DefaultValue) else read_timeout
        connect = (
            self._connect_timeout if isinstance(connect_timeout, DefaultValue) else connect_timeout
        )
        pool = self._pool_timeout if isinstance(pool_timeout, DefaultValue) else pool_timeout
        write = write_timeout
        if isinstance(write_timeout, DefaultValue):
            write = self._media_write_timeout if files else self._write_timeout
        # aiohttp has no write timeout of its own: the whole call is bounded by the sum of
        # the phases (as httpx's phases add up), a stalled read by `sock_read`.
        phases = (pool, connect, write, read)
        timeout = aiohttp.ClientTimeout(
            total=None if None in phases else sum(phases),
            connect=None if pool is None or connect is None else pool + connect,
            sock_connect=connect,
            sock_read=read,
        )
        data: Any = None
        headers = None
        if request_data is not None and files:
            data = _form(request_data)
        elif request_data is not None:  # as httpx sends it; cheaper than aiohttp's FormData
            data, headers = request_data.url_encoded_parameters().encode(), FORM
        try:
            async with session.request(
                method,
                url,
                data=data,
                headers=headers,
                timeout=timeout,
                proxy=self._proxy_for(url),
            ) as response:
                return response.status, await response.read()
        except TimeoutError as err:  # aiohttp's timeouts derive from it (3.11: the same class)
            raise TimedOut from err
        except aiohttp.ClientError as err:
            raise NetworkError(f"aiohttp.{type(err).__name__}: {err}") from err

    def _proxy_for(self, url: str) -> str | None:
        """The `proxy` given, else the environment's proxy for the URL's scheme unless
        NO_PROXY names its host (what httpx and aiohttp's `trust_env` do)."""
        if self._proxy is not None:
            return self._proxy
        parts = urlsplit(url)
        key = (parts.scheme, parts.hostname)
        if key not in self._proxies:
            proxies = getproxies_environment()
            bypass = parts.hostname and proxy_bypass_environment(parts.hostname, proxies)
            self._proxies[key] = None if bypass else proxies.get(parts.scheme, proxies.get("all"))
        return self._proxies[key]


def _form(request_data: RequestData) -> aiohttp.FormData:
    """multipart/form-data: the JSON-encoded parameters and the files (as httpx sends them)."""
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form
