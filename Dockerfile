# quotewire worker image: `docker build -t quotewire .`
# Multi-stage: compile with the Rust toolchain, run on a slim Debian.

FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked --bin quotewire \
 && cp target/release/quotewire /usr/local/bin/quotewire

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/bin/quotewire /usr/local/bin/quotewire
# The defaults are compiled in; mount a file and pass `--config FILE` to override.
ENV QUOTEWIRE__HTTP__LISTEN=0.0.0.0:9464
EXPOSE 9464
USER 65532:65532
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/quotewire"]
CMD ["run"]
