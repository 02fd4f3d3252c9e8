# grantcheck - validator for the RCC grant statements.
#
#   make            build build/grantcheck (and build/grantcheck-office, which
#                   it runs for summary and serve)
#   make demo       install missing packages, build, run the samples
#   make test       install missing packages, build, run every test
#                   (the unit tests, then each driver in TESTS)
#   make WERROR=1   warnings are errors (CI builds so; any target)
#   make format     clang-format -i over src/ and tests/unit/ (.clang-format)
#   make format-check  what make format would change; fails if anything
#   make asan       the test suite under AddressSanitizer + UBSan
#   make tsan       the threaded parse and the worker pool under ThreadSanitizer
#   make valgrind   the end-to-end cases under valgrind memcheck
#   make bench      benchmarks (never part of the tests): bench/bench.py, paired runs
#                   against each row's peer (BENCH_PAIRS, default 7)
#   make bench-readme  make bench, then its table into README.md (and the raw
#                   runs into bench/results.json, which tests/e2e/bench_table.sh checks)
#   make install    PREFIX=/usr/local DESTDIR=
#   make deps       install the Debian packages the build and tests need

PREFIX  ?= /usr/local
DATADIR ?= $(PREFIX)/share/grantcheck
BINDIR  ?= $(PREFIX)/bin
BUILD   ?= build
MANDIR  ?= $(PREFIX)/share/man
DOCDIR  ?= $(PREFIX)/share/doc/grantcheck
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions

CC      ?= cc
PKGS    := expat sqlite3 xlsxwriter zlib libmicrohttpd
CFLAGS  ?= -O2 -g
STD     := -std=c11 -pthread -D_GNU_SOURCE
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wformat=2 -Wno-format-nonliteral $(if $(WERROR),-Werror)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -pthread
CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   = $(shell pkg-config --libs check 2>/dev/null)
ALL_CFLAGS = $(STD) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -DGRANTCHECK_DATADIR='"$(DATADIR)/rules"' -MMD -MP

