"""Drives bench/publish --peak: TENANTS tenants, each with five networks connected and PER posts, all due at one
round minute, published by two clustered API nodes against fakes that answer after a seeded 50-500 ms with 1% 503s
and 0.5% lost answers. Prints lateness (first accepted request minus due time), throughput, duplicates and lost."""
import concurrent.futures
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone

api_a, api_b, fakes, connection = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
tenants, per = int(sys.argv[5]), int(sys.argv[6])
NETWORKS = ["linkedIn", "x", "facebook", "instagram", "googleBusiness"]
ACCOUNTS = {"linkedIn": "urn:li:organization:{n}", "x": "{n}", "facebook": "10{n}", "instagram": "17{n}", "googleBusiness": "accounts/{n}/locations/2"}
WORKERS = 12


def call(method, path, body=None, token=None, base=api_a, attempts=5):
    for attempt in range(attempts):
        request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
        request.add_header("content-type", "application/json")
        if token:
            request.add_header("authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(request, timeout=300) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as e:
            # A 409 asks for the request again (a deadlock or serialisation failure under this load).
            if e.code != 409 or attempt == attempts - 1:
                raise RuntimeError(f"{method} {path}: {e.code} {e.read()[:300]!r}")
            time.sleep(0.2 * (attempt + 1))


def psql(sql):
    parts = dict(p.split("=", 1) for p in connection.split(";") if "=" in p)
    lower = {k.lower(): v for k, v in parts.items()}
    env = dict(os.environ, PGHOST=lower.get("host", "127.0.0.1"), PGPORT=lower.get("port", "5432"),
               PGDATABASE=lower.get("database", "postgres"), PGUSER=lower.get("username", "postgres"), PGPASSWORD=lower.get("password", ""))
    return subprocess.run(["psql", "-v", "ON_ERROR_STOP=1", "-qAt"], input=sql, env=env, check=True, capture_output=True, text=True).stdout.strip()


def iso(moment):
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def load():
    return open("/proc/loadavg").read().split()[:3]


TICKS = os.sysconf("SC_CLK_TCK")


def cpu():
    """CPU seconds so far of each part of the bench: both nodes, the fakes, and PostgreSQL (with its ended backends)."""
    work, totals, parents, stats = os.environ.get("BENCH_WORK", "/nonexistent"), {}, {}, {}
    ports = {api_a.rsplit(":", 1)[1]: "node A", api_b.rsplit(":", 1)[1]: "node B", fakes.rsplit(":", 1)[1]: "fakes"}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            args = open(f"/proc/{pid}/cmdline", "rb").read().split(b"\0")
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        text = [a.decode(errors="replace") for a in args]
        stats[pid] = (int(fields[1]), fields)
        if text and text[0].endswith("/postgres") and any(a.startswith(work) for a in text):
            parents[pid] = "PostgreSQL"
        elif "--port" in text and text[text.index("--port") + 1] in ports:
            parents[pid] = ports[text[text.index("--port") + 1]]
    for pid, (ppid, fields) in stats.items():
        # The part itself (with its ended children's cutime and cstime), and PostgreSQL's running backends.
        name = parents.get(pid) or (parents.get(str(ppid)) if parents.get(str(ppid)) == "PostgreSQL" else None)
        if name:
            totals[name] = totals.get(name, 0) + sum(int(x) for x in fields[11:15 if pid in parents else 13]) / TICKS
    return totals


def node_pid(port):
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            text = open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="replace").split("\0")
        except OSError:
            continue
        if "--port" in text and text[text.index("--port") + 1] == port:
            return pid
    return None


def tenant(n):
    """Signs a tenant up through alternating nodes, connects its five networks, and writes its drafts."""
    base = api_a if n % 2 == 0 else api_b
    auth = call("POST", "/api/v1/auth/register", {"email": f"peak-{n}-{uuid.uuid4().hex[:8]}@example.com", "password": "a benchmark passphrase 2026",
                                                   "fullName": f"Peak {n}", "companyName": f"Peak Company {n}"}, base=base)
    token, tid, user = auth["accessToken"], auth["tenant"]["id"], auth["user"]["id"]
    for network in NETWORKS:
        call("POST", "/api/v1/social/connections", {"platform": network, "externalAccountId": ACCOUNTS[network].format(n=n + 1),
                                                    "displayName": f"{network} {n}", "accessToken": f"peak-token-{n}"}, token, base=base)
    schema = "tenant_" + tid.replace("-", "")
    image = str(uuid.uuid4())
    psql(f"""INSERT INTO "{schema}".brand_assets (id, name, original_file_name, type, media_type, size_bytes, sha256, storage_key, state,
             processing_attempts, chunk_count, uploaded_by, created_at, updated_at, tags, width, height)
             VALUES ('{image}', 'photo', 'photo.png', 'Image', 'image/png', 1, '{uuid.uuid4().hex}{uuid.uuid4().hex}', 'bench/photo.png', 'Ready',
             1, 0, '{user}', now(), now(), ARRAY[]::text[], 1080, 1080)""")
    posts = []
    for i in range(per):
        network = NETWORKS[(n + i) % len(NETWORKS)]
        marker = "mk-" + uuid.uuid4().hex[:12]
        post = call("POST", "/api/v1/content", {"title": f"Peak {n}.{i} {marker}", "variants": [
            {"platform": network, "text": f"Monday nine o'clock post {i} of tenant {n} {marker}",
             "mediaAssetIds": [image] if network == "instagram" else []}]}, token, base=base)
        posts.append((post["id"], marker))
    return {"n": n, "token": token, "schema": schema, "base": base, "posts": posts}


