# sop: the two commands a new machine needs are `make demo` and `make test`.
# Colour off: Maven's reset codes would otherwise run into the test summary line. Batch mode and
# style.color stop the colours, but Maven 3.8's jansi 2 still writes a reset (ESC[0m) to stdout and
# stderr when it uninstalls its console at exit; only the JVM property jansi.noreset stops that, and
# it must be set before Maven starts, so through MAVEN_OPTS rather than a -D argument.
MVN ?= mvn -B -q -Dstyle.color=never
export MAVEN_OPTS := $(MAVEN_OPTS) -Djansi.noreset=true
JAR := target/sop.jar
# Class-data-sharing archive of the classes a run loads: bin/sop uses it when it is newer than the jar.
JSA := target/sop.jsa
# Ahead-of-time cache for a JDK 25 or newer (JEP 483/514), which bin/sop prefers to the archive;
# made only when such a JDK is found (JAVA_AOT= builds without).
AOT := target/sop.aot
JAVA_AOT ?= $(shell scripts/find-jdk-aot.sh)

.PHONY: demo test build golden check bench fuzz clean browser tools

build: $(JAR) $(JSA) $(if $(JAVA_AOT),$(AOT))

$(JAR): pom.xml $(shell find src/main schema templates docs/rules -type f 2>/dev/null)
	$(MVN) -DskipTests package

# A training run on the sample library records every class a validation loads (JDK 13+ dynamic
# AppCDS); start-up then maps them instead of parsing and verifying them again. The archive holds
# the jar's path, so a jar installed elsewhere needs its own: $(call train,LAUNCHER,ARCHIVE).
# The run starts with an empty cache folder of its own, so it loads the classes of a cold run
# (the YAML reader, the schema checks) and of the cache.
train = rm -f $(2) && cache=$$(mktemp -d) && SOP_JAVA_OPTS="-XX:ArchiveClassesAtExit=$(2) -Xlog:cds=off -Xlog:cds+dynamic=off" \
  $(1) validate sops/ --today 2026-11-22 --cache-dir "$$cache" >/dev/null; rc=$$?; rm -rf "$$cache"; [ $$rc -le 1 ]
$(JSA): $(JAR)
	$(call train,bin/sop,$(JSA))

# The same training run through bin/sop (so with its flags) on JAVA_AOT records a configuration
# (-XX:AOTMode=record), from which a second JVM writes the cache (create). $(3).java names that
# JDK for bin/sop, and is written last, so that its presence means a finished cache. The JVM
# checks the jar and itself against the cache on every run and ignores a cache that differs.
# $(call train_aot,LAUNCHER,CACHE,JAVA)
train_aot = rm -f $(2) $(2).java $(2).conf && cache=$$(mktemp -d) && SOP_JAVA=$(3) \
  SOP_JAVA_OPTS="-XX:AOTMode=record -XX:AOTConfiguration=$(2).conf -Xlog:aot*=off -Xlog:cds*=off" \
  $(1) validate sops/ --today 2026-11-22 --cache-dir "$$cache" >/dev/null; rc=$$?; rm -rf "$$cache"; [ $$rc -le 1 ] && \
  SOP_JAVA=$(3) SOP_JAVA_OPTS="-XX:AOTMode=create -XX:AOTConfiguration=$(2).conf -XX:AOTCache=$(2) -Xlog:aot*=off -Xlog:cds*=off" \
  $(1) --version >/dev/null && rm -f $(2).conf && echo '$(3)' > $(2).java
$(AOT): $(JAR)
	$(call train_aot,bin/sop,$(AOT),$(JAVA_AOT))

## demo: build, validate the sample library in sops/, trace its scenarios and render its handbook
demo: build
	bin/sop validate sops/
	bin/sop test sops/
	bin/sop render handbook sops/ --out target/handbook

## browser: the headless chromium and chromedriver that the handbook's browser test drives
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then scripts/install-browser.sh; fi

