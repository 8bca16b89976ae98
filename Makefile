# netscale: the front door.
#
#   make experiment            runs experiments/seed-reproduction.yaml (SPEC=... for another)
#   make test                  builds everything and runs every test
#   make build                 the native programs, the WASIX module and the runner jar
#   make setup                 installs what the build needs (Debian packages; as root)
#   make doctor                says what is installed and what is missing

SPEC ?= experiments/seed-reproduction.yaml
BACKEND ?=
ARGS ?=
JAVA_HOME := $(shell scripts/find-jdk.sh 21)
export JAVA_HOME
MVN ?= mvn -B -q
JAR := target/netscale.jar
JAVA_SOURCES := $(shell find src/main/java src/main/resources -type f 2>/dev/null) pom.xml

.PHONY: all build native jar experiment quick test test-c test-java setup doctor clean

all: build

build: native jar

native:
	$(MAKE) -C src/main/c OUT=$(CURDIR)/build/native

$(JAR): $(JAVA_SOURCES)
	$(MVN) package -DskipTests

jar: $(JAR)

experiment: build
	./netscale run $(SPEC) $(if $(BACKEND),--backend $(BACKEND)) $(ARGS)

quick:
	$(MAKE) experiment SPEC=experiments/quick.yaml

test: build test-c test-java

test-c: native
	$(MAKE) -C src/main/c test OUT=$(CURDIR)/build/native

test-java: native
	mvn -B --no-transfer-progress test

setup:
	scripts/setup.sh

doctor: build
	./netscale doctor

clean:
	rm -rf build target