def schedule(t, at):
    call("POST", "/api/v1/automation/schedule-content", {"items": [{"id": i, "at": iso(at)} for i, _ in t["posts"]]}, t["token"], base=t["base"])


started = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(max_workers=WORKERS) as pool:
    made = list(pool.map(tenant, range(tenants)))
total = tenants * per
print(f"  {tenants} tenants with {total} drafts ready in {time.perf_counter() - started:.0f} s", file=sys.stderr)

# The due time is the first round minute after the time scheduling all of them takes (measured on the first 20, far ahead).
probe = made[:20]
far = datetime.now(timezone.utc) + timedelta(hours=2)
t = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(max_workers=WORKERS) as pool:
    list(pool.map(lambda x: schedule(x, far), probe))
estimate = (time.perf_counter() - t) / len(probe) * tenants * 2 + 20
t0 = (datetime.now(timezone.utc) + timedelta(seconds=estimate)).replace(second=0, microsecond=0) + timedelta(minutes=1)
t = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(max_workers=WORKERS) as pool:
    list(pool.map(lambda x: schedule(x, t0), made))
print(f"  scheduled {total} posts in {time.perf_counter() - t:.0f} s, all due at {t0:%H:%M:%S} UTC "
      f"({(t0 - datetime.now(timezone.utc)).total_seconds():.0f} s from now)", file=sys.stderr)
if datetime.now(timezone.utc) >= t0:
    print("  warning: scheduling ran past the due time", file=sys.stderr)

markers = {m for x in made for _, m in x["posts"]}
schemas = [x["schema"] for x in made]
while datetime.now(timezone.utc) < t0:
    time.sleep(1)
loads = [load()]
if os.environ.get("BENCH_PG_LOG"):
    # BENCH_PG_LOG=1: every statement of the peak in PostgreSQL's server.log, with its duration (diagnosis only).
    psql("ALTER SYSTEM SET log_min_duration_statement = 0; SELECT pg_reload_conf();")
if os.environ.get("BENCH_PG_STATS"):
    psql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();")
