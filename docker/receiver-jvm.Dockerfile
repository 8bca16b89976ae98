# The Java receiver (runtimes `jvm` and `jvm-virtual`) on a jlink runtime made from the JDK
# that runs netscale, so that local and Docker runs measure the same JVM. The runtime holds
# java.base only, which is all dev.netscale.receiver needs, and its own CDS archive, as the
# full JDK has. The JVM writes its perf data to /tmp: containers get a small tmpfs there.
FROM debian:bookworm-slim
COPY java/ /opt/java/
COPY classes/ /opt/netscale/classes/
USER 65534:65534
ENTRYPOINT ["/opt/java/bin/java", "-cp", "/opt/netscale/classes", \
            "dev.netscale.receiver.JvmReceiver"]
