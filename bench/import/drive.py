"""Builds the CSV, then times the dry run, the import and the re-import; checks what each reports."""
import csv
import datetime
import io
import json
import os
import subprocess
import sys
import time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import client  # noqa: E402

base, rows, bad_percent = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])


def call(method, route, body=None, token=None):
    return client.call(base, method, route, body, token, timeout=120)


auth = call("POST", "/api/v1/auth/register", {"email": f"import-{time.time_ns()}@example.com", "password": "a benchmark passphrase 2026",
                                               "fullName": "Import Bench", "companyName": "Import Bench"})
token, tenant = auth["accessToken"], auth["tenant"]["id"]
call("PUT", f"/api/v1/tenants/{tenant}/time-zone", {"timeZone": "Europe/Berlin"}, token)
for platform, account in (("linkedIn", "urn:li:organization:4242"), ("x", "1700000000")):
    call("POST", "/api/v1/social/connections", {"platform": platform, "externalAccountId": account,
                                                "displayName": f"Bench on {platform}", "accessToken": "at-bench"}, token)

# Bad rows are spread evenly (exactly BAD_PERCENT of them), each bad in one of five ways; the rest go out over the next
# 60 days at a quarter past the hour.
faults = ["network", "date", "length", "text", "media"]
start = datetime.date.today() + datetime.timedelta(days=2)
out = io.StringIO()
writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
writer.writerow(["Date", "Time", "Networks", "Text", "X text", "Media", "Title"])
bad_rows = set()
for i in range(rows):
    day = (start + datetime.timedelta(days=i % 60)).isoformat()
    row = [day, f"{8 + i % 10:02d}:15", "LinkedIn, X", f"Post {i}: our news, told in two lines.\nSecond line of post {i}.", f"Post {i} for X", "", f"Bench {i}"]
    if int((i + 1) * bad_percent / 100) > int(i * bad_percent / 100):
        fault = faults[len(bad_rows) % len(faults)]
        bad_rows.add(i + 2)
        if fault == "network":
            row[2] = "LinkedIn, MySpace"
        elif fault == "date":
            row[0] = day[:5] + "13-40"
        elif fault == "length":
            row[4] = "x" * 300
        elif fault == "text":
            row[3] = ""
            row[4] = ""
        else:
            row[5] = "missing-picture.png"
    writer.writerow(row)
data = ("\ufeff" + out.getvalue()).encode()
path = f"/tmp/bench-import-{os.getpid()}.csv"
with open(path, "wb") as f:
    f.write(data)


def post(route, *fields):
    args = ["curl", "-s", "-w", "\n%{http_code}", "-H", f"authorization: Bearer {token}", "-F", f"file=@{path};type=text/csv"]
    for field in fields:
        args += ["-F", field]
    t0 = time.perf_counter()
    result = subprocess.run(args + [base + route], check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    body, status = result.stdout.rsplit("\n", 1)
    if status != "200":
        raise SystemExit(f"{route} answered {status}: {body[:500]}")
    return json.loads(body), seconds


try:
    post("/api/v1/content/import/dry-run")  # warm-up: JIT and caches, not measured
    dry, dry_s = post("/api/v1/content/import/dry-run")
    listed = {e["row"] for e in dry["errors"]}
    imported, import_s = post("/api/v1/content/import", "mode=rowByRow")
    again, again_s = post("/api/v1/content/import", "mode=rowByRow")
    # The same file as drafts in a second workspace: no triggers to write, no brand check; what is left is reading,
    # checking and inserting the rows.
    token = call("POST", "/api/v1/auth/register", {"email": f"import2-{time.time_ns()}@example.com", "password": "a benchmark passphrase 2026",
                                                   "fullName": "Import Bench", "companyName": "Import Bench 2"})["accessToken"]
    drafts, drafts_s = post("/api/v1/content/import", "mode=rowByRow", "target=draft")
finally:
    os.remove(path)

load = os.getloadavg()
print(f"import of {rows:,} rows ({len(bad_rows)} bad, {len(data) / 1024:.0f} KB), Europe/Berlin, LinkedIn + X, brand check on")
print(f"  dry run:   {dry_s:6.2f} s  bad rows listed {len(listed)}, exactly the bad ones: {listed == bad_rows}")
print(f"  import:    {import_s:6.2f} s  created {imported['created']:,} (expected {rows - len(bad_rows):,}), scheduled")
print(f"  as drafts: {drafts_s:6.2f} s  created {drafts['created']:,} drafts in a second workspace (no triggers, no brand check)")
print(f"  re-import: {again_s:6.2f} s  created {again['created']}, already imported {again['alreadyImported']:,}")
print(f"  load average (1/5/15 min) at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
ok = listed == bad_rows and imported["created"] == rows - len(bad_rows) and again["created"] == 0
sys.exit(0 if ok else 1)
