# imbot: the Integrationsmacher:innen chat bot.
#   docker build -t imbot .
#   docker run --env-file .env -p 8080:8080 -v imbot-data:/data imbot          # imbot run
#   docker run -it -v imbot-data:/data imbot chat                               # console
# Multi-stage: the locked dependencies (requirements/runtime.txt, every file checked
# against its hash) go into a clean venv; the bot's wheel is built with the locked
# setuptools and installed without dependencies; the venv's own old setuptools (from
# ensurepip; nothing needs it at run time) is removed. Only the venv is copied into the
# runtime image, which then holds the lock, the bot and pip. Non-root, pinned base.
# tests/integration/test_image.py runs these steps without a Docker daemon and starts
# the result. Refresh the lock: `.venv/bin/python requirements/refresh.py` (README).

FROM python:3.11.10-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY requirements ./requirements
RUN python -m venv /opt/imbot \
    && /opt/imbot/bin/pip install --require-hashes -r requirements/runtime.txt \
    && python -m pip install --require-hashes -r requirements/build.txt
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY faq ./faq
COPY jobs ./jobs
COPY storage ./storage
RUN python -m pip wheel --no-build-isolation --no-deps --wheel-dir /wheels . \
    && /opt/imbot/bin/pip install --no-deps /wheels/imbot-*.whl \
    && /opt/imbot/bin/pip check \
    && /opt/imbot/bin/pip uninstall --yes setuptools

FROM python:3.11.10-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/imbot/bin:$PATH \
    IMBOT_DATA_DIR=/data \
    IMBOT_DATABASE_URL=sqlite:////data/imbot.db \
    IMBOT_HTTP_PORT=8080
COPY --from=build /opt/imbot /opt/imbot
RUN groupadd --gid 10001 imbot \
    && useradd --create-home --uid 10001 --gid 10001 imbot \
    && mkdir -p /data && chown 10001:10001 /data
USER 10001:10001
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request; url = 'http://127.0.0.1:%s/healthz' % os.environ.get('IMBOT_HTTP_PORT', '8080'); sys.exit(0 if urllib.request.urlopen(url, timeout=4).status == 200 else 1)"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["imbot"]
CMD ["run"]
