# imbot: the Integrationsmacher:innen chat bot.
#   docker build -t imbot .
#   docker run --env-file .env -p 8080:8080 -v imbot-data:/data imbot          # imbot run
#   docker run -it -v imbot-data:/data imbot chat                               # console
# Multi-stage: build a wheel with the build tools, install it into a clean venv,
# copy only the venv into the runtime image. Non-root, pinned base.

FROM python:3.11.10-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY faq ./faq
COPY jobs ./jobs
COPY storage ./storage
RUN python -m venv /opt/imbot \
    && /opt/imbot/bin/pip install --upgrade pip \
    && /opt/imbot/bin/pip install '.[postgres]'

FROM python:3.11.10-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/imbot/bin:$PATH \
    IMBOT_DATA_DIR=/data \
    IMBOT_DATABASE_URL=sqlite:////data/imbot.db \
    IMBOT_HTTP_PORT=8080
COPY --from=build /opt/imbot /opt/imbot
RUN useradd --create-home --uid 10001 imbot && mkdir -p /data && chown imbot:imbot /data
USER imbot
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4).status == 200 else 1)"
STOPSIGNAL SIGTERM
ENTRYPOINT ["imbot"]
CMD ["run"]
