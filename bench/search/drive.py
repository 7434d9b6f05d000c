"""bench/search: indexing throughput through the pipeline, search-files latency over N passages, API memory (see run)."""
import http.client
import json
import math
import os
import random
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import client  # noqa: E402

base, folder, target, through_pipeline, api_pid = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
through_pipeline = min(through_pipeline, target)
random.seed(42)
WORDS = ("brand voice audience coffee roast campaign launch pricing loyalty customer story design colour logo typography "
         "mission vision values craft quality delivery subscription retail wholesale partner community event social video "
         "newsletter seasonal organic sustainable packaging label market growth review feedback support channel strategy "
         "photography studio minimal bold warm friendly precise premium affordable local global digital print").split()
QUESTIONS = ["What is our brand voice on social media?", "Which colours does the logo use?", "How do we price the subscription?",
             "Who is our target audience?", "What packaging do we use for retail?", "When is the seasonal launch campaign?",
             "How should photography look in the studio?", "What are our values?", "How do we handle customer feedback?",
             "Which channels does the newsletter go out on?", "What is the wholesale partner programme?", "How fast is delivery?",
             "What typography do we print with?", "Is our coffee organic and sustainable?", "What is the mission of the company?"]
PER_FILE = 20  # passages of about 800 characters each


def call(method, route, body=None, token=None):
    return client.call(base, method, route, body, token, timeout=300)


def sentence():
    return " ".join(random.choice(WORDS) for _ in range(random.randint(8, 16))).capitalize() + "."


def paragraph():
    text = ""
    while len(text) < 760:
        text += sentence() + " "
    return text.strip()


def document(i):
    parts = [f"# Document {i}"]
    for j in range(PER_FILE):
        parts.append(f"## {random.choice(WORDS).capitalize()} {random.choice(WORDS)} {j}")
        parts.append(paragraph() + f" Reference code DOC{i}-{j}.")
    return "\n\n".join(parts) + "\n"


auth = call("POST", "/api/v1/auth/register", {"email": f"search-{time.time_ns()}@example.com", "password": "a benchmark passphrase 2026",
                                               "fullName": "Search Bench", "companyName": "Search Bench"})
token, tenant, user = auth["accessToken"], auth["tenant"]["id"], auth["user"]["id"]
schema = "tenant_" + tenant.replace("-", "")

