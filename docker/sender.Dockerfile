# The native C sender, used with every receiver, as `make build` produced it.
FROM debian:bookworm-slim
COPY netscale-sender /usr/local/bin/netscale-sender
USER 65534:65534
ENTRYPOINT ["/usr/local/bin/netscale-sender"]
