# Shortcuts; the README's two commands work without make.
.PHONY: run test bench lint fmt chaos fuzz

run:
	cargo run --release -- serve

test:
	./scripts/test.sh

# wrk and h2load (nghttp2-client) drive the limits suite; installed from Debian when missing.
bench:
	@command -v wrk >/dev/null && command -v h2load >/dev/null || { \
	  echo "installing wrk and nghttp2-client from Debian packages"; \
	  if [ "$$(id -u)" -eq 0 ]; then s=; else s=sudo; fi; \
	  $$s apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$s apt-get install -y -qq wrk nghttp2-client >/dev/null; }
	./scripts/install-helm.sh
	cargo build --release -p netweave -p netweave-bench
	./target/release/netweave-bench

# Combined-fault schedules: 20 seeds per store (Redis, embedded, NATS), with the table of
# schedules × outcome. A failing seed reruns alone: NW_CHAOS_SEEDS=<seed> make chaos.
chaos:
	mkdir -p target/tmp && rm -f target/tmp/chaos-*.md
	NW_CHAOS_RUNS=$${NW_CHAOS_RUNS:-20} cargo test --locked --test it chaos:: -- --test-threads 1 > target/chaos.log 2>&1; \
	  status=$$?; cat target/tmp/chaos-*.md; echo "full output: target/chaos.log"; exit $$status

# Every fuzz target for FUZZ_SECONDS each (default 60).
fuzz:
	./scripts/fuzz.sh $${FUZZ_SECONDS:-60}

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	./.tools/node_modules/.bin/buf lint

fmt:
	cargo fmt --all
