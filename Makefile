# sargs — the two commands a newcomer needs are `make run` and `make test`.
PREFIX ?= /usr/local
SWIFT ?= swift
PLAN ?= data/madona-2025-2027.yaml
CONFIG ?= release
BIN = .build/$(CONFIG)/sargs

.PHONY: deps build run test install uninstall bench clean

# System libraries the build and the tests need, installed only when missing.
deps:
	@missing=""; \
	for p in libncursesw5-dev ncurses-term libsqlite3-dev tmux python3-icalendar pandoc python3-docx; do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG) --static-swift-stdlib --product sargs

# Builds and opens the board on the bundled Madona plan (the store is created on first use).
run: build
	$(BIN) board --plan $(PLAN)

# Every test: unit, screen, store, end to end in tmux.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/sargs/data $(DESTDIR)$(PREFIX)/share/sargs/Themes
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/sargs
	install -m 644 data/*.yaml $(DESTDIR)$(PREFIX)/share/sargs/data/
	install -m 644 Themes/*.yaml $(DESTDIR)$(PREFIX)/share/sargs/Themes/
	for f in Themes/reference.docx Themes/reference.odt; do [ ! -f $$f ] || install -m 644 $$f $(DESTDIR)$(PREFIX)/share/sargs/Themes/; done

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/sargs
	rm -rf $(DESTDIR)$(PREFIX)/share/sargs

bench: deps
	Benchmarks/run

clean:
	rm -rf .build
