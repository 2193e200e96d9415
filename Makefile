# migsim: the two commands a new user needs are `make demo` and `make test`.
# Both install the system packages the build needs when run as root (with
# apt-get), or say which to install otherwise.

SWIFT ?= swift
BUILD_FLAGS ?=
SYSTEM_PACKAGES := libyaml-dev pkg-config libopenblas-dev liblapacke-dev
DEMO_SCENARIO ?= scenarios/quickstart.yaml

.PHONY: all deps build demo test bench lint clean

all: build

# Install missing system packages (Debian) or name them.
deps:
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing:$$missing" >&2; \
	    apt-get update -qq >&2 && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >&2; \
	  else \
	    echo "missing system packages:$$missing" >&2; \
	    echo "install them with: sudo apt-get install$$missing" >&2; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

# Validate and summarise the quick-start scenario, then simulate it.
demo: build
	$(SWIFT) run $(BUILD_FLAGS) migsim validate $(DEMO_SCENARIO)
	$(SWIFT) run $(BUILD_FLAGS) migsim simulate $(DEMO_SCENARIO)

test: deps
	$(SWIFT) test $(BUILD_FLAGS)

# Benchmarks run in release mode; pass NAME=engine to run one subject.
bench: deps
	$(SWIFT) run -c release MigsimBenchmarks $(NAME)

lint:
	$(SWIFT) format lint --recursive --strict Sources Tests Benchmarks

clean:
	rm -rf .build
