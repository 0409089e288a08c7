# sargs — the two commands a newcomer needs are `make run` and `make test`.
PREFIX ?= /usr/local
SWIFT ?= swift
PLAN ?= data/madona-2025-2027.yaml
CONFIG ?= release
BIN = .build/$(CONFIG)/sargs

.PHONY: deps axe build run test install install-files manual man-page uninstall deb bench clean

# System libraries the build and the tests need, installed only when missing.
deps:
	@missing=""; \
	for p in libncursesw5-dev ncurses-term libsqlite3-dev tmux python3-icalendar pandoc weasyprint poppler-utils python3-docx msmtp python3-aiosmtpd python3-icu lintian dpkg-dev chromium chromium-driver python3-selenium; do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# axe-core, for the accessibility check of `export --format html` (issue 30): the npm registry is not
# reached here, so its file is taken from PyPI's axe-playwright-python wheel (the wheel alone, no playwright).
AXE_WHEEL ?= axe-playwright-python==0.1.8
AXE_JS = .build/axe/axe.min.js
axe: $(AXE_JS)
$(AXE_JS):
	mkdir -p .build/axe
	python3 -m pip download --no-deps -q -d .build/axe $(AXE_WHEEL)
	python3 -c "import glob, zipfile; w = sorted(glob.glob('.build/axe/axe_playwright_python-*.whl'))[-1]; open('$(AXE_JS)', 'wb').write(zipfile.ZipFile(w).read('axe_playwright_python/axe.min.js'))"

build: deps
	$(SWIFT) build -c $(CONFIG) --static-swift-stdlib --product sargs

# Builds and opens the board on the bundled Madona plan (the store is created on first use).
run: build
	$(BIN) board --plan $(PLAN)

# Every test: unit, screen, store, end to end in tmux.
test: deps axe
	$(SWIFT) build --build-tests
	$(SWIFT) build --product generate-manual
	$(SWIFT) test --skip-build

# The man page's date: the last commit's, so that a build is reproducible.
MANDATE ?= $(shell git log -1 --format=%cs 2>/dev/null || date +%F)
MANPAGE ?= .build/man/sargs.1

install: build manual
	$(MAKE) install-files BIN=$(BIN) MANPAGE=$(MANPAGE)

# The man page, made by ArgumentParser's generate-manual from the built binary.
# Built like the binary (same configuration and flags), so `make deb` after
# `make run` compiles only the tool's own file, not every dependency again.
manual: build
	$(SWIFT) build -c $(CONFIG) --static-swift-stdlib --product generate-manual
	$(MAKE) man-page BIN=$(BIN) MANPAGE=$(MANPAGE) GENERATE_MANUAL=.build/$(CONFIG)/generate-manual

# The man page from a built binary and generate-manual: the commands and
# options as generate-manual writes them, then sargs' own sections (the
# board's keys, ENVIRONMENT, FILES, EXIT STATUS, EXAMPLES: `sargs
# --manual-sections`) in place of generate-manual's generic EXIT STATUS.
GENERATE_MANUAL ?= .build/debug/generate-manual
man-page:
	mkdir -p $(dir $(MANPAGE))
	$(GENERATE_MANUAL) $(BIN) --date $(MANDATE) --authors "sargs" -o - > $(MANPAGE).generated
	$(BIN) --manual-sections > $(MANPAGE).sections
	awk -v sections=$(MANPAGE).sections \
	  '/^\.Sh "EXIT STATUS"/ { while ((getline line < sections) > 0) print line; skip = 1; next } \
	   skip && /^\.Sh / { skip = 0 } !skip' $(MANPAGE).generated > $(MANPAGE)
	grep -q '^\.Sh ENVIRONMENT' $(MANPAGE) || { echo "the man page has no ENVIRONMENT: generate-manual's EXIT STATUS not found" >&2; exit 1; }
	rm -f $(MANPAGE).generated $(MANPAGE).sections

# The package's version (git describe; see debian/version), written beside
# the installed plans for `sargs --version`.
PACKAGE_VERSION ?= $(shell debian/version)

# What install copies, from a binary already built: the binary stripped, the
# bundled plans and themes, the shell completions where each shell looks for
# them, and the man page.
install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/sargs/data $(DESTDIR)$(PREFIX)/share/sargs/Themes \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 -s $(BIN) $(DESTDIR)$(PREFIX)/bin/sargs
	install -m 644 data/*.yaml $(DESTDIR)$(PREFIX)/share/sargs/data/
	echo "$(PACKAGE_VERSION)" > $(DESTDIR)$(PREFIX)/share/sargs/VERSION && chmod 644 $(DESTDIR)$(PREFIX)/share/sargs/VERSION
	install -m 644 Themes/*.yaml $(DESTDIR)$(PREFIX)/share/sargs/Themes/
	for f in Themes/reference.docx Themes/reference.odt; do [ ! -f $$f ] || install -m 644 $$f $(DESTDIR)$(PREFIX)/share/sargs/Themes/; done
	$(BIN) --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/sargs
	$(BIN) --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_sargs
	$(BIN) --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/sargs.fish
	install -m 644 $(MANPAGE) $(DESTDIR)$(PREFIX)/share/man/man1/sargs.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/sargs
	rm -rf $(DESTDIR)$(PREFIX)/share/sargs
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/sargs
	rm -f $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_sargs
	rm -f $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/sargs.fish
	rm -f $(DESTDIR)$(PREFIX)/share/man/man1/sargs.1

# The Debian package (.build/deb/sargs_VERSION_ARCH.deb), checked by lintian.
deb: build manual
	@deb=$$(debian/build-deb $(BIN) $(MANPAGE) .build/deb) && echo "$$deb" && \
	  dpkg-deb --info "$$deb" | sed -n '/Package:/,/Description:/p' && \
	  lintian --fail-on error "$$deb"

bench: deps
	Benchmarks/run

clean:
	rm -rf .build
