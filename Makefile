# Two set-up commands for a fresh Debian or Ubuntu machine: `make run` and
# `make test` (the whole suite); `make check` is the fast part, for every
# change. Each first gets the system libraries Qt needs for a window
# (apt-get, through sudo when not root; elsewhere it prints the command).
# DRY_RUN=1 prints the system commands instead of running them.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PYTEST := QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
AS_ROOT := $(if $(DRY_RUN),echo would run: $(SUDO),$(SUDO))

.PHONY: run test check lint bench clean system-libraries

# Debian's python3 makes no virtual environment until python3-venv is installed.
# pip -qq: setuptools prints a boxed "BuildBackendWarning" for every editable
# install of a package mapped from another folder (reader_resources from
# resources/), information only; errors still show.
$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || command -v apt-get >/dev/null || { \
	  echo "rtl-reader: $(PYTHON) cannot make a virtual environment: install your" \
	       "system's venv package for it"; exit 1; }
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || { \
	  $(AS_ROOT) apt-get update && $(AS_ROOT) apt-get install -y python3-venv; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -qq -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install -qq -e '.[test]'
	touch $@

system-libraries: $(VENV)/.installed
	$(PY) -m reader.system_libraries --install $(if $(DRY_RUN),--dry-run)

run: system-libraries
	$(VENV)/bin/rtl-reader

# The whole suite, the torture and kill tests included, on every core
# (pytest-xdist; WORKERS=0 runs it in this one process).
WORKERS ?= auto
test: $(VENV)/.installed-test system-libraries
	$(PYTEST) -n $(WORKERS) --dist worksteal

# The fast part (no test marked slow).
check: $(VENV)/.installed-test system-libraries
	$(PYTEST) -n $(WORKERS) --dist worksteal -m "not slow"

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check reader tests bench

bench: $(VENV)/.installed-test
	for f in bench/bench_*.py; do $(PY) $$f || exit 1; done

clean:
	rm -rf $(VENV) build dist *.egg-info
