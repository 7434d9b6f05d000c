"""bench/analytics: 1,000 tenants x 200 published posts with 90 days of metrics; the analytics page's p95; one collection
round of every post against the fake networks, against each network's rate budget (see run)."""
import concurrent.futures
import http.client
import json
import os
import re
import statistics
import sys
import threading
import time
import urllib.parse
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import client  # noqa: E402
import psql  # noqa: E402

base, folder, fake, tenants, posts_per_tenant = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
page_requests = int(os.environ.get("ANALYTICS_PAGE_REQUESTS", "240"))
collect_limit = float(os.environ.get("ANALYTICS_COLLECT_SECONDS", "2400"))
workers = int(os.environ.get("ANALYTICS_LOAD_WORKERS", "2"))
PASSWORD = "a benchmark passphrase 2026"
RUN = time.time_ns()
# The networks in the order posts go round them, with the kinds of metric each reader stores per reading
# (src/Infrastructure/Analytics), and how each connection names its account.
NETWORKS = [
    ("linkedIn", "LinkedIn", ["Impressions", "Reach", "Clicks", "Reactions", "Comments", "Shares"], lambda n: f"urn:li:organization:{4_000_000 + n}"),
    ("x", "X", ["Impressions", "Reactions", "Comments", "Shares", "Saves", "Clicks"], lambda n: str(1_700_000_000 + n)),
    ("facebook", "Facebook", ["Impressions", "Reach", "Clicks", "Reactions", "Comments", "Shares"], lambda n: str(100_000_000_000 + n)),
    ("instagram", "Instagram", ["Impressions", "Reach", "Reactions", "Comments", "Shares", "Saves"], lambda n: str(17_800_000_000_000_000 + n)),
    ("googleBusiness", "GoogleBusiness", [], lambda n: f"accounts/{9000 + n}/locations/{5_000_000 + n}"),
]


def log(text):
    print(text, file=sys.stderr, flush=True)


def call(method, route, body=None, token=None):
    return client.call(base, method, route, body, token, timeout=300)


# ---- 1. Tenants through the real sign-up, each with two brands, five connections and one draft per network -------------
def provision(n):
    email = f"analytics-{n}-{RUN}@example.com"
    auth = call("POST", "/api/v1/auth/register", {"email": email, "password": PASSWORD, "fullName": f"Analytics {n}", "companyName": f"Analytics Bench {n}"})
    token, tenant = auth["accessToken"], auth["tenant"]["id"]
    call("PUT", f"/api/v1/tenants/{tenant}/time-zone", {"timeZone": "Europe/Berlin"}, token)
    brands = [call("POST", "/api/v1/companies", {"name": f"Brand {letter} of {n}"}, token)["id"] for letter in ("A", "B")]
    connections, templates = [], []
    for api_name, _, _, account in NETWORKS:
        connections.append(call("POST", "/api/v1/social/connections", {
            "platform": api_name, "externalAccountId": account(n), "displayName": f"{api_name} {n}", "accessToken": f"bench-{api_name.lower()}-{n}"}, token)["id"])
        templates.append(call("POST", "/api/v1/content", {
            "title": f"Template for {api_name}",
            "variants": [{"platform": api_name, "text": f"Our autumn news on {api_name}: new roasts, longer hours and a tasting evening.", "mediaAssetIds": []}],
        }, token)["id"])
    return {"n": n, "email": email, "tenant": tenant, "schema": "tenant_" + tenant.replace("-", ""), "brands": brands,
            "connections": connections, "templates": templates}


started = time.perf_counter()
accounts = []
with concurrent.futures.ThreadPoolExecutor(4) as pool:
    for i, account in enumerate(pool.map(provision, range(1, tenants + 1)), 1):
        accounts.append(account)
        if i % 100 == 0:
            log(f"  {i} tenants provisioned ({time.perf_counter() - started:.0f} s)")
provision_seconds = time.perf_counter() - started

# ---- 2. Posts and metrics straight into each tenant schema, in the shape the publisher and the collector write ----------
cluster = psql.Cluster(folder)
run_sql = cluster.query


