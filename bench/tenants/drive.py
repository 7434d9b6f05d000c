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
bench_dir = sys.argv[4] if len(sys.argv) > 4 else None


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
        print(f"  {i} tenants, median sign-up {statistics.median(durations):.0f} ms (the last 100: {statistics.median(durations[-100:]):.0f} ms), "
              f"RSS {rss_mb():.0f} MB", file=sys.stderr)

rss_at_n = rss_mb()
growth = rss_at_n - (rss_at_10 if rss_at_10 is not None else rss_at_n)
limit = 100 if count <= 1000 else 150
median = statistics.median(durations)
print(f"tenants provisioned:            {count} in {time.perf_counter() - started:.0f} s")
print(f"median provisioning (sign-up):  {median:.1f} ms  (p95 {statistics.quantiles(durations, n=20)[18]:.1f} ms; target median < 150 ms: "
      f"{'PASS' if median < 150 else 'FAIL'})" if count >= 20 else f"median provisioning (sign-up):  {median:.1f} ms")
print(f"API memory (RSS) at tenant 10:  {rss_at_10 or 0:.1f} MB")
print(f"API memory (RSS) at tenant {count}: {rss_at_n:.1f} MB")
print(f"memory growth 10 -> {count}:      {growth:.1f} MB  (target < {limit} MB: {'PASS' if growth < limit else 'FAIL'})")

if bench_dir:
    # PostgreSQL's side: every backend of the API's pools, after the run touched every schema through them. Private
    # memory (smaps_rollup's private pages) leaves out the shared buffers every backend maps.
    import psql  # noqa: E402
    db = psql.Cluster(bench_dir)
    pids = [int(p) for p in db.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' "
                                     "AND pid <> pg_backend_pid()").split()]
    private = []
    for backend in pids:
        try:
            fields = dict(line.split(":", 1) for line in open(f"/proc/{backend}/smaps_rollup").read().splitlines()[1:])
            private.append((int(fields["Private_Clean"].split()[0]) + int(fields["Private_Dirty"].split()[0])) / 1024)
        except (OSError, KeyError, ValueError):
            pass
    if private:
        print(f"PostgreSQL backends of the API:  {len(private)}, private memory median {statistics.median(private):.1f} MB, "
              f"max {max(private):.1f} MB, {sum(private):.0f} MB in all")
    schemas = db.query("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'tenant%'").strip()
    print(f"tenant schemas in the cluster:  {schemas}")
sys.exit(0 if growth < limit and (count < 20 or median < 150) else 1)
