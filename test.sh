#!/usr/bin/env bash
# The one command that runs every test: ./test.sh
# Builds BrandAutomator.sln once in Release, runs every test project against that build, writes TRX files to
# artifacts/test-results/ and ends with one line: "Tests: N passed, N failed, N skipped" (.NET tests only;
# the SPA's lint, Vitest and Chromium journeys print their own totals above it, screenshots in artifacts/screenshots/).
# Exits non-zero if a build or test fails, or if no test ran.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

RESULTS="$ROOT/artifacts/test-results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

section() { printf '\n==> %s\n' "$*"; }

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

if [[ -f .config/dotnet-tools.json ]]; then
  section "dotnet tool restore"
  dotnet tool restore
fi

section "dotnet build BrandAutomator.sln -c Release"
dotnet build BrandAutomator.sln -c Release

failed=0

section "dotnet test BrandAutomator.sln -c Release --no-build"
# One TRX file per test project (the default names never collide); test projects run with dotnet's default parallelism.
dotnet test BrandAutomator.sln -c Release --no-build --logger trx --results-directory "$RESULTS" || failed=1

if [[ -f client/package.json ]]; then
  # Counted in the exit code only; the totals line below stays .NET only (each runner prints its own totals).
  # CI=true keeps Vitest from starting its watch mode in a terminal.
  section "client: npm ci"
  if (cd client && npm ci --no-audit --no-fund); then
    section "client: npm run lint"
    (cd client && npm run lint) || failed=1
    section "client: npm test (generated API types up to date, Vitest)"
    (cd client && CI=true npm test) || failed=1
    # The journeys run on pinned clocks (the API's and every browser's), so they pass on any date: first all of them
    # on New Year's Eve an hour before midnight in Berlin (a year, a month and, in New York, nearly a day boundary), then
    # the calendar's again on the day Europe moves its clocks forward.
    section "client: npm run e2e (journeys in Chromium against the API and PostgreSQL, clocks at 2026-12-31 23:30 Berlin)"
    # The solution was built above in Release; the journeys build the SPA and start that API build.
    (cd client && E2E_CLOCK=2026-12-31T23:30:00+01:00 E2E_SKIP_API_BUILD=1 npm run e2e) || failed=1
    section "client: calendar journeys again, clocks at 2027-03-28 01:30 Berlin (summer time starts at 02:00)"
    (cd client && E2E_CLOCK=2027-03-28T01:30:00+01:00 E2E_ONLY=calendar E2E_SKIP_BUILD=1 npm run e2e) || failed=1
  else
    failed=1
  fi
fi

# Sum the counters of every TRX file (one per test project).
totals="$(python3 - "$RESULTS" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for path in glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True):
    for element in ET.parse(path).iter():
        if element.tag.endswith("}Counters") or element.tag == "Counters":
            a = element.attrib
            passed += int(a.get("passed", 0))
            failed += int(a.get("failed", 0)) + int(a.get("error", 0)) + int(a.get("timeout", 0)) + int(a.get("aborted", 0))
            skipped += int(a.get("notExecuted", 0)) + int(a.get("inconclusive", 0))
print(passed, failed, skipped)
PY
)"

# The failed tests by name, each with its message's first line, so that the end of a long log says what failed.
python3 - "$RESULTS" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

for path in sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True)):
    for element in ET.parse(path).iter():
        if element.tag.endswith("}UnitTestResult") and element.attrib.get("outcome") not in ("Passed", "NotExecuted"):
            message = next((m.text or "" for m in element.iter() if m.tag.endswith("}Message")), "").strip()
            first = message.splitlines()[0][:300] if message else ""
            print(f"FAILED {element.attrib.get('testName')} ({os.path.basename(path)}): {first}")
PY
read -r passed failed_tests skipped <<<"$totals"

echo
echo "Tests: $passed passed, $failed_tests failed, $skipped skipped"

if (( failed != 0 || failed_tests != 0 )); then
  exit 1
fi
if (( passed + failed_tests == 0 )); then
  echo "No test ran." >&2
  exit 1
fi