## tools: the third-party judges the tests run (bpmnlint, yaml-language-server, ...), one npm
## project per folder tools/NAME/ with its package-lock.json, installed there and nowhere else
TOOL_STAMPS := $(patsubst %/package.json,%/node_modules/.installed,$(wildcard tools/*/package.json))
tools: $(TOOL_STAMPS)

tools/%/node_modules/.installed: tools/%/package.json tools/%/package-lock.json
	cd tools/$* && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## test: the whole suite (unit, golden, end-to-end against the built jar)
test: browser tools
	@rm -rf target/surefire-reports target/failsafe-reports; rc=0; $(MVN) verify || rc=$$?; scripts/test-summary.sh; exit $$rc

## fuzz: coverage-guided fuzzing of FUZZ_TEST (default LoadValidateFuzzTest: load + validate;
## SimpleYamlReaderFuzzTest: the fast YAML reader against snakeyaml) for FUZZ_SECONDS (default
## 300); a crash is saved beside the target's inputs (src/test/resources/.../<FUZZ_TEST>Inputs/)
## and fails the run. FUZZ_INSTRUMENT names the classes whose coverage guides it: the default
## includes snakeyaml; 'dev.sopkit.**' alone runs about twice as many inputs a second.
FUZZ_TEST ?= LoadValidateFuzzTest
FUZZ_SECONDS ?= 300
FUZZ_INSTRUMENT ?= dev.sopkit.**,org.yaml.snakeyaml.**,com.fasterxml.jackson.dataformat.yaml.**
fuzz:
	JAZZER_FUZZ=1 $(MVN) test-compile surefire:test@fuzz-tests -Dtest=$(FUZZ_TEST) \
	  -Djazzer.max_duration=$(FUZZ_SECONDS)s -Djazzer.instrument='$(FUZZ_INSTRUMENT)'

## golden: regenerate golden files after an intended output change; review the diff
golden: browser tools
	$(MVN) verify -Dgolden.update=true

## check: lint the sample library as CI would
check: build
	bin/sop validate sops/

## bench: time sop against ajv-cli on generated corpora (docs/performance.md); not part of test
bench:
	@scripts/bench.sh

# Install and release targets: a .PHONY line of their own keeps merges with the line above simple.
.PHONY: completion man install dist

## completion: bash and zsh completion scripts, generated from the commands themselves
completion: target/completion/sop.bash

target/completion/sop.bash: $(JAR)
	@mkdir -p target/completion
	java -jar $(JAR) completion bash > $@.tmp && mv $@.tmp $@

## man: man pages (picocli-codegen writes AsciiDoc, Asciidoctor turns it into roff)
man: target/man/sop.1

target/man/sop.1: $(JAR)
	$(MVN) -Pman exec:java@man-asciidoc asciidoctor:process-asciidoc@man-roff

## install: launcher, jar, completion and man pages under PREFIX (default /usr/local)
PREFIX ?= /usr/local
VERSION := $(shell sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml)
install: build completion man
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/sop \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 644 $(JAR) $(DESTDIR)$(PREFIX)/share/sop/sop.jar
	sed 's|$$home/target/sop.jar|$$home/share/sop/sop.jar|' bin/sop > $(DESTDIR)$(PREFIX)/bin/sop
	chmod 755 $(DESTDIR)$(PREFIX)/bin/sop
	@# The archive holds the jar's path: a staged install (DESTDIR) gets none rather than a wrong one.
	$(if $(DESTDIR),,$(call train,$(PREFIX)/bin/sop,$(PREFIX)/share/sop/sop.jsa))
	$(if $(DESTDIR),,$(if $(JAVA_AOT),$(call train_aot,$(PREFIX)/bin/sop,$(PREFIX)/share/sop/sop.aot,$(JAVA_AOT))))
	install -m 644 target/completion/sop.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/sop
	install -m 644 target/completion/sop.bash $(DESTDIR)$(PREFIX)/share/sop/completion.zsh
	install -m 644 target/man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	@echo "installed sop $(VERSION) in $(DESTDIR)$(PREFIX); for zsh completion add to ~/.zshrc:"
	@echo "  source $(PREFIX)/share/sop/completion.zsh"

## dist: a release bundle, target/sop-VERSION.zip (jar, launcher, completion, man pages, README)
dist: target/sop-$(VERSION).zip

target/sop-$(VERSION).zip: build completion man README.md CHANGELOG.md
	rm -rf target/dist && $(MAKE) --no-print-directory install PREFIX=$(CURDIR)/target/dist/sop-$(VERSION) > /dev/null
	cp README.md CHANGELOG.md target/dist/sop-$(VERSION)/
	cp -r docs target/dist/sop-$(VERSION)/share/sop/docs
	cd target/dist && rm -f ../sop-$(VERSION).zip && zip -qr ../sop-$(VERSION).zip sop-$(VERSION) -x '*.jsa' '*.aot' '*.aot.java'
	@echo "target/sop-$(VERSION).zip"

clean:
	$(MVN) clean