cpu_start = cpu()
tracer = None
if os.environ.get("BENCH_TRACE"):
    # BENCH_TRACE=FILE: samples node A's CPU for the first 40 s of the peak (dotnet-trace, cpu-sampling profile).
    tracer = subprocess.Popen([os.path.expanduser("~/.dotnet/tools/dotnet-trace"), "collect", "-p", node_pid(api_a.rsplit(":", 1)[1]),
                               "--profile", "dotnet-sampled-thread-time", "--duration", "00:00:00:40", "-o", os.environ["BENCH_TRACE"]],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
perf = None
if os.environ.get("BENCH_PERF"):
    # BENCH_PERF=FILE (diagnosis): samples every process's CPU with call graphs for the first 30 s of the peak (perf record).
    perf = subprocess.Popen(["perf", "record", "-F", "499", "-a", "-g", "-o", os.environ["BENCH_PERF"], "--", "sleep", "30"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
# Progress from the due posts' one table (a post Scheduled or Publishing has its row until its run ends, a retry gets a
# new one). The states of every tenant's posts are read once, after the peak: that 1,000-table UNION ALL costs a fresh
# backend about a second of CPU to open and plan, and polled every 5 s it took that from the runs being measured.
due_sql = "SELECT count(*) || ' ' || count(*) FILTER (WHERE leased_until > clock_timestamp()) FROM quartz.due_posts"
deadline = time.time() + 1200
while time.time() < deadline:
    time.sleep(5)
    loads.append(load())
    left, out = psql(due_sql).split()
    print(f"  {int((datetime.now(timezone.utc) - t0).total_seconds())} s: {left} posts still due, {out} of them being published",
          file=sys.stderr)
    if left == "0":
        break

cpu_used = {k: v - cpu_start.get(k, 0) for k, v in cpu().items()}
publishes = [p for p in call("GET", "/__publishes", base=fakes) if p["m"] in markers]
accepted = {}
for p in publishes:
    if p["s"] < 400:
        accepted.setdefault(p["m"], []).append(datetime.fromisoformat(p["at"].replace("Z", "+00:00")))
lateness = sorted((min(ats) - t0).total_seconds() for ats in accepted.values())
duplicates = sum(len(ats) - 1 for ats in accepted.values())
refused = sum(1 for p in publishes if p["s"] >= 400)
rows = psql(f"""SELECT string_agg(x, E'\\n') FROM (SELECT state || ' ' || text AS x FROM ({" UNION ALL ".join(
    f'SELECT state, title AS text FROM "{s}".content_items' for s in schemas)}) q) z""").splitlines()
state_of = {}
for row in rows:
    state, text = row.split(" ", 1)
    state_of[text.rsplit(" ", 1)[-1]] = state
published = [m for m in markers if state_of.get(m) == "Published"]
unconfirmed = [m for m in markers if state_of.get(m) == "Unconfirmed"]
failed = [m for m in markers if state_of.get(m) == "Failed"]
stuck = [m for m in markers if state_of.get(m) in ("Scheduled", "Publishing")]
# Lost: what the network holds and we do not know of, or what we say is out that the network never received.
lost = [m for m in markers if (m in accepted and state_of.get(m) not in ("Published", "Unconfirmed")) or (state_of.get(m) == "Published" and m not in accepted)]


def pct(q):
    return lateness[min(len(lateness) - 1, int(round(q * (len(lateness) - 1))))] if lateness else float("nan")


span = lateness[-1] if lateness else float("nan")
print(f"posts:              {total} due at one minute, {tenants} tenants x {per}, five networks, two API nodes (Quartz clustered)")
print(f"fakes:              {os.environ.get('PEAK_CHAOS', '')} (latency, 503s, lost answers, how long a lost answer is held)")
print(f"end states:         published {len(published)}, unconfirmed {len(unconfirmed)} (lost answers), failed {len(failed)}, still due {len(stuck)}")
print(f"network requests:   {len(publishes)} publish requests, {refused} refused with a 503 and retried")
print(f"lateness:           p50 {pct(0.5):.1f} s, p99 {pct(0.99):.1f} s, max {span:.1f} s  (target p99 < 60 s: {'PASS' if pct(0.99) < 60 else 'FAIL'})")
print(f"throughput:         {len(lateness) / max(pct(0.99), 0.001):.0f} posts/s to p99")
print(f"duplicates:         {duplicates}  (must be 0: {'PASS' if duplicates == 0 else 'FAIL'})")
print(f"lost:               {len(lost)}  (must be 0: {'PASS' if not lost else 'FAIL'}) {lost[:5]}")
print(f"CPU per post:       " + ", ".join(f"{k} {v * 1000 / total:.1f} ms" for k, v in sorted(cpu_used.items()))
      + f" (total {sum(cpu_used.values()) * 1000 / total:.1f} ms; the 2 cores give {2000 * 60 / total:.1f} ms per post for one minute)")
print(f"load average:       {' / '.join(loads[0])} at the due time, {' / '.join(max(loads, key=lambda l: float(l[0])))} at its highest")
if os.environ.get("BENCH_PG_STATS"):
    # What PostgreSQL ran from the due time on: statements per post, and the 25 that took the most time.
    # Planning is tracked too (pg_stat_statements.track_planning): a statement planned again for each tenant's search_path
    # shows as plans close to calls.
    print("PostgreSQL from the due time: " + psql("SELECT sum(calls) || ' statements (' || round(sum(calls) / %d.0, 1) || ' a post), ' || "
          "round(sum(total_exec_time)::numeric / %d, 2) || ' ms executing and ' || round(sum(total_plan_time)::numeric / %d, 2) || "
          "' ms planning a post, ' || sum(plans) || ' plans' FROM pg_stat_statements" % (total, total, total)))
    for row in psql("SELECT calls || ' | ' || plans || ' plans | ' || round(total_exec_time::numeric) || ' ms | ' || "
                    "round(total_plan_time::numeric) || ' ms planning | ' || rows || ' rows | ' || "
                    "regexp_replace(left(query, 220), '\\s+', ' ', 'g') FROM pg_stat_statements "
                    "ORDER BY total_exec_time + total_plan_time DESC LIMIT 25").splitlines():
        print("  " + row)
sys.exit(0 if duplicates == 0 and not lost and not stuck and pct(0.99) < 60 else 1)
