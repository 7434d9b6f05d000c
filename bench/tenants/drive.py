"""Signs up N tenants one after another and measures provisioning time and the API's memory (see bench/tenants/run)."""
import json
import statistics
import sys
import time
import urllib.request
import os as _os
import sys as _sys
_sys.path.insert(0, _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "..", "lib"))
import client  # noqa: E402

base, pid, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def call(method, route, body=None, token=None):
    return client.call(base, method, route, body, token, timeout=60)


def rss_mb():
    return client.rss_mb(pid)


durations = []
rss_at_10 = None
started = time.perf_counter()
for i in range(1, count + 1):
    t0 = time.perf_counter()
    auth = call("POST", "/api/v1/auth/register", {
        "email": f"bench-{i}-{time.time_ns()}@example.com",
        "password": "a benchmark passphrase 2026",
        "fullName": f"Bench {i}",
        "companyName": f"Bench Tenant {i}",
    })
    durations.append((time.perf_counter() - t0) * 1000)
    token = auth["accessToken"]
    call("POST", "/api/v1/companies", {"name": f"Brand {i}"}, token)
    brands = call("GET", "/api/v1/companies", token=token)
    assert len(brands) == 1, f"tenant {i} sees {len(brands)} brands"
    if i == 10:
        rss_at_10 = rss_mb()
    if i % 100 == 0:
        print(f"  {i} tenants, median sign-up {statistics.median(durations):.0f} ms, RSS {rss_mb():.0f} MB", file=sys.stderr)

rss_at_n = rss_mb()
growth = rss_at_n - (rss_at_10 if rss_at_10 is not None else rss_at_n)
print(f"tenants provisioned:            {count} in {time.perf_counter() - started:.0f} s")
print(f"median provisioning (sign-up):  {statistics.median(durations):.1f} ms  (p95 {statistics.quantiles(durations, n=20)[18]:.1f} ms)" if count >= 20
      else f"median provisioning (sign-up):  {statistics.median(durations):.1f} ms")
print(f"API memory (RSS) at tenant 10:  {rss_at_10 or 0:.1f} MB")
print(f"API memory (RSS) at tenant {count}: {rss_at_n:.1f} MB")
print(f"memory growth 10 -> {count}:      {growth:.1f} MB  (target < 100 MB: {'PASS' if growth < 100 else 'FAIL'})")
sys.exit(0 if growth < 100 else 1)
