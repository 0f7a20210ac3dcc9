# syntax=docker/dockerfile:1
# The arogya server and its web app in a small non-root image. Configuration comes only from AROGYA_*
# environment variables (README, Configuration); in AWS they come from the task
# definition and Secrets Manager (terraform/modules/compute).

# The web app: checked against the committed GraphQL schema, then built.
FROM node:20-bookworm-slim AS web
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY api/schema.graphql /src/api/schema.graphql
COPY api/assets/fonts /src/api/assets/fonts
COPY frontend ./
RUN npm run codegen:check && npm run build

FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
# Manifests first, so dependency builds are cached while only sources change.
COPY Cargo.toml Cargo.lock ./
COPY domain domain
COPY infra infra
COPY api api
COPY tests tests
RUN cargo build --release --locked --bin arogya \
 && strip target/release/arogya

# distroless: glibc and CA certificates, no shell, no package manager.
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/target/release/arogya /usr/local/bin/arogya
COPY --from=web /src/frontend/dist /usr/share/arogya/web
# The home of the nonroot user is writable: the embedded SQLite default works for a
# trial run; production sets AROGYA_DATABASE_URL to PostgreSQL.
WORKDIR /home/nonroot
USER 65532:65532
ENV AROGYA_BIND=0.0.0.0:8080 \
    AROGYA_LOG_FORMAT=json \
    AROGYA_WEB_DIR=/usr/share/arogya/web
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["/usr/local/bin/arogya", "healthcheck"]
ENTRYPOINT ["/usr/local/bin/arogya"]
CMD ["serve"]
