# The two commands of a new user: `make demo` and `make test`.
SWIFT ?= swift

.PHONY: demo test deps release

deps:
	@scripts/install-deps.sh

release: deps
	$(SWIFT) build -c release --product parcours

demo: release
	.build/release/parcours demo

test: deps
	@scripts/install-deps.sh --checkers
	SWIFT=$(SWIFT) scripts/test.sh    # SQLite and PostgreSQL (see the script)
