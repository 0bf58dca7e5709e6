# The two commands of the README: `make site` builds the site from seeds/, `make test` runs every test.
# Both work on a fresh clone: they make the virtual environment and install what they need.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve check browser clean

site: $(STAMP)
	$(BIN)/site-builder site

test: $(STAMP) browser
	$(BIN)/python -m pytest

serve: $(STAMP)
	$(BIN)/site-builder serve

check: $(STAMP)
	$(BIN)/site-builder check

$(STAMP): pyproject.toml
	@# Debian's python3 comes without venv (and ensurepip) until python3-venv is installed.
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv; fi; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Browser tests drive Debian's Chromium through Playwright (no browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; fi; }

clean:
	rm -rf $(VENV) output/* .pytest_cache .site-builder-cache
