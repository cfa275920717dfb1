#!/usr/bin/env bash
# Runs every test and prints "N passed, N failed, N skipped" counted from the TRX report.
# PostgreSQL tests run when ORGANBOT_TEST_PG is set (.ci/run starts a local server and sets it); the Adaptive Card 1.5
# JSON-schema checks run when ../shared/schemas exists (CI). Everything else needs only this repository, the .NET SDK,
# Node.js/npm and Python 3.
set -uo pipefail
cd "$(dirname "$0")"

# npm ci again whenever package-lock.json is newer than what node_modules holds (a pull that added a package).
if command -v npm >/dev/null 2>&1 && { [ ! -f tools/node/node_modules/.package-lock.json ] \
    || [ tools/node/package-lock.json -nt tools/node/node_modules/.package-lock.json ]; }; then
  (cd tools/node && npm ci --no-audit --no-fund --loglevel=error) \
    || echo "warning: npm ci failed; card-parser, manifest-schema and Playground tests will report skipped" >&2
fi

results="$PWD/TestResults"
rm -rf "$results"
dotnet test --configuration Release -- --results-directory "$results" --report-xunit-trx --report-xunit-trx-filename organbot.trx "$@"
status=$?

trx="$results/organbot.trx"
if [ ! -f "$trx" ]; then
  echo "0 passed, 1 failed"
  echo "error: no test report was written (build failure?)" >&2
  exit 1
fi
python3 - "$trx" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(sys.argv[1]).getroot()
results = list(root.iter("{%s}UnitTestResult" % ns["t"]))
outcomes = [r.get("outcome") for r in results]
# Name each failure (and the first lines of its message) above the summary, so a CI log that keeps only its tail
# still says which test failed.
for r in results:
    if r.get("outcome") in ("Failed", "Error", "Timeout", "Aborted"):
        message = r.find("t:Output/t:ErrorInfo/t:Message", ns)
        first = (message.text or "").strip().splitlines()[:3] if message is not None else []
        print(f"FAILED {r.get('testName')}: " + " | ".join(first)[:400])
passed = sum(o == "Passed" for o in outcomes)
failed = sum(o in ("Failed", "Error", "Timeout", "Aborted") for o in outcomes)
skipped = sum(o == "NotExecuted" for o in outcomes)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
