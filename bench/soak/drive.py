"""bench/soak: 20 tenants, a fixed-rate open-loop mix of reads and writes, 5xx count and memory growth."""
import collections
import json
import os
import random
import subprocess
import sys
import time
import urllib.parse
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import client  # noqa: E402
import load  # noqa: E402

base, pid, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
SECONDS = int(os.environ.get("SOAK_SECONDS", "600"))
WARMUP = int(os.environ.get("SOAK_WARMUP_SECONDS", "60"))
RATE = int(os.environ.get("SOAK_RATE", "50"))
TENANTS = int(os.environ.get("SOAK_TENANTS", "20"))
SEGMENT = 300  # access tokens live 15 minutes: every tenant signs in again between segments
PASSWORD = "a benchmark passphrase 2026"
PLATFORMS = ["linkedIn", "x", "facebook", "googleBusiness"]
WORDS = ("launch coffee roast autumn blend tasting notes cherry cocoa community event pricing story studio craft "
         "brand voice audience campaign loyalty customer design colour mission values quality delivery").split()
rng = random.Random(7)


def text(n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def when():
    return f"2031-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(8, 19):02d}:{rng.choice(['00', '15', '30', '45'])}"


def post_body():
    return {"title": text(4)[:60], "at": when(),
            "variants": [{"platform": p, "text": text(rng.randint(10, 40)), "mediaAssetIds": []}
                         for p in rng.sample(PLATFORMS, rng.randint(1, 2))]}


class Tenant:
    def __init__(self, i):
        self.email = f"soak-{i}-{time.time_ns()}@example.com"
        self.token = client.call(base, "POST", "/api/v1/auth/register", {
            "email": self.email, "password": PASSWORD, "fullName": f"Soak {i}", "companyName": f"Soak Brand {i}"})["accessToken"]
        self.company = client.call(base, "POST", "/api/v1/companies", {
            "name": f"Soak Brand {i}", "industry": "Coffee", "description": text(20), "brandVoice": "Warm and precise"}, self.token)["id"]
        self.posts = [client.call(base, "POST", "/api/v1/content", post_body(), self.token)["id"] for _ in range(20)]
        path = os.path.join(folder, f"guide-{i}.txt")
        with open(path, "w") as f:
            for _ in range(30):
                f.write(text(rng.randint(60, 120)) + "\n\n")
        subprocess.run(["curl", "-sf", "-o", "/dev/null", "-H", f"authorization: Bearer {self.token}",
                        "-F", f"files=@{path};type=text/plain", f"{base}/api/v1/onboarding/assets/upload"], check=True)

    def sign_in(self):
        self.token = client.call(base, "POST", "/api/v1/auth/login", {"email": self.email, "password": PASSWORD})["accessToken"]


def json_request(op, method, path, tenant, body=None, on_done=None):
    headers = {"authorization": "Bearer " + tenant.token}
    data = None
    if body is not None:
        headers["content-type"] = "application/json"
        data = json.dumps(body).encode()
    return load.Request(op, method, path, headers, data, on_done)


def created(tenant):
    def done(status, body):
        if status == 201:
            tenant.posts.append(json.loads(body)["id"])
    return done


def deleted(tenant, post):
    def done(status, _):
        if status in (204, 404) and post in tenant.posts:
            tenant.posts.remove(post)
    return done


MIX = [("calendar", 30), ("create", 12), ("update", 12), ("move", 10), ("get", 8), ("delete", 5),
       ("companies", 10), ("search", 8), ("ai-draft", 5)]
OPS = [op for op, weight in MIX for _ in range(weight)]


def next_request(_):
    tenant = rng.choice(tenants)
    op = rng.choice(OPS)
    if op in ("update", "move", "get", "delete") and len(tenant.posts) < 5:
        op = "create"
    if op == "calendar":
        month = rng.randint(1, 12)
        end = f"2032-01-01" if month == 12 else f"2031-{month + 1:02d}-01"
        return json_request(op, "GET", f"/api/v1/content?from=2031-{month:02d}-01&to={end}", tenant)
    if op == "create":
        return json_request(op, "POST", "/api/v1/content", tenant, post_body(), created(tenant))
    if op in ("update", "move"):
        body = post_body()
        if op == "move":
            body["title"] = "Moved post"
        return json_request(op, "PUT", f"/api/v1/content/{rng.choice(tenant.posts)}", tenant, body)
    if op == "get":
        return json_request(op, "GET", f"/api/v1/content/{rng.choice(tenant.posts)}", tenant)
    if op == "delete":
        post = rng.choice(tenant.posts)
        return json_request(op, "DELETE", f"/api/v1/content/{post}", tenant, on_done=deleted(tenant, post))
    if op == "companies":
        return json_request(op, "GET", "/api/v1/companies", tenant)
    if op == "search":
        return json_request(op, "GET", "/api/v1/ai/search-files?" + urllib.parse.urlencode({"q": " ".join(rng.sample(WORDS, 2))}), tenant)
    return json_request(op, "POST", "/api/v1/ai/generate-posts", tenant,
                        {"companyId": tenant.company, "platforms": rng.sample(PLATFORMS, 1), "topic": text(3), "count": 2})


print(f"signing up {TENANTS} tenants with 20 posts and a document each ...", file=sys.stderr)
tenants = [Tenant(i) for i in range(TENANTS)]
time.sleep(5)  # the documents' processing
print(f"warm-up: {WARMUP} s at {RATE} req/s (load average {load.loadavg()})", file=sys.stderr)
warm = load.fixed_rate(base, RATE, WARMUP, next_request)
rss_warm = client.rss_mb(pid)
results, rss_trace = [], [rss_warm]
left = SECONDS
while left > 0:
    for tenant in tenants:
        tenant.sign_in()
    chunk = min(SEGMENT, left)
    results += load.fixed_rate(base, RATE, chunk, next_request)
    left -= chunk
    rss_trace.append(client.rss_mb(pid))
    print(f"  {SECONDS - left} s: {len(results)} requests, RSS {rss_trace[-1]:.0f} MB (load average {load.loadavg()})", file=sys.stderr)
rss_end = rss_trace[-1]

statuses = collections.Counter(r.status for r in results)
by_op = collections.Counter(r.op for r in results)
server_errors = sum(n for s, n in statuses.items() if s >= 500)
no_answer = statuses.get(0, 0)
other = {s: n for s, n in sorted(statuses.items()) if s != 0 and s < 500 and not 200 <= s < 300}
latencies = [r.latency_ms for r in results]
growth = (rss_end - rss_warm) / rss_warm * 100
print(f"run:                     {SECONDS} s at {RATE} req/s (open loop) across {TENANTS} tenants, after {WARMUP} s of warm-up ({len(warm)} requests)")
print(f"requests:                {len(results)}  ({', '.join(f'{op} {by_op[op]}' for op, _ in MIX)})")
print(f"2xx:                     {sum(n for s, n in statuses.items() if 200 <= s < 300)}")
print(f"5xx:                     {server_errors}  (target 0: {'PASS' if server_errors == 0 else 'FAIL'})")
print(f"other non-2xx:           {', '.join(f'{s}: {n}' for s, n in other.items()) or 'none'}")
print(f"no answer (30 s):        {no_answer}")
print(f"latency p50 / p99:       {load.percentile(latencies, 50):.1f} ms / {load.percentile(latencies, 99):.1f} ms")
print(f"API memory (RSS):        {rss_warm:.0f} MB after warm-up -> {rss_end:.0f} MB at the end ({growth:+.1f}%; target < 10%: "
      f"{'PASS' if growth < 10 else 'FAIL'})  trace: {' '.join(f'{x:.0f}' for x in rss_trace)}")
print(f"load average (1/5/15):   {load.loadavg()}  on {os.cpu_count()} cores")
for op, status in sorted({(r.op, r.status) for r in results if r.status >= 500 or r.status == 0}):
    print(f"  {op}: {status} x{sum(1 for r in results if r.op == op and r.status == status)}")
if server_errors:
    with open(os.path.join(folder, "api.log"), errors="replace") as log:
        errors = [line.rstrip() for line in log if " ERR]" in line or "Exception" in line]
    print("API errors (first 20 lines):\n  " + "\n  ".join(errors[:20]))
sys.exit(0 if server_errors == 0 and no_answer == 0 and growth < 10 else 1)
