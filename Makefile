# The two set-up commands (see README): `make run` and `make test`. Everything else is internal.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench screenshots translations clean package package-server

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[server,test,package]'
	@touch $(STAMP)

run: $(STAMP)
	@scripts/setup-system.sh app
	$(VENV)/bin/gongkai init --if-missing --demo --site-code 370112-TW --site-name 历城区唐王街道 \
		--district 济南市历城区 --zone-location 唐王街道便民服务中心一楼政务公开专区 --supervision-phone 0531-88123456
	$(VENV)/bin/gongkai

test: $(STAMP)
	@scripts/setup-system.sh test
	$(PY) -m ruff check .
	$(PY) -m mypy app db printing ui server
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n 2 -q

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy app db printing ui server

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/startup.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py out/screens

translations: $(STAMP)
	$(PY) scripts/translations.py

# dist/gongkai_<version>_amd64.deb: the desktop bundle with its own Python and Qt (docs/packaging.md).
# VERSION=1.2.3 overrides pyproject's version; the bundle is reused while its inputs are unchanged.
package: $(STAMP)
	@scripts/setup-system.sh package
	$(PY) packaging/build.py deb $(if $(VERSION),--version $(VERSION))

# dist/gongkai-server-<version>.tar.gz: the platform's wheel, systemd unit and install guide
# (docs/platform-service.md).
package-server: $(STAMP)
	$(PY) packaging/build_server.py

clean:
	rm -rf $(VENV) build dist *.egg-info
