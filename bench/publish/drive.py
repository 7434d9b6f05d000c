"""Drives bench/publish: one tenant, N posts across every network made due at one instant, then counts (see run)."""
import concurrent.futures
import json
import os
import subprocess
import sys
import time
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone

api, fakes, connection, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
PLATFORMS = ["linkedIn", "x", "facebook", "instagram", "googleBusiness", "bluesky", "threads", "pinterest", "youTube", "tikTok"]
ACCOUNTS = {"linkedIn": "urn:li:organization:1", "x": "17", "facebook": "1010", "instagram": "1784", "googleBusiness": "accounts/1/locations/2",
            "bluesky": "did:plc:bench", "threads": "2500", "pinterest": "pinterest-bench", "youTube": "UCbench", "tikTok": "tiktok-bench"}
# What a post on each network needs besides its text: media ("image" or "video") and the network's own settings.
MEDIA = {"instagram": "image", "pinterest": "image", "youTube": "video", "tikTok": "video"}
OPTIONS = {"pinterest": {"boardId": "549755885175", "title": "Bench pin"}, "youTube": {"title": "Bench video", "privacy": "unlisted"},
           "tikTok": {"privacy": "SELF_ONLY"}}
BATCH = 500


def call(method, path, body=None, token=None, base=api):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("content-type", "application/json")
    if token:
        request.add_header("authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=300) as response:
        return json.loads(response.read() or b"null")


def iso(moment):
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def psql(sql):
    parts = dict(p.split("=", 1) for p in connection.split(";") if "=" in p)
    lower = {k.lower(): v for k, v in parts.items()}
    env = dict(os.environ, PGHOST=lower.get("host", "127.0.0.1"), PGPORT=lower.get("port", "5432"),
               PGDATABASE=lower.get("database", "postgres"), PGUSER=lower.get("username", "postgres"), PGPASSWORD=lower.get("password", ""))
    return subprocess.run(["psql", "-v", "ON_ERROR_STOP=1", "-qAtc", sql], env=env, check=True, capture_output=True, text=True).stdout.strip()


auth = call("POST", "/api/v1/auth/register", {"email": f"bench-{uuid.uuid4().hex[:12]}@example.com", "password": "a benchmark passphrase 2026",
                                               "fullName": "Bench", "companyName": "Bench Publishing"})
token, tenant, user = auth["accessToken"], auth["tenant"]["id"], auth["user"]["id"]
for platform in PLATFORMS:
    call("POST", "/api/v1/social/connections", {"platform": platform, "externalAccountId": ACCOUNTS[platform], "displayName": platform,
                                                "accessToken": "bench-token"}, token)
schema = "tenant_" + tenant.replace("-", "")
assets = {"image": str(uuid.uuid4()), "video": str(uuid.uuid4())}
# The nodes' test storage reads every object back as 4,096 bytes (tests/TestSupport/FakeFileStorage.cs): the video says so.
for kind, (name, asset_type, media_type, size) in {"image": ("photo.png", "Image", "image/png", 1),
                                                   "video": ("clip.mp4", "Video", "video/mp4", 4096)}.items():
    psql(f"""INSERT INTO "{schema}".brand_assets (id, name, original_file_name, type, media_type, size_bytes, sha256, storage_key, state,
             processing_attempts, chunk_count, uploaded_by, created_at, updated_at, tags, width, height, duration_seconds)
             VALUES ('{assets[kind]}', '{kind}', '{name}', '{asset_type}', '{media_type}', {size}, '{uuid.uuid4().hex}{uuid.uuid4().hex}',
             'bench/{name}', 'Ready', 1, 0, '{user}', now(), now(), ARRAY[]::text[], 1080, 1920, {30 if kind == "video" else "NULL"})""")

started = time.perf_counter()


def create(i):
    platform = PLATFORMS[i % len(PLATFORMS)]
    marker = "mk-" + uuid.uuid4().hex[:12]
    post = call("POST", "/api/v1/content", {"title": f"Bench {i}", "variants": [
        {"platform": platform, "text": f"Bench post {i} {marker}", "mediaAssetIds": [assets[MEDIA[platform]]] if platform in MEDIA else [],
         "options": OPTIONS.get(platform)}]}, token)
    return post["id"]


with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
    ids = list(pool.map(create, range(count)))
created = time.perf_counter() - started
print(f"  created {count} drafts in {created:.0f} s", file=sys.stderr)

# Every post due at the same instant T0, after all of them are scheduled: the first batch measures how long scheduling
# takes, and T0 leaves room for the rest.
batches = [ids[i:i + BATCH] for i in range(0, len(ids), BATCH)]
t = time.perf_counter()
far = datetime.now(timezone.utc) + timedelta(hours=1)
call("POST", "/api/v1/automation/schedule-content", {"items": [{"id": i, "at": iso(far)} for i in batches[0]]}, token)
per_batch = time.perf_counter() - t
t0 = datetime.now(timezone.utc) + timedelta(seconds=per_batch * len(batches) * 1.5 + 10)
scheduling = time.perf_counter()
for batch in batches:
    call("POST", "/api/v1/automation/schedule-content", {"items": [{"id": i, "at": iso(t0)} for i in batch]}, token)
scheduled = time.perf_counter() - scheduling
print(f"  scheduled {count} posts in {scheduled:.0f} s ({count / scheduled:.0f}/s); all due at {t0:%H:%M:%S}", file=sys.stderr)
if datetime.now(timezone.utc) >= t0:
    print("  warning: scheduling ran past the due time; the rate below includes it", file=sys.stderr)

deadline = time.time() + 1800
stats = {}
while time.time() < deadline:
    stats = call("GET", "/__stats", base=fakes)
    published = call("GET", "/api/v1/content?state=published&pageSize=1", token=token)["total"]
    print(f"  {stats['publishRequests']} requests, {published} published", file=sys.stderr)
    if published >= count:
        break
    time.sleep(5)
time.sleep(3)
stats = call("GET", "/__stats", base=fakes)
states = psql(f"""SELECT string_agg(state || '=' || n, ', ') FROM (SELECT state, count(*) n FROM "{schema}".content_items GROUP BY state) s""")
last = datetime.fromisoformat(stats["last"].replace("Z", "+00:00"))
elapsed = (last - t0).total_seconds()
print(f"posts:                 {count} across {len(PLATFORMS)} networks, two API nodes (Quartz clustered), one PostgreSQL")
print(f"post states:           {states}")
print(f"publish requests:      {stats['publishRequests']} for {stats['distinctPosts']} posts ({stats['failures']} refused)")
print(f"publishing time:       {elapsed:.1f} s from the due time to the last request")
print(f"throughput:            {count / elapsed:.1f} posts/s")
print(f"duplicates:            {stats['duplicates']}  (must be 0: {'PASS' if stats['duplicates'] == 0 else 'FAIL'})")
sys.exit(0 if stats["duplicates"] == 0 and stats["distinctPosts"] == count else 1)
