# sop: the two commands a new machine needs are `make demo` and `make test`.
MVN ?= mvn -B -q
JAR := target/sop.jar

.PHONY: demo test build golden check clean

build: $(JAR)

$(JAR): pom.xml $(shell find src/main schema templates docs/rules -type f 2>/dev/null)
	$(MVN) -DskipTests package

## demo: build, then validate the sample library in sops/
demo: build
	bin/sop validate sops/

## test: the whole suite (unit, golden, end-to-end against the built jar)
test:
	@rm -rf target/surefire-reports target/failsafe-reports; rc=0; $(MVN) verify || rc=$$?; scripts/test-summary.sh; exit $$rc

## golden: regenerate golden files after an intended output change; review the diff
golden:
	$(MVN) verify -Dgolden.update=true

## check: lint the sample library as CI would
check: build
	bin/sop validate sops/

clean:
	$(MVN) clean