item_columns = run_sql(f"SELECT column_name FROM information_schema.columns WHERE table_schema = '{accounts[0]['schema']}' "
                       "AND table_name = 'content_items' ORDER BY ordinal_position").split()
OVERRIDES = {"id": "p.id", "title": "'Post ' || p.i || ' on ' || p.platform", "state": "'Published'", "company_id": "p.company_id",
             "created_at": "p.published_at - interval '2 days'", "updated_at": "p.published_at", "published_at": "p.published_at",
             "scheduled_at": "p.published_at", "approved_at": "p.published_at - interval '1 day'"}
item_select = ", ".join(OVERRIDES.get(c, f"c.{c}") for c in item_columns)
kinds_values = ", ".join(f"('{stored}', '{kind}')" for _, stored, kinds, _ in NETWORKS for kind in kinds)
HOURS = 90 * 24


def load_sql(a):
    uuids = lambda ids: "ARRAY[" + ", ".join(f"'{x}'::uuid" for x in ids) + "]"  # noqa: E731
    platforms = "ARRAY[" + ", ".join(f"'{stored}'" for _, stored, _, _ in NETWORKS) + "]"
    n = a["n"]
    return f"""
SET search_path = "{a['schema']}";
SET session_replication_role = replica; -- a bulk load of rows consistent by construction: no foreign-key trigger per row
CREATE TEMP TABLE bench_posts ON COMMIT DROP AS
SELECT i, gen_random_uuid() AS id, ({platforms})[i % 5 + 1] AS platform, ({uuids(a['templates'])})[i % 5 + 1] AS template,
       ({uuids(a['connections'])})[i % 5 + 1] AS connection_id, ({uuids(a['brands'])})[i % 2 + 1] AS company_id,
       now() - interval '20 minutes' - make_interval(mins => (i * {HOURS * 60} / {posts_per_tenant})) AS published_at,
       abs(hashtext({n} || ':' || i)) AS h
FROM generate_series(0, {posts_per_tenant - 1}) i;
ALTER TABLE bench_posts ADD COLUMN age interval, ADD COLUMN impressions bigint, ADD COLUMN reach bigint, ADD COLUMN clicks bigint,
  ADD COLUMN reactions bigint, ADD COLUMN comments bigint, ADD COLUMN shares bigint, ADD COLUMN saves bigint, ADD COLUMN post_id text,
  ADD COLUMN window_start timestamptz, ADD COLUMN windows int, ADD COLUMN next_at timestamptz;
UPDATE bench_posts SET age = now() - published_at,
  impressions = 300 + h % 5000, reach = 200 + h % 3000, clicks = h % 90, reactions = 5 + h % 150, comments = h % 25, shares = h % 18,
  saves = CASE WHEN platform IN ('X', 'Instagram') THEN h % 12 ELSE 0 END,
  post_id = CASE platform WHEN 'LinkedIn' THEN 'urn:li:share:' || (7000000000000000000 + {n} * 1000 + i)
                          WHEN 'X' THEN (1800000000000000000 + {n} * 1000 + i)::text
                          WHEN 'Facebook' THEN (100000000000 + {n}) || '_' || ({n} * 1000 + i)
                          WHEN 'Instagram' THEN (17900000000000000 + {n} * 1000 + i)::text
                          ELSE 'accounts/' || (9000 + {n}) || '/locations/' || (5000000 + {n}) || '/localPosts/' || i END;
-- MetricsSchedule: every 3 hours for 48 hours, daily to day 30, weekly to day 90 (the last reading a minute before it).
UPDATE bench_posts SET window_start = CASE
    WHEN age < interval '48 hours' THEN published_at + interval '3 hours' * floor(extract(epoch FROM age) / 10800)
    WHEN age < interval '30 days' THEN published_at + interval '48 hours' + interval '1 day' * floor(extract(epoch FROM age - interval '48 hours') / 86400)
    ELSE published_at + interval '30 days' + interval '7 days' * floor(extract(epoch FROM age - interval '30 days') / 604800) END;
UPDATE bench_posts SET windows = CASE
    WHEN age < interval '48 hours' THEN 1 + floor(extract(epoch FROM age) / 10800)
    WHEN age < interval '30 days' THEN 17 + floor(extract(epoch FROM age - interval '48 hours') / 86400)
    ELSE 45 + floor(extract(epoch FROM age - interval '30 days') / 604800) END,
  next_at = CASE
    WHEN age < interval '48 hours' THEN window_start + interval '3 hours'
    WHEN age < interval '30 days' THEN window_start + interval '1 day'
    WHEN window_start + interval '7 days' - published_at < interval '90 days' THEN window_start + interval '7 days'
    WHEN published_at + interval '90 days' - interval '1 minute' > now() THEN published_at + interval '90 days' - interval '1 minute' END;

INSERT INTO content_items ({", ".join(item_columns)})
SELECT {item_select} FROM bench_posts p JOIN content_items c ON c.id = p.template;
INSERT INTO publish_attempts (id, content_item_id, run_id, platform, connection_id, started_at, finished_at, outcome, platform_post_id)
SELECT gen_random_uuid(), id, gen_random_uuid(), platform, connection_id, published_at - interval '2 seconds', published_at, 'Published', post_id FROM bench_posts;
INSERT INTO post_performance (content_item_id, platform, company_id, connection_id, platform_post_id, published_at, next_collection_at,
  last_collected_at, collections, last_error, impressions, reach, clicks, reactions, comments, shares, saves, video_views)
SELECT id, platform, company_id, connection_id, post_id, published_at,
  CASE WHEN platform = 'GoogleBusiness' THEN NULL ELSE next_at END,
  CASE WHEN platform = 'GoogleBusiness' THEN NULL ELSE least(now(), window_start + interval '4 minutes') END,
  CASE WHEN platform = 'GoogleBusiness' THEN 0 ELSE windows END, NULL,
  CASE WHEN platform = 'GoogleBusiness' THEN 0 ELSE impressions END, CASE WHEN platform = 'GoogleBusiness' THEN 0 ELSE reach END,
  CASE WHEN platform = 'GoogleBusiness' THEN 0 ELSE clicks END, CASE WHEN platform = 'GoogleBusiness' THEN 0 ELSE reactions END,
  CASE WHEN platform = 'GoogleBusiness' THEN 0 ELSE comments END, CASE WHEN platform = 'GoogleBusiness' THEN 0 ELSE shares END,
  CASE WHEN platform = 'GoogleBusiness' THEN 0 ELSE saves END, 0
FROM bench_posts;
-- The time series: each window's running totals, growing towards the latest ones.
INSERT INTO post_metrics (id, content_item_id, platform, kind, window_start, value, collected_at)
SELECT gen_random_uuid(), p.id, p.platform, k.kind, w.start,
  round(CASE k.kind WHEN 'Impressions' THEN p.impressions WHEN 'Reach' THEN p.reach WHEN 'Clicks' THEN p.clicks WHEN 'Reactions' THEN p.reactions
                    WHEN 'Comments' THEN p.comments WHEN 'Shares' THEN p.shares ELSE p.saves END * w.n::numeric / p.windows),
  least(now(), w.start + interval '4 minutes')
FROM bench_posts p
JOIN (VALUES {kinds_values}) k(platform, kind) ON k.platform = p.platform
CROSS JOIN LATERAL (
  SELECT p.published_at + interval '3 hours' * g AS start, g + 1 AS n FROM generate_series(0, 15) g
  UNION ALL SELECT p.published_at + interval '48 hours' + interval '1 day' * g, g + 17 FROM generate_series(0, 27) g
  UNION ALL SELECT p.published_at + interval '30 days' + interval '7 days' * g, g + 45 FROM generate_series(0, 8) g) w
WHERE w.n <= p.windows;
-- Followers of the four accounts that have them, and the Business Profile's daily views and actions, for 90 days.
INSERT INTO account_metrics (id, connection_id, platform, company_id, kind, day, value, collected_at)
SELECT gen_random_uuid(), c.id, c.platform, NULL, k.kind, d::date,
  CASE k.kind WHEN 'Followers' THEN 2000 + {n} % 500 * 10 + (89 - g) * 3 WHEN 'ProfileViews' THEN 80 + (g * 7) % 40 ELSE 6 + g % 5 END,
  d + interval '7 hours'
FROM ({'UNION ALL '.join(f"SELECT '{cid}'::uuid AS id, '{stored}' AS platform " for cid, (_, stored, _, _) in zip(a['connections'], NETWORKS))}) c
JOIN (VALUES ('LinkedIn', 'Followers'), ('X', 'Followers'), ('Facebook', 'Followers'), ('Instagram', 'Followers'),
             ('GoogleBusiness', 'ProfileViews'), ('GoogleBusiness', 'ProfileActions')) k(platform, kind) ON k.platform = c.platform
CROSS JOIN generate_series(0, 89) g
CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE 'Europe/Berlin')::date - g AS d) day;
INSERT INTO metrics_accounts (connection_id, paused_until, next_account_read_at)
SELECT unnest({uuids(a['connections'])}), NULL, date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + interval '1 day';
"""


