# The native C receiver (runtime `native`), as `make build` produced it.
# netscale's docker backend builds this image itself: it copies the inputs into a build
# context and tags the image with a hash of them (see dev.netscale.backend.docker.Images).
FROM debian:bookworm-slim
COPY netscale-receiver /usr/local/bin/netscale-receiver
USER 65534:65534
ENTRYPOINT ["/usr/local/bin/netscale-receiver"]
