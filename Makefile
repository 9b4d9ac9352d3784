# Shortcuts; the README's two commands work without make.
.PHONY: run test bench lint fmt

run:
	cargo run --release -- serve

test:
	./scripts/test.sh

bench:
	cargo build --release --bins
	./target/release/netweave-bench

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	./.tools/node_modules/.bin/buf lint

fmt:
	cargo fmt --all