LIB_SRC := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
MAIN_OBJ := $(BUILD)/obj/main.o
# grantcheck runs grantcheck-office for summary and serve (commands.c, as
# git runs its dashed externals): only that program links the workbook and
# web server libraries, whose loading (gnutls, libcrypto, ...) took 3 to 5 ms
# of every other command's start (checking one file: 13.5 ms with them, 8.6
# ms without).
OFFICE_SRC := src/cmd_serve.c src/cmd_summary.c src/web.c src/out_xlsx.c src/xlsx_cells.c
CORE_OBJ := $(filter-out $(OFFICE_SRC:src/%.c=$(BUILD)/obj/%.o),$(LIB_OBJ))
CORE_PKGS := expat sqlite3 zlib
CORE_LIBS = $(shell pkg-config --libs $(CORE_PKGS) 2>/dev/null) -pthread
UNIT_SRC := $(wildcard tests/unit/*.c)
FORMAT_SRC := $(wildcard src/*.[ch] tests/unit/*.[ch])
CLANG_FORMAT ?= clang-format

# The test drivers, each run as DRIVER path/to/grantcheck after the unit tests.
TESTS := tests/golden.sh tests/e2e.sh tests/readme.sh

DEB_PACKAGES := build-essential pkg-config libexpat1-dev libsqlite3-dev libxlsxwriter-dev zlib1g-dev check expat \
                libxml2-utils python3 python3-openpyxl valgrind clang libclang-rt-14-dev time groff-base man-db clang-format chromium \
                libreoffice-calc-nogui poppler-utils \
                libmicrohttpd-dev chromium-driver python3-selenium strace

.PHONY: all deps demo test unit golden faults asan tsan valgrind bench bench-readme fuzz install clean format format-check FORCE
all: $(BUILD)/grantcheck $(BUILD)/grantcheck-office

$(BUILD)/obj/%.o: src/%.c | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/obj:
	mkdir -p $@

# Rebuild what embeds the data folder when PREFIX/DATADIR changes.
$(BUILD)/obj/ruleset.o: $(BUILD)/datadir.stamp
$(BUILD)/datadir.stamp: FORCE | $(BUILD)/obj
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@
FORCE:

$(BUILD)/grantcheck: $(CORE_OBJ) $(MAIN_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CORE_LIBS)

$(BUILD)/grantcheck-office: $(LIB_OBJ) $(MAIN_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/unit-tests: $(UNIT_SRC) $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -Isrc -o $@ $(UNIT_SRC) $(LIB_OBJ) $(PKG_LIBS) $(CHECK_LIBS)

# Fault injection at every write of the register (tests/faults/vfsfault.c):
# `make faults` fails each of the ~450 writes in turn (minutes); make test
# runs it with VFSFAULT_STRIDE=25 (every 25th write).
VFSFAULT_STRIDE ?= 1
VFSFAULT_BATCH = samples/valid/*.xml samples/invalid/A1-sum-mismatch.xml samples/invalid/X2-missing-end-tag.xml \
                 samples/invalid/G2-received.xml samples/invalid/A3-balance-split.xml
faults: $(BUILD)/vfsfault
	rm -rf $(BUILD)/vfsfault-tmp && mkdir -p $(BUILD)/vfsfault-tmp
	VFSFAULT_STRIDE=$(VFSFAULT_STRIDE) $(BUILD)/vfsfault rules $(BUILD)/vfsfault-tmp $(VFSFAULT_BATCH)
$(BUILD)/vfsfault: tests/faults/vfsfault.c $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ tests/faults/vfsfault.c $(LIB_OBJ) $(PKG_LIBS)

# Installs what is missing (apt-get update first); does nothing when all is there.
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

demo: deps
	$(MAKE) all
	./tests/demo.sh $(BUILD)

# Every driver runs even when one before it failed; the target fails if any did.
RUN_TESTS = fail=""; for t in $(TESTS); do ./$$t $(1) || fail="$$fail $$t"; done; \
	[ -z "$$fail" ] || { echo "failed:$$fail"; exit 1; }

test: deps
	$(MAKE) all $(BUILD)/unit-tests
	$(BUILD)/unit-tests
	@$(call RUN_TESTS,$(BUILD)/grantcheck)
	$(MAKE) faults VFSFAULT_STRIDE=25

unit: $(BUILD)/unit-tests
	$(BUILD)/unit-tests

golden: all
	./tests/golden.sh $(BUILD)/grantcheck

asan: deps
	$(MAKE) BUILD=build-asan CC=clang CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" build-asan/grantcheck build-asan/grantcheck-office build-asan/unit-tests
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 build-asan/unit-tests
	@export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1; \
	$(call RUN_TESTS,build-asan/grantcheck)

# ThreadSanitizer over what runs threads: the unit tests (the loader suite
# parses with and without threads), the golden cases and scenario script
# with every file parsed by three threads, and the worker pool of check and
# register (tests/e2e/workers.sh, which also runs register_batch.sh with 4
# workers).
tsan: deps
	$(MAKE) BUILD=build-tsan CC=clang CFLAGS="-O1 -g -fsanitize=thread -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=thread" build-tsan/grantcheck build-tsan/grantcheck-office build-tsan/unit-tests
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 build-tsan/unit-tests
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 GRANTCHECK_THREADS=always ./tests/golden.sh build-tsan/grantcheck
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 ./tests/e2e/threads.sh build-tsan/grantcheck | tee build-tsan/threads.log
	! grep -q '^FAIL' build-tsan/threads.log
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 ./tests/e2e/workers.sh build-tsan/grantcheck | tee build-tsan/workers.log
	! grep -q '^FAIL' build-tsan/workers.log
	grep -q '^workers: [0-9]* passed, 0 failed' build-tsan/workers.log

VALGRIND := valgrind -q --trace-children=yes --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
valgrind: all
	GRANTCHECK_SQLMEM=0 GRANTCHECK_WRAP="$(VALGRIND)" ./tests/golden.sh $(BUILD)/grantcheck
	GRANTCHECK_SQLMEM=0 GRANTCHECK_WRAP="$(VALGRIND)" GRANTCHECK_BIG_BYTES=4000000 ./tests/e2e.sh $(BUILD)/grantcheck

bench: deps
	$(MAKE) all $(BUILD)/webload
	/usr/bin/python3 bench/bench.py run $(BUILD)/grantcheck

bench-readme: bench
	cp $(BUILD)/bench/results.json bench/results.json
	/usr/bin/python3 bench/bench.py readme bench/results.json README.md

# The load generator of bench/web_load.py: one thread on epoll (bench/webload.c).
$(BUILD)/webload: bench/webload.c | $(BUILD)/obj
	$(CC) $(STD) $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ $<

# libFuzzer targets (clang): fuzz/fuzz_*.c, each linked with the library objects.
FUZZ_SRC := $(wildcard fuzz/fuzz_*.c)
FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=build-fuzz/%)
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
build-fuzz/%: fuzz/%.c FORCE
	$(MAKE) BUILD=build-fuzz CC=clang CFLAGS="$(FUZZ_FLAGS)" build-fuzz/obj-stamp
	clang $(STD) $(WARN) $(subst fuzzer-no-link,fuzzer,$(FUZZ_FLAGS)) $(PKG_CFLAGS) -Isrc -o $@ $< $(LIB_SRC:src/%.c=build-fuzz/obj/%.o) $(PKG_LIBS)

build-fuzz/obj-stamp: $(LIB_SRC:src/%.c=build-fuzz/obj/%.o)
	touch $@

# make fuzz [FUZZ_SECONDS=1800]: every target for that long (default 60 s, the CI smoke)
FUZZ_SECONDS ?= 60
fuzz: deps
	$(MAKE) $(FUZZ_BIN)
	./fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_BIN)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rules $(DESTDIR)$(DATADIR)/schema
	install -m 755 $(BUILD)/grantcheck $(BUILD)/grantcheck-office $(DESTDIR)$(BINDIR)/
	for d in rules/*/; do \
	  n=$$(basename $$d); install -d $(DESTDIR)$(DATADIR)/rules/$$n; \
	  install -m 644 $$d*.sql $$d*.tsv $(DESTDIR)$(DATADIR)/rules/$$n/; \
	done
	install -m 644 schema/statement-v1.xsd $(DESTDIR)$(DATADIR)/schema/
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DOCDIR) $(DESTDIR)$(COMPLETIONDIR)
	install -m 644 docs/grantcheck.1 $(DESTDIR)$(MANDIR)/man1/grantcheck.1
	install -m 644 docs/format.sv.md docs/format.en.md docs/rules.sv.md docs/rules.en.md $(DESTDIR)$(DOCDIR)/
	install -m 644 docs/grantcheck.bash-completion $(DESTDIR)$(COMPLETIONDIR)/grantcheck

format:
	$(CLANG_FORMAT) -i $(FORMAT_SRC)

format-check:
	$(CLANG_FORMAT) --dry-run --Werror $(FORMAT_SRC)

clean:
	rm -rf build build-asan build-tsan build-fuzz

-include $(wildcard $(BUILD)/obj/*.d)