# 1. Through the pipeline: upload, extraction, chunking, embeddings, storage.
files = max(1, through_pipeline // PER_FILE)
paths = []
for i in range(files):
    path = os.path.join(folder, f"doc-{i}.md")
    with open(path, "w") as f:
        f.write(document(i))
    paths.append(path)


def all_assets():
    items, page = [], 1
    while True:
        batch = call("GET", f"/api/v1/assets?pageSize=100&page={page}", token=token)
        items += batch["items"]
        if len(items) >= batch["total"]:
            return items
        page += 1


started = time.perf_counter()
for start in range(0, len(paths), 20):
    args = ["curl", "-sf", "-o", "/dev/null", "-H", f"authorization: Bearer {token}"]
    for p in paths[start:start + 20]:
        args += ["-F", f"files=@{p};type=text/markdown"]
    subprocess.run(args + [f"{base}/api/v1/onboarding/assets/upload"], check=True)
deadline = time.time() + 3600
while True:
    assets = all_assets()
    if len(assets) == len(paths) and all(a["state"] in ("ready", "failed") for a in assets):
        break
    if time.time() > deadline:
        sys.exit("processing did not finish in an hour")
    time.sleep(0.5)
indexing_seconds = time.perf_counter() - started
pipeline_passages = sum(a["chunkCount"] for a in assets)
failed = sum(1 for a in assets if a["state"] == "failed")

# 2. The rest straight into the tenant schema (see run).
log = open(os.path.join(folder, "api.log")).read()
port = re.search(r"listening on 127\.0\.0\.1:(\d+)", log).group(1)
password = open(os.path.join(folder, "data", "postgres-password")).read().strip()
env = dict(os.environ, PGHOST="127.0.0.1", PGPORT=port, PGDATABASE="brandautomator", PGUSER="postgres", PGPASSWORD=password)


def psql(sql, stdin=None):
    return subprocess.run(["psql", "-v", "ON_ERROR_STOP=1", "-qAtc", sql], env=env, check=True, capture_output=True, text=True, input=stdin).stdout


real = [json.loads("[" + line.strip()[1:-1] + "]") for line in psql(f'SELECT embedding FROM "{schema}".asset_chunks WHERE embedding IS NOT NULL').splitlines() if line]
bulk = max(0, target - pipeline_passages)
if bulk and real:
    asset_rows, chunk_rows = [], []
    for f in range(math.ceil(bulk / PER_FILE)):
        asset = str(uuid.uuid4())
        count = min(PER_FILE, bulk - f * PER_FILE)
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        asset_rows.append(f"{asset}\tbulk-{f}.md\tbulk-{f}.md\tText\ttext/markdown\t1\t{uuid.uuid4().hex}{uuid.uuid4().hex}\tbench/{asset}\tReady\t1\t{count}\t{user}\t2"
                          f"\tCurrent\t{now}\t{now}\t{now}\t{{}}")
        for j in range(count):
            seed = random.choice(real)
            vector = [x + random.gauss(0, 0.03) for x in seed]
            norm = math.sqrt(sum(x * x for x in vector))
            text = paragraph() + f" Reference code BULK{f}-{j}."
            chunk_rows.append(f"{uuid.uuid4()}\t{asset}\t{j}\t\\N\t{text}\tBulk {f} › {random.choice(WORDS).capitalize()} {j}\t"
                              "{" + ",".join(f"{x / norm:.6f}" for x in vector) + "}")
    psql(f"""COPY "{schema}".brand_assets (id, name, original_file_name, type, media_type, size_bytes, sha256, storage_key, state,
             processing_attempts, chunk_count, uploaded_by, index_version, status, created_at, updated_at, processed_at, tags) FROM STDIN""",
         "\n".join(asset_rows) + "\n")
    psql(f'COPY "{schema}".asset_chunks (id, asset_id, ordinal, page, text, heading, embedding) FROM STDIN', "\n".join(chunk_rows) + "\n")
    # As autovacuum does soon after a bulk insert on a live server: hint bits and the visibility map set, statistics fresh
    # (otherwise the first reads of every page pay for them, which no search on a running server does).
    psql(f'VACUUM (ANALYZE) "{schema}".asset_chunks')
total = int(psql(f'SELECT count(*) FROM "{schema}".asset_chunks').strip())

# 3. Searches: natural-language questions and word queries, each distinct (no answer comes from a cache).
queries = [f"{random.choice(QUESTIONS)[:-1]} {random.choice(WORDS)} {i}?" if i % 2 else " ".join(random.sample(WORDS, random.randint(1, 3))) + f" {i}"
           for i in range(320)]
parsed = urllib.parse.urlparse(base)
connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=120)


def search(q):
    connection.request("GET", "/api/v1/ai/search-files?" + urllib.parse.urlencode({"q": q}), headers={"authorization": "Bearer " + token})
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        sys.exit(f"search answered {response.status}: {body[:200]}")
    return json.loads(body)


first = time.perf_counter()
search("warm up the vector cache")
cold_ms = (time.perf_counter() - first) * 1000
for q in queries[:20]:
    search(q)
def cpu_seconds():
    fields = open(f"/proc/{api_pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


latencies, empty = [], 0
cpu_before = cpu_seconds()
for q in queries[20:]:
    t0 = time.perf_counter()
    hits = search(q)
    latencies.append((time.perf_counter() - t0) * 1000)
    empty += not hits
cpu_per_search = (cpu_seconds() - cpu_before) * 1000 / len(latencies)
latencies.sort()
p95 = latencies[int(len(latencies) * 0.95) - 1]
rss_mb = int(open(f"/proc/{api_pid}/status").read().split("VmRSS:")[1].split()[0]) / 1024
print(f"passages through the pipeline: {pipeline_passages} in {len(assets)} files ({failed} failed) in {indexing_seconds:.1f} s")
print(f"indexing throughput:      {pipeline_passages / indexing_seconds:.1f} passages/s (upload, extraction, chunking, MiniLM embeddings, storage)")
print(f"passages in the tenant:   {total}")
print(f"first search (loads the tenant's vectors): {cold_ms:.0f} ms")
print(f"searches:                 {len(latencies)} ({empty} found nothing)")
print(f"search-files p50:         {statistics.median(latencies):.1f} ms")
print(f"search-files p95:         {p95:.1f} ms  (target < 50 ms: {'PASS' if p95 < 50 else 'FAIL'})")
print(f"API CPU per search:       {cpu_per_search:.1f} ms (user + system time of the API process: what the load average does not stretch)")
print(f"API resident memory:      {rss_mb:.0f} MB (model loaded, {total} vectors cached)")
sys.exit(0 if p95 < 50 else 1)
