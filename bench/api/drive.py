"""bench/api: 200 posts in a month, then ours vs the raw baseline with wrk, then ours at a fixed rate."""
import json
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.request
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import client  # noqa: E402
import load  # noqa: E402

base, pid, loadgen_dll = sys.argv[1], int(sys.argv[2]), sys.argv[3]
ROUNDS = int(os.environ.get("API_ROUNDS", "3"))
ROUND_SECONDS = int(os.environ.get("API_ROUND_SECONDS", "10"))
RATE = int(os.environ.get("API_RATE", "500"))
RATE_SECONDS = int(os.environ.get("API_RATE_SECONDS", "30"))
CONNECTIONS = int(os.environ.get("API_CONNECTIONS", "32"))
MONTH, NEXT = "2031-03-01", "2031-04-01"
random.seed(11)

account = client.call(base, "POST", "/api/v1/auth/register", {
    "email": f"api-{time.time_ns()}@example.com", "password": "a benchmark passphrase 2026",
    "fullName": "Api Bench", "companyName": "Api Bench"})
token = account["accessToken"]
tenant = json.loads(__import__("base64").urlsafe_b64decode(token.split(".")[1] + "=="))["tid"]
platforms = ["linkedIn", "x", "facebook", "instagram", "googleBusiness"]
words = "launch coffee roast autumn blend tasting notes cherry cocoa community event pricing story studio craft".split()
for i in range(200):
    variants = [{"platform": p, "text": " ".join(random.choice(words) for _ in range(random.randint(12, 40))).capitalize() + ".",
                 "mediaAssetIds": []} for p in random.sample([p for p in platforms if p != "instagram"], random.randint(1, 3))]
    client.call(base, "POST", "/api/v1/content", {
        "title": f"March post {i + 1}", "variants": variants,
        "at": f"2031-03-{1 + i % 31:02d}T{8 + i % 10:02d}:{(i * 7) % 60:02d}"}, token)

ours_path = f"/api/v1/content?from={MONTH}&to={NEXT}&pageSize=200"
raw_path = f"/api/bench/raw-content?tenant={tenant}&from={MONTH}&to={NEXT}&pageSize=200"
auth = {"authorization": "Bearer " + token}
ours = client.call(base, "GET", ours_path, token=token)
with urllib.request.urlopen(base + raw_path) as response:
    raw_bytes = response.read()
raw = json.loads(raw_bytes)
if len(ours["items"]) != 200 or ours != raw:
    sys.exit(f"the calendar and the baseline disagree: {len(ours['items'])} vs {len(raw['items'])} items")
print(f"page:                    200 posts in one month, {len(raw_bytes) / 1024:.0f} KB of JSON, same in both")

print(f"warming up (load average {load.loadavg()}) ...", file=sys.stderr)
load.wrk(base + ours_path, 10, CONNECTIONS, headers=auth)
load.wrk(base + raw_path, 10, CONNECTIONS)
ours_rps, raw_rps = [], []
for r in range(ROUNDS):
    for name, path, headers, into in (("ours", ours_path, auth, ours_rps), ("raw", raw_path, {}, raw_rps)):
        rps, non_2xx, errors = load.wrk(base + path, ROUND_SECONDS, CONNECTIONS, headers=headers)
        if non_2xx:
            sys.exit(f"{name}: {non_2xx} answers were not 2xx {errors}")
        into.append(rps)
        print(f"  round {r + 1} {name:4}: {rps:8.0f} req/s  (load average {load.loadavg()}) {errors}", file=sys.stderr)

ours_max, raw_max = statistics.median(ours_rps), statistics.median(raw_rps)
ratio = statistics.median(o / b for o, b in zip(ours_rps, raw_rps))


# The fixed rate comes from bench/loadgen (C#, open loop): at 500 req/s the Python driver (load.fixed_rate) would
# itself take about 0.4 of the two cores the API and PostgreSQL need. Its first 5 s warm up its connections and JIT
# and are discarded.
fixed = json.loads(subprocess.run(
    ["dotnet", loadgen_dll, "--url", base + ours_path, "--rate", str(RATE), "--seconds", str(RATE_SECONDS),
     "--warmup", "5", "--header", f"Authorization: Bearer {token}"],
    check=True, stdout=subprocess.PIPE, text=True).stdout)
not_200 = fixed["sent"] - fixed["byStatus"].get("200", 0)
overloaded = fixed["stoppedAfterSeconds"] is not None
p50, p99 = fixed["p50Ms"] or 0, fixed["p99Ms"] or 0
print(f"wrk:                     {CONNECTIONS} connections, 2 threads, {ROUNDS} alternating rounds of {ROUND_SECONDS} s after 10 s warm-up each")
print(f"ours (calendar, JWT+Mediator+EF):  {ours_max:.0f} req/s  (rounds: {', '.join(f'{x:.0f}' for x in ours_rps)})")
print(f"raw baseline (Npgsql, same JSON):  {raw_max:.0f} req/s  (rounds: {', '.join(f'{x:.0f}' for x in raw_rps)})")
print(f"ratio ours/baseline:     {ratio:.2f}  (median of the rounds' ratios; target >= 0.8, issue #28: {'PASS' if ratio >= 0.8 else 'FAIL'})")
print(f"fixed rate:              {RATE} req/s for {RATE_SECONDS} s, open loop (bench/loadgen), {fixed['sent']} sent, "
      f"{fixed['completed']} answered, {not_200} not 200 {fixed['byStatus']}"
      + (f"; STOPPED after {fixed['stoppedAfterSeconds']:.1f} s: more than {max(50, 2 * RATE)} requests were waiting, "
         "the API could not keep up" if overloaded else ""))
print(f"ours p50:                {p50:.1f} ms")
print(f"ours p99:                {p99:.1f} ms  (target < 25 ms: {'PASS' if p99 < 25 and not not_200 and not overloaded else 'FAIL'})")
print(f"generator:               {fixed['cpuMsPerRequest']:.3f} ms CPU per request, sends late by {fixed['sendLateP99Ms']} ms "
      f"at p99 ({fixed['sendLateMaxMs']} ms at most)")
print(f"API memory (RSS):        {client.rss_mb(pid):.0f} MB")
print(f"load average (1/5/15):   {load.loadavg()}  on {os.cpu_count()} cores")
sys.exit(0 if ratio >= 0.8 and p99 < 25 and not not_200 and not overloaded else 1)
