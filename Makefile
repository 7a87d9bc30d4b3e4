# SPDX-License-Identifier: GPL-2.0
# Build of the perf binary and the project's entry points:
#
#   make              build ./perf
#   make deps         install the Debian packages the build and tests need
#   make demo         deps + build + profile examples/ workload
#   make check        deps + build + every test, ends with "N passed, N failed, N skipped"
#   make bench        side-by-side timings against the reference perf
#   make fuzz         build the libFuzzer targets (clang) and run each for
#                     FUZZ_SECONDS (default 60); see Documentation/fuzzing.txt
#   make install      prefix=/usr/local (binary, exec path, docs, man pages)
#
# Variables: SANITIZE=1 (ASan+UBSan), WERROR=0 (warnings not fatal),
# NO_LIBELF=1 NO_LIBDW=1 NO_LIBTRACEEVENT=1 NO_LIBUNWIND=1 NO_LIBPYTHON=1
# NO_SLANG=1 NO_ZSTD=1 (build without that library), V=1 (show commands).

.DEFAULT_GOAL := all

prefix    ?= /usr/local
bindir    := $(prefix)/bin
execdir   := $(prefix)/libexec/perf-core
docdir    := $(prefix)/share/doc/perf
mandir    := $(prefix)/share/man
DESTDIR   ?=

CC        ?= cc
PKG_CONFIG ?= pkg-config
ARCH      := $(shell uname -m | sed -e 's/x86_64/x86/' -e 's/i.86/x86/' -e 's/aarch64/arm64/' -e 's/riscv64/riscv/')

ifeq ($(V),1)
Q :=
else
Q := @
endif

VARIANT := normal
ifeq ($(SANITIZE),1)
VARIANT := sanitize
endif
# FUZZ=1 is the libFuzzer variant that `make fuzz` builds: clang, every
# object instrumented, no ./perf.
FUZZ_CC ?= $(firstword $(shell command -v clang-14 clang 2>/dev/null) clang)
ifeq ($(FUZZ),1)
VARIANT := fuzz
CC := $(FUZZ_CC)
OPT_CFLAGS ?= -O1 -g
endif
OUT := .build/$(VARIANT)

# ---------------------------------------------------------------------------
# Optional libraries. Each is required unless NO_<NAME>=1: a missing one
# stops the build with a line naming the Debian package that provides it.
#   name         pkg-config module  Debian package      feature macro
FEATURES := LIBELF LIBDW LIBTRACEEVENT LIBUNWIND LIBPYTHON SLANG ZSTD
pc_LIBELF        := libelf
pc_LIBDW         := libdw
pc_LIBTRACEEVENT := libtraceevent
pc_LIBUNWIND     := libunwind-generic
pc_LIBPYTHON     := python3-embed
pc_SLANG         := slang
pc_ZSTD          := libzstd
deb_LIBELF        := libelf-dev
deb_LIBDW         := libdw-dev
deb_LIBTRACEEVENT := libtraceevent-dev
deb_LIBUNWIND     := libunwind-dev
deb_LIBPYTHON     := python3-dev
deb_SLANG         := libslang2-dev
deb_ZSTD          := libzstd-dev

# Goals that need no compiler and no libraries.
NOBUILD_GOALS := deps clean distclean help
ifneq ($(filter-out $(NOBUILD_GOALS),$(or $(MAKECMDGOALS),all)),)
define detect_feature
ifneq ($(NO_$(1)),1)
  ifeq ($(shell $(PKG_CONFIG) --exists $(pc_$(1)) 2>/dev/null && echo yes),yes)
    CONFIG_$(1) := y
    FEATURE_CFLAGS += $$(shell $(PKG_CONFIG) --cflags $(pc_$(1)))
    LIBS_$(1)      := $$(shell $(PKG_CONFIG) --libs $(pc_$(1)))
    FEATURE_DEFS   += -DHAVE_$(1)_SUPPORT
  else
    $$(error $(pc_$(1)) not found: install the Debian package $(deb_$(1)) (or run 'make deps'), or build with NO_$(1)=1)
  endif
endif
endef
$(foreach f,$(FEATURES),$(eval $(call detect_feature,$(f))))
endif
# libpython is linked into the python engine (a shared object loaded when
# a script runs, see below), never into perf itself.
FEATURE_LIBS := $(foreach f,$(filter-out LIBPYTHON,$(FEATURES)),$(LIBS_$(f)))

