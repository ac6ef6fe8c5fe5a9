# sop: the two commands a new machine needs are `make demo` and `make test`.
MVN ?= mvn -B -q
JAR := target/sop.jar
# Class-data-sharing archive of the classes a run loads: bin/sop uses it when it is newer than the jar.
JSA := target/sop.jsa

.PHONY: demo test build golden check bench fuzz clean

build: $(JAR) $(JSA)

$(JAR): pom.xml $(shell find src/main schema templates docs/rules -type f 2>/dev/null)
	$(MVN) -DskipTests package

# A training run on the sample library records every class a validation loads (JDK 13+ dynamic
# AppCDS); start-up then maps them instead of parsing and verifying them again.
$(JSA): $(JAR)
	rm -f $(JSA)
	SOP_JAVA_OPTS="-XX:ArchiveClassesAtExit=$(JSA) -Xlog:cds=off -Xlog:cds+dynamic=off" \
	  bin/sop validate sops/ --today 2026-11-22 >/dev/null || [ $$? -eq 1 ]

## demo: build, then validate the sample library in sops/
demo: build
	bin/sop validate sops/

## test: the whole suite (unit, golden, end-to-end against the built jar)
test:
	@rm -rf target/surefire-reports target/failsafe-reports; rc=0; $(MVN) verify || rc=$$?; scripts/test-summary.sh; exit $$rc

## fuzz: coverage-guided fuzzing of load + validate for FUZZ_SECONDS (default 300); a crash is
## saved under src/test/resources/dev/sopkit/fuzz/LoadValidateFuzzTestInputs/ and fails the run
FUZZ_SECONDS ?= 300
fuzz:
	JAZZER_FUZZ=1 $(MVN) verify -Dfuzz.only=true -DskipITs -Dtest=LoadValidateFuzzTest \
	  -Djazzer.max_duration=$(FUZZ_SECONDS)s \
	  -Djazzer.instrument='dev.sopkit.**,org.yaml.snakeyaml.**,com.fasterxml.jackson.dataformat.yaml.**'

## golden: regenerate golden files after an intended output change; review the diff
golden:
	$(MVN) verify -Dgolden.update=true

## check: lint the sample library as CI would
check: build
	bin/sop validate sops/

## bench: time sop against ajv-cli on generated corpora (docs/performance.md); not part of test
bench:
	scripts/bench.sh

clean:
	$(MVN) clean
