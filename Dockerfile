# imbot: the Integrationsmacher:innen chat bot.
#   docker build -t imbot .
#   docker run -it -v imbot-data:/data imbot chat
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    IMBOT_DATABASE_URL=sqlite:////data/imbot.db

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY faq ./faq
COPY jobs ./jobs
COPY storage ./storage
RUN pip install '.[postgres]' \
    && useradd --create-home --uid 10001 imbot \
    && mkdir -p /data && chown imbot:imbot /data

USER imbot
VOLUME ["/data"]
ENTRYPOINT ["imbot"]
CMD ["chat"]