# ---------------------------------------------------------------------------
# Sources. New files are picked up by the wildcards; a file that needs an
# optional library is listed in SRCS_<FEATURE> and built only with it.
SRCS_LIBELF        := util/symbol-elf.c
SRCS_LIBDW         := util/srcline.c util/unwind-libdw.c
SRCS_LIBTRACEEVENT := util/trace-event-parse.c
SRCS_LIBUNWIND     := util/unwind-libunwind.c
SRCS_LIBPYTHON     := util/scripting-python-load.c
SRCS_SLANG         := $(wildcard ui/tui/*.c ui/browsers/*.c)
SRCS_ZSTD          := util/zstd.c
OPTIONAL_SRCS := $(foreach f,$(FEATURES),$(SRCS_$(f))) util/scripting-python.c
ENABLED_SRCS  := $(foreach f,$(FEATURES),$(if $(CONFIG_$(f)),$(SRCS_$(f))))

ALL_SRCS := perf.c $(wildcard builtin-*.c util/*.c util/*/*.c ui/*.c ui/stdio/*.c \
	tests/*.c tests/workloads/*.c arch/$(ARCH)/util/*.c arch/$(ARCH)/tests/*.c)
# EXCLUDE="a.c b.c" leaves files out of a developer build (work in progress).
SRCS := $(filter-out $(OPTIONAL_SRCS) $(EXCLUDE),$(ALL_SRCS)) $(filter-out $(EXCLUDE),$(ENABLED_SRCS))
OBJS := $(patsubst %.c,$(OUT)/%.o,$(SRCS))
DEPS := $(OBJS:.o=.d)

# ---------------------------------------------------------------------------
# Flags.
PERF_VERSION := $(shell ./scripts/version.sh 2>/dev/null || echo 6.1.0)

WARNINGS := -Wall -Wextra -Wshadow -Wformat=2 -Wno-format-nonliteral \
	-Wmissing-prototypes -Wstrict-prototypes -Wno-unused-parameter \
	-Wno-missing-field-initializers
ifneq ($(WERROR),0)
WARNINGS += -Werror
endif

OPT_CFLAGS ?= -O2 -g
BASE_CFLAGS := -std=gnu11 $(OPT_CFLAGS) $(WARNINGS) -D_GNU_SOURCE \
	-I. -Iutil -I$(OUT)/include \
	-DPERF_EXEC_PATH='"$(execdir)"' -DPERF_DOC_PATH='"$(docdir)"'
LDFLAGS_ALL := -Wl,--as-needed
LIBS := -lpthread -lm -ldl

ifeq ($(SANITIZE),1)
BASE_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS_ALL += -fsanitize=address,undefined
endif

ifeq ($(FUZZ),1)
BASE_CFLAGS += -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined -Wno-unknown-attributes
LDFLAGS_ALL += -fsanitize=fuzzer,address,undefined
endif

ALL_CFLAGS := $(BASE_CFLAGS) $(FEATURE_DEFS) $(FEATURE_CFLAGS) $(CFLAGS)
ALL_LDFLAGS := $(LDFLAGS_ALL) $(LDFLAGS)

# ---------------------------------------------------------------------------
# Build.
.PHONY: all FORCE
all: perf

# Rebuild everything when the flags change (GIT-CFLAGS style).
$(OUT)/PERF-CFLAGS: FORCE
	@mkdir -p $(OUT)
	@echo '$(ALL_CFLAGS) $(ALL_LDFLAGS) $(FEATURE_LIBS) $(LIBS_LIBPYTHON) $(LIBS) $(PERF_VERSION)' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi
# Switching SANITIZE relinks ./perf from the other variant's objects.
.build/LAST-VARIANT: FORCE
	@mkdir -p .build
	@echo '$(VARIANT)' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

GENERATED := $(OUT)/include/common-cmds.h $(OUT)/include/build-options.h

$(OUT)/include/common-cmds.h: command-list.txt scripts/gen-common-cmds.sh
	@mkdir -p $(dir $@)
	$(Q)sh scripts/gen-common-cmds.sh < $< > $@.tmp && mv $@.tmp $@

$(OUT)/include/build-options.h: $(OUT)/PERF-CFLAGS Makefile
	@mkdir -p $(dir $@)
	$(Q){ echo '#define PERF_VERSION "$(PERF_VERSION)"'; \
	  $(foreach f,$(FEATURES),echo '#define BUILT_$(f) $(if $(CONFIG_$(f)),1,0)';) \
	  echo '#define BUILT_SANITIZE $(if $(filter sanitize,$(VARIANT)),1,0)'; \
	} > $@.tmp && mv $@.tmp $@

$(OUT)/%.o: %.c $(OUT)/PERF-CFLAGS | $(GENERATED)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo '  CC      $<')
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# The call-graph workload must keep its frames and calls: main -> parent -> leaf.
$(OUT)/tests/workloads/leafloop.o: ALL_CFLAGS += -O0 -fno-inline -fno-omit-frame-pointer

# The python engine: util/scripting-python.c as a shared object with
# libpython, embedded into perf by util/scripting-python-load.c (.incbin)
# and loaded only by the commands that run python. It calls into perf
# through perf's exported symbols, and exports nothing but its ops table.
ifeq ($(CONFIG_LIBPYTHON),y)
PYTHON_ENGINE := $(OUT)/python-engine.so
$(OUT)/python-engine.o: util/scripting-python.c $(OUT)/PERF-CFLAGS | $(GENERATED)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo '  CC      $<')
	$(Q)$(CC) $(ALL_CFLAGS) -fPIC -fvisibility=hidden -MMD -MP -c -o $@ $<
$(PYTHON_ENGINE): $(OUT)/python-engine.o
	@$(if $(Q),echo '  LINK    $@')
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -shared -o $@ $< $(LIBS_LIBPYTHON)
$(OUT)/util/scripting-python-load.o: $(PYTHON_ENGINE)
$(OUT)/util/scripting-python-load.o: ALL_CFLAGS += -DPYTHON_ENGINE_SO='"$(PYTHON_ENGINE)"'
PERF_LDFLAGS := -Wl,--export-dynamic
DEPS += $(OUT)/python-engine.d
endif

perf: $(OBJS) $(OUT)/PERF-CFLAGS .build/LAST-VARIANT
	@$(if $(Q),echo '  LINK    $@')
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) $(PERF_LDFLAGS) -o $@ $(OBJS) $(FEATURE_LIBS) $(LIBS)

-include $(DEPS)

# ---------------------------------------------------------------------------
# Fuzz targets: tests/fuzz/<name>.c linked with every object of the
# binary; perf.c's main() is renamed so that libFuzzer's is the one.
FUZZ_TARGETS := $(basename $(notdir $(wildcard tests/fuzz/*.c)))
FUZZ_BINS := $(patsubst %,$(OUT)/fuzz/%,$(FUZZ_TARGETS))
ifeq ($(FUZZ),1)
$(OUT)/perf.o: ALL_CFLAGS += -Dmain=perf_main_replaced_by_fuzzer -Wno-missing-prototypes
endif

$(OUT)/fuzz/%: $(OUT)/tests/fuzz/%.o $(OBJS) $(OUT)/PERF-CFLAGS
	@mkdir -p $(dir $@)
	@$(if $(Q),echo '  LINK    $@')
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(OBJS) $(FEATURE_LIBS) $(LIBS)

.PHONY: fuzz fuzz-build
fuzz-build: $(FUZZ_BINS)
.SECONDARY: $(patsubst %,$(OUT)/tests/fuzz/%.o,$(FUZZ_TARGETS))

FUZZ_SECONDS ?= 60
fuzz:
	$(Q)$(MAKE) --no-print-directory FUZZ=1 WERROR=$(or $(WERROR),1) fuzz-build
	$(Q)FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/run.sh $(FUZZ_TARGETS)

# ---------------------------------------------------------------------------
# Entry points.
.PHONY: deps demo check bench install clean distclean

deps:
	$(Q)sh scripts/install-deps.sh

demo: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(MAKE) --no-print-directory -C examples
	$(Q)sh examples/demo.sh

check: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(MAKE) --no-print-directory -C examples
	$(Q)bash tests/run-check.sh

bench: perf
	$(Q)$(MAKE) --no-print-directory -C examples
	$(Q)bash bench/run.sh

install: perf
	install -d $(DESTDIR)$(bindir) $(DESTDIR)$(execdir) $(DESTDIR)$(docdir) \
		$(DESTDIR)$(mandir)/man1 $(DESTDIR)$(execdir)/tests/shell/lib
	install -m 755 perf $(DESTDIR)$(bindir)/perf
	install -m 644 Documentation/*.txt $(DESTDIR)$(docdir)/
	install -m 755 tests/shell/*.sh $(DESTDIR)$(execdir)/tests/shell/
	-install -m 644 tests/shell/lib/*.sh $(DESTDIR)$(execdir)/tests/shell/lib/ 2>/dev/null
	install -d $(DESTDIR)$(execdir)/scripts/python/bin \
		$(DESTDIR)$(execdir)/scripts/python/Perf-Trace-Util/lib/Perf/Trace
	install -m 644 scripts/python/*.py $(DESTDIR)$(execdir)/scripts/python/
	install -m 755 scripts/python/bin/* $(DESTDIR)$(execdir)/scripts/python/bin/
	install -m 644 scripts/python/Perf-Trace-Util/lib/Perf/Trace/*.py \
		$(DESTDIR)$(execdir)/scripts/python/Perf-Trace-Util/lib/Perf/Trace/
	for f in Documentation/perf*.txt; do \
		sh scripts/txt2man.sh $$f > $(DESTDIR)$(mandir)/man1/$$(basename $$f .txt).1 || exit 1; \
	done

clean:
	rm -rf .build perf
	-$(MAKE) --no-print-directory -C examples clean

distclean: clean
