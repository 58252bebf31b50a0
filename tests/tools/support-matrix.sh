#!/usr/bin/env bash
# Regenerates docs/support-matrix.md from measurements: runs MimallocScenarioTest (every
# provisioned build, every reference build, their stripped copies and the static link), which
# writes target/support-matrix.md, and copies that into docs/ only when every scenario passed.
# Needs what the tests need: gdb, gcore, the provisioned builds (tests/provision/mimalloc.sh) and
# the reference builds in ../shared/allocators/mimalloc/. Takes several minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CI=true # a missing build fails the run instead of leaving its rows out
rm -f target/support-matrix.md
mvn -B -q test -Dtest=MimallocScenarioTest -Dsurefire.failIfNoSpecifiedTests=false
cp target/support-matrix.md docs/support-matrix.md.tmp
mv docs/support-matrix.md.tmp docs/support-matrix.md
echo "docs/support-matrix.md: $(( $(grep -c "^| " docs/support-matrix.md) - 1 )) rows"