def vacuum_sql(a):
    # What autovacuum does on a live server some minutes after a load: set hint bits and the visibility map, gather statistics.
    return "".join(f'VACUUM (ANALYZE) "{a["schema"]}".{t};\n' for t in
                   ("content_items", "publish_attempts", "post_performance", "post_metrics", "account_metrics", "metrics_accounts"))


def load(a):
    run_sql(load_sql(a), single_transaction=True)
    run_sql(vacuum_sql(a))


started = time.perf_counter()
done = 0
with concurrent.futures.ThreadPoolExecutor(workers) as pool:
    for _ in pool.map(load, accounts):
        done += 1
        if done % 100 == 0:
            log(f"  {done} tenants loaded ({time.perf_counter() - started:.0f} s)")
load_seconds = time.perf_counter() - started
metric_rows = int(run_sql(f'SELECT count(*) FROM "{accounts[0]["schema"]}".post_metrics'))
db_size = run_sql("SELECT pg_size_pretty(pg_database_size('brandautomator'))").strip()
log(f"  loaded in {load_seconds:.0f} s; {metric_rows:,} metric rows in the first tenant; database {db_size}")

# ---- 3. The analytics page: the requests it sends, for tenants with the full data, several periods and filters ---------
def login(a):
    return call("POST", "/api/v1/auth/login", {"email": a["email"], "password": PASSWORD})["accessToken"]


