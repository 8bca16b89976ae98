# netscale: the front door.
#
#   make experiment            runs experiments/seed-reproduction.yaml (SPEC=... for another)
#   make test                  builds everything and runs every test
#   make build                 the native programs, the WASIX module and the runner jar
#   make setup                 installs what the build needs (Debian packages; as root)
#   make wasmer                installs the pinned Wasmer once, outside the clone
#   make doctor                says what is installed and what is missing
#   make docker-daemon         starts a Docker daemon for the docker backend if none answers (root)
#   make docker-base           makes the base image debian:bookworm-slim (pulls or debootstraps)

SPEC ?= experiments/seed-reproduction.yaml
BACKEND ?=
ARGS ?=
JAVA_HOME := $(shell scripts/find-jdk.sh 22)
export JAVA_HOME
MVN ?= mvn -B -q
JAR := target/netscale.jar
JAVA_SOURCES := $(shell find src/main/java src/main/resources -type f 2>/dev/null) pom.xml

.PHONY: all build native wasix wasmer jar experiment quick test test-c test-wasix test-java setup doctor clean

all: build

build: setup native wasix jar

native:
	$(MAKE) -C src/main/c OUT=$(CURDIR)/build/native

wasix:
	$(MAKE) -C src/main/c wasix WASIX_OUT=$(CURDIR)/build/wasix

wasmer:
	scripts/install-wasmer.sh

$(JAR): $(JAVA_SOURCES)
	$(MVN) package -DskipTests

jar: $(JAR)

experiment: build wasmer
	./netscale run $(SPEC) $(if $(BACKEND),--backend $(BACKEND)) $(ARGS)

quick:
	$(MAKE) experiment SPEC=experiments/quick.yaml

test: build wasmer test-c test-wasix test-java

test-c: native
	$(MAKE) -C src/main/c test OUT=$(CURDIR)/build/native

test-wasix: native wasix wasmer
	$(MAKE) -C src/main/c test-wasix OUT=$(CURDIR)/build/native WASIX_OUT=$(CURDIR)/build/wasix

test-java: native
	mvn -B --no-transfer-progress test

setup:
	scripts/setup.sh

doctor: build
	./netscale doctor

clean:
	rm -rf build target

# The docker backend: a daemon (docker.io installed and dockerd started when missing; as root)
# and the base image debian:bookworm-slim (pulled, or made with debootstrap and docker import
# where no registry is reachable). Images of the programs are built by netscale itself.
.PHONY: docker-daemon docker-base
docker-daemon:
	scripts/docker-daemon.sh

docker-base: docker-daemon
	scripts/docker-base-image.sh

experiment: $(if $(filter docker,$(BACKEND)),docker-base)
test-java: docker-base
