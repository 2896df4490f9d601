# syntax=docker/dockerfile:1.7
#
# One image per deployable package of the uv workspace, chosen by the SERVICE build arg:
#
#   docker build --build-arg SERVICE=ingest -t cypheredge/ingest .
#
# SERVICE is one of: gateway ingest extractor reporter billing cli
# (the packages under services/, plus the admin CLI that runs migrations and topic provisioning).
# The runtime image holds only the synced virtual environment (no sources, no uv, no secrets):
# all configuration, credentials included, comes from the environment at run time.

ARG PYTHON_IMAGE=python:3.11-slim

FROM ${PYTHON_IMAGE} AS build
ARG SERVICE
ARG UV_VERSION=0.13.9
RUN case "${SERVICE}" in \
      gateway|ingest|extractor|reporter|billing|cli) ;; \
      *) echo "SERVICE must be one of gateway|ingest|extractor|reporter|billing|cli, got '${SERVICE}'" >&2; \
         exit 1 ;; \
    esac
RUN pip install --no-cache-dir "uv==${UV_VERSION}"
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PYTHON=/usr/local/bin/python3.11 \
    UV_PROJECT_ENVIRONMENT=/app/.venv
WORKDIR /src

# Third-party dependencies first, from the lock alone: this layer changes only with uv.lock.
RUN --mount=type=cache,target=/root/.cache/uv \
    --mount=type=bind,source=uv.lock,target=uv.lock \
    --mount=type=bind,source=pyproject.toml,target=pyproject.toml \
    uv sync --frozen --no-dev --no-install-workspace --package "cypheredge-${SERVICE}"

# Then the workspace packages this service needs, installed as wheels (not editable).
COPY . /src
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-editable --package "cypheredge-${SERVICE}"


FROM ${PYTHON_IMAGE} AS runtime
ARG SERVICE
RUN groupadd --system --gid 10001 cypheredge \
 && useradd --system --uid 10001 --gid cypheredge --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin cypheredge
COPY --from=build /app/.venv /app/.venv
ENV PATH=/app/.venv/bin:${PATH} \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    CYPHEREDGE_SERVICE=${SERVICE}
WORKDIR /app
USER 10001:10001
EXPOSE 8000 9000
# docker-compose and the Helm chart always pass an explicit command; this is the default.
CMD ["sh", "-c", "exec python -m cypheredge.${CYPHEREDGE_SERVICE}"]