today = time.strftime("%Y-%m-%d", time.gmtime())


def day(offset):
    return time.strftime("%Y-%m-%d", time.gmtime(time.time() + offset * 86400))


def variants(a):
    brand = a["brands"][0]
    return [
        ("default (last 28 days)", "/api/v1/analytics"),
        ("last 7 days", f"/api/v1/analytics?from={day(-6)}&to={today}"),
        ("last 90 days", f"/api/v1/analytics?from={day(-89)}&to={today}"),
        ("a year", f"/api/v1/analytics?from={day(-365)}&to={today}"),
        ("28 days, one brand", f"/api/v1/analytics?companyId={brand}"),
        ("28 days, LinkedIn", "/api/v1/analytics?platform=linkedIn"),
        ("90 days, one brand on Instagram", f"/api/v1/analytics?from={day(-89)}&to={today}&companyId={brand}&platform=instagram"),
        ("last month", f"/api/v1/analytics?from={day(-60)}&to={day(-31)}"),
        ("best times, one brand on X", f"/api/v1/analytics/best-times?companyId={brand}&platform=x"),
    ]


measured = [accounts[len(accounts) // 2], accounts[-1], accounts[0]]
tokens = {a["n"]: login(a) for a in measured}
connection = http.client.HTTPConnection(urllib.parse.urlparse(base).hostname, urllib.parse.urlparse(base).port, timeout=60)


def get(path, token):
    t0 = time.perf_counter()
    connection.request("GET", path, headers={"authorization": "Bearer " + token})
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - t0) * 1000
    if response.status != 200:
        raise SystemExit(f"GET {path} answered {response.status}: {body[:300]!r}")
    return elapsed, body


log("page requests: a warm-up, then the measured requests")
for a in measured:  # warm-up: JIT, plans, the tenants' first connections; not measured
    for _, path in variants(a):
        get(path, tokens[a["n"]])
overview = json.loads(get(variants(measured[0])[2][1], tokens[measured[0]["n"]])[1])
latencies, by_variant = [], {}
for i in range(page_requests):
    a = measured[i % len(measured)]
    label, path = variants(a)[i % len(variants(a))]
    elapsed, _ = get(path, tokens[a["n"]])
    latencies.append(elapsed)
    by_variant.setdefault(label, []).append(elapsed)
load_after_page = os.getloadavg()
log("page requests: done")
# What PostgreSQL itself spends on the page's two reads of a year and its period before (the widest variant), warm.
schema = measured[0]["schema"]
plans = []
for label, sql in (("posts of the period and the one before, with their titles",
                    f'SELECT p.*, c.title FROM "{schema}".post_performance p JOIN "{schema}".content_items c ON c.id = p.content_item_id '
                    "WHERE p.published_at >= now() - interval '732 days' AND p.published_at < now() + interval '1 day'"),
                   ("followers and profile views by day", f'SELECT * FROM "{schema}".account_metrics WHERE day >= current_date - 732 AND day <= current_date')):
    run_sql(f"EXPLAIN (ANALYZE) {sql}")
    out = run_sql(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
    plans.append((label, re.search(r"Execution Time: ([\d.]+) ms", out).group(1), out.splitlines()[0][:110]))


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


# ---- 4. One collection round of every post, against the fake networks --------------------------------------------------
run_sql("""
DO $$ DECLARE s text; BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%' LOOP
    EXECUTE format('UPDATE %I.post_performance SET next_collection_at = now() - interval ''1 minute'' WHERE next_collection_at IS NOT NULL', s);
    EXECUTE format('UPDATE %I.metrics_accounts SET next_account_read_at = NULL', s);
  END LOOP;
END $$;""")
due = sum(1 for a in accounts for i in range(posts_per_tenant) if NETWORKS[i % 5][2])
client.call(fake, "POST", "/_bench/reset")
round_started = time.perf_counter()
round_started_wall = time.time()
call("POST", "/api/v1/analytics/refresh", token=tokens[measured[0]["n"]])
last_total, still_since, cut = -1, time.perf_counter(), False
while True:
    time.sleep(2)
    counts = client.call(fake, "GET", "/_bench/counts")
    total = sum(c["requests"] for c in counts.values())
    if total != last_total:
        if total // 5000 != max(last_total, 0) // 5000:
            log(f"  collection: {total:,} requests to the networks ({time.perf_counter() - round_started:.0f} s)")
        last_total, still_since = total, time.perf_counter()
    elif total > 0 and time.perf_counter() - still_since > 15:
        break
    if time.perf_counter() - round_started > collect_limit:
        cut = True
        break
round_seconds = (max((c["last"] for c in counts.values()), default=round_started_wall * 1000) / 1000) - round_started_wall


def across_tenants(condition):
    """A count over every tenant's post_performance, in one statement."""
    total = 0
    for start in range(0, len(accounts), 250):
        total += int(run_sql("SELECT " + " + ".join(
            f"(SELECT count(*) FROM \"{a['schema']}\".post_performance WHERE {condition})" for a in accounts[start:start + 250])) or 0)
    return total


left = across_tenants("next_collection_at <= now() - interval '30 seconds' AND platform <> 'GoogleBusiness'")
read_in_round = across_tenants(f"last_collected_at >= to_timestamp({round_started_wall})")
duplicates = int(run_sql(f"""SELECT count(*) FROM (SELECT content_item_id, platform, kind, window_start FROM "{accounts[0]['schema']}".post_metrics
  GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d""") or 0)
load_end = os.getloadavg()

# Each network's published limits for these reads, per account (the token) and per window; the fake counts per token.
BUDGETS = {
    "linkedIn": ("LinkedIn, per member token and day (Community Management API default development tier: 500 calls per member per day per endpoint)", 500, 86400),
    "x": ("X, GET /2/tweets/:id and /2/users/:id, per user token (900 per 15 minutes)", 900, 900),
    "facebook": ("Facebook Pages, Graph API per Page (Business Use Case: 4,800 x engaged users per 24 h; the floor of 200 calls per user and hour counted here)", 200, 3600),
    "instagram": ("Instagram, Graph API per account (200 calls per user and hour, the platform floor; BUC 4,800 x impressions per 24 h)", 200, 3600),
    "googleBusiness": ("Google Business Profile Performance API, per project (300 queries per minute by default)", 300, 60),
}

print(f"bench/analytics: {tenants:,} tenants x {posts_per_tenant} published posts ({posts_per_tenant // 5} per network, five networks), 90 days of metrics")
print(f"  provisioning through the API: {provision_seconds:.0f} s ({provision_seconds / tenants * 1000:.0f} ms a tenant, 4 at a time, with two brands, five connections, five drafts)")
print(f"  bulk load (server-side INSERT ... SELECT per schema, then VACUUM ANALYZE): {load_seconds:.0f} s; "
      f"{metric_rows:,} metric rows per tenant (~{metric_rows * tenants / 1e6:.0f} M in all); database {db_size}")
print(f"  the page's data for the measured tenant, last 90 days: {overview['current']['posts']} posts, "
      f"{overview['current']['impressions']:,} impressions, {len(overview['days'])} days, {len(overview['followers'])} follower points")
print(f"analytics page, {len(latencies)} requests over {len(variants(measured[0]))} periods and filters, 3 tenants, one at a time after a warm-up:")
p95 = pct(latencies, 95)
print(f"  p50 {pct(latencies, 50):.1f} ms, p95 {p95:.1f} ms, max {max(latencies):.1f} ms  (target p95 < 100 ms: {'PASS' if p95 < 100 else 'FAIL'})")
for label, values in by_variant.items():
    print(f"    {label:34s} p50 {pct(values, 50):6.1f} ms  p95 {pct(values, 95):6.1f} ms  ({len(values)} requests)")
for label, ms, top_line in plans:
    print(f"  PostgreSQL, {label}: {ms} ms ({top_line.strip()})")
print(f"  load average after the page requests: {load_after_page[0]:.2f} {load_after_page[1]:.2f} {load_after_page[2]:.2f}")
total = sum(c["requests"] for c in counts.values())
print(f"collection round of every post ({due:,} posts with per-post metrics due, plus every account), the clustered job, one node:")
print(f"  {'CUT SHORT after ' if cut else ''}{round_seconds:.0f} s, {total:,} requests to the networks ({total / max(round_seconds, 0.001):.0f} a second); "
      f"{read_in_round:,} posts read, {left:,} still due; duplicates in the first tenant's series: {duplicates}")
if cut and read_in_round:
    print(f"  at {read_in_round / round_seconds:.1f} posts a second the whole round would take {due / (read_in_round / round_seconds) / 60:.0f} min")
fits_all = True
for name, (text, limit, window) in BUDGETS.items():
    c = counts.get(name, {"requests": 0, "tokens": {}})
    per_token = max(c["tokens"].values(), default=0)
    span = (c["last"] - c["first"]) / 1000 if c["requests"] else 0
    # The per-window count: all of one token's requests fall inside the window when the round is shorter than it.
    if name == "googleBusiness":
        per_window = c["requests"] if span <= window else c["requests"] * window / span
        fits = per_window <= limit
        need = f"{c['requests']:,} in {span:.0f} s for the project, {per_window:,.0f} per {window} s"
    else:
        fits = per_token <= limit
        need = f"{c['requests']:,} in all, at most {per_token} per account token in {span:.0f} s"
    fits_all &= fits
    print(f"  {name:15s} {need}; budget {limit:,} per {window // 60 if window >= 60 else window} {'min' if window >= 60 else 's'}: {'fits' if fits else 'OVER'}")
    print(f"                  ({text})")
print(f"  steady state per account (MetricsSchedule: 16 + 28 + 9 + 1 readings in a post's 90 days): "
      f"{posts_per_tenant // 5 / 90 * 54:.0f} post readings a day for {posts_per_tenant // 5} posts per 90 days, plus one account reading")
print(f"  load average (1/5/15 min) at the end: {load_end[0]:.2f} {load_end[1]:.2f} {load_end[2]:.2f} on {os.cpu_count()} cores")
sys.exit(0 if p95 < 100 and fits_all and not cut and duplicates == 0 else 1)
