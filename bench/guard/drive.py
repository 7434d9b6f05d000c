"""Drives bench/guard. Usage: drive.py API_URL BENCH_FOLDER [--verbose] [--passages N]

1. A fresh workspace for Spoke & Sprocket: company profile, the bench/grounding corpus uploaded through the real path,
   the superseded 2024 price list and the 2019 brand manual archived (superseded by their successors).
2. The rules the brand guard read from the documents, by kind.
3. Every post of posts.json checked offline (POST /api/v1/brand-guard/check); precision and recall per finding kind,
   and for numeric claims together (unsupported or contradicted), against the labels.
4. Filler passages written into the tenant schema until N (default 5,000) are indexed, then the composer's check of a
   2,000-character post timed, with and without tone: p50, p95, the API's CPU time per check, the load average.
"""
import collections
import json
import os
import random
import subprocess
import sys
import time
import uuid
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import client  # noqa: E402
import load  # noqa: E402
import psql  # noqa: E402

base, folder = sys.argv[1], sys.argv[2]
verbose = "--verbose" in sys.argv
passages_wanted = int(sys.argv[sys.argv.index("--passages") + 1]) if "--passages" in sys.argv else 5000
CORPUS = os.path.join(folder, "..", "grounding", "corpus")
TYPES = {".md": "text/markdown", ".txt": "text/plain", ".pdf": "application/pdf",
         ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
ARCHIVE = {"price-list-2024-superseded.txt": "price-list-2026.md", "brand-manual-2019-archived.docx": "brand-guide.md"}
KINDS = ["bannedWord", "name", "missingHashtag", "tooManyHashtags", "unsupportedClaim", "contradictedClaim", "tone"]


def call(method, route, body=None, token=None):
    return client.call(base, method, route, body, token, timeout=300)


def upload(token, paths):
    args = ["curl", "-sf", "-o", "/dev/null", "-H", f"authorization: Bearer {token}"]
    for path in paths:
        args += ["-F", f"files=@{path};type={TYPES[os.path.splitext(path)[1]]}"]
    subprocess.run(args + [f"{base}/api/v1/onboarding/assets/upload"], check=True)


def wait_ready(token, count, minutes=30):
    deadline = time.time() + minutes * 60
    while True:
        assets = call("GET", "/api/v1/assets?pageSize=100", token=token)
        items, total = assets["items"], assets.get("total", len(assets["items"]))
        page = 2
        while len(items) < total:
            items += call("GET", f"/api/v1/assets?pageSize=100&page={page}", token=token)["items"]
            page += 1
        if len(items) >= count and all(a["state"] in ("ready", "failed") for a in items):
            return items
        if time.time() > deadline:
            sys.exit("processing did not finish in time")
        time.sleep(2)


EMAIL, PASSWORD = f"guard-{time.time_ns()}@example.com", "a benchmark passphrase 2026"
auth = call("POST", "/api/v1/auth/register", {"email": EMAIL, "password": PASSWORD, "fullName": "Guard Bench", "companyName": "Spoke & Sprocket"})
token, user = auth["accessToken"], auth["user"]["id"]
schema = "tenant_" + auth["tenant"]["id"].replace("-", "")
call("POST", "/api/v1/onboarding/company", {
    "basics": {"name": "Spoke & Sprocket", "description": "Worker-owned bike repair cooperative", "industry": "Bicycle repair",
               "website": "https://spokeandsprocket.example"},
    "audience": {"targetAudience": "Commuters and families who ride in Leeds", "coreProblem": "Bikes get scrapped for want of a simple repair"},
}, token)
files = sorted(os.listdir(CORPUS))
upload(token, [os.path.join(CORPUS, f) for f in files])
assets = wait_ready(token, len(files))
ids = {a["name"]: a["id"] for a in assets}
for old, new in ARCHIVE.items():
    call("POST", f"/api/v1/assets/{ids[old]}/archive", {"supersededBy": ids[new]}, token)
print(f"Uploaded {len(files)} documents ({sum(a.get('chunkCount') or 0 for a in assets)} passages); archived {', '.join(ARCHIVE)}.")

rules = call("GET", "/api/v1/brand-guard/rules", token=token)
by_kind = collections.Counter(r["kind"] for r in rules)
print("Rules read from the documents:", ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items())))
if verbose:
    for r in rules:
        print(f"  {r['kind']:<13} {r['term'][:70]!r} -> {r.get('suggestion')!r} [{(r.get('source') or {}).get('assetName')}]")

posts = json.load(open(os.path.join(folder, "posts.json"), encoding="utf-8"))
all_posts = posts
if "--latency-only" in sys.argv:
    posts = []
tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
CLAIMS = ("unsupportedClaim", "contradictedClaim")
tones = {"flagged": [], "clean": []}


def matches(expected, finding, any_claim=False):
    same = expected["kind"] == finding["kind"] or (any_claim and expected["kind"] in CLAIMS and finding["kind"] in CLAIMS)
    if not same:
        return False
    if not expected["text"]:
        return True
    if expected["kind"] == "missingHashtag":
        return expected["text"].lower() in finding["reason"].lower()
    a, b = expected["text"].lower(), (finding.get("excerpt") or "").lower()
    return bool(b) and (a in b or b in a)


for p in posts:
    result = call("POST", "/api/v1/brand-guard/check", {"variants": [{"platform": p["platform"], "text": p["text"]}], "tone": True}, token)
    variant = result["variants"][0]
    findings = variant["findings"]
    if variant.get("tone"):
        tones["flagged" if any(e["kind"] == "tone" for e in p["expected"]) else "clean"].append(variant["tone"]["score"])
    unmatched = list(findings)
    for e in p["expected"]:
        hit = next((f for f in unmatched if matches(e, f)), None)
        if hit:
            tp[e["kind"]] += 1
            unmatched.remove(hit)
        else:
            fn[e["kind"]] += 1
            if verbose:
                print(f"  MISSED  #{p['id']} {e['kind']} {e['text']!r}: {p['text'][:90]!r}")
    for f in unmatched:
        fp[f["kind"]] += 1
        if verbose:
            print(f"  EXTRA   #{p['id']} {f['kind']} {f.get('excerpt')!r} {f['reason'][:110]!r}")
    # Numeric claims together: a figure flagged as contradicted where the label says unsupported (or the other way) is found.
    claims = [f for f in findings if f["kind"] in CLAIMS]
    for e in [e for e in p["expected"] if e["kind"] in CLAIMS]:
        hit = next((f for f in claims if matches(e, f, any_claim=True)), None)
        if hit:
            tp["numericClaim"] += 1
            claims.remove(hit)
        else:
            fn["numericClaim"] += 1
    fp["numericClaim"] += len(claims)


def ratio(a, b):
    return a / b if b else float("nan")


if posts:
    print(f"\nFindings on {len(posts)} labelled posts (offline):")
    print(f"  {'kind':<20}{'precision':>10}{'recall':>8}{'tp':>5}{'fp':>5}{'fn':>5}")
    rows = [(k, tp[k], fp[k], fn[k]) for k in KINDS]
    rows.append(("numeric claims", tp["numericClaim"], fp["numericClaim"], fn["numericClaim"]))
    for k, t, f, n in rows:
        print(f"  {k:<20}{ratio(t, t + f):>10.2f}{ratio(t, t + n):>8.2f}{t:>5}{f:>5}{n:>5}")
    if tones["clean"] and tones["flagged"]:
        mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
        print(f"  tone similarity to the brand's tone: posts labelled on-tone {mean(tones['clean']):.3f} on average, off-tone {mean(tones['flagged']):.3f}")

# Latency: the index grown to the passages wanted, then the composer's check timed. As bench/search does, the filler
# passages are written straight into the tenant schema (COPY) with vectors that are real MiniLM vectors of the corpus,
# perturbed: embedding 5,000 passages on two shared cores takes far longer than the figure needs, and the check reads
# passages by their words and figures, not by their vectors.
items = wait_ready(token, len(files))
count = sum(a.get("chunkCount") or 0 for a in items)
bulk = max(0, passages_wanted - count)
if bulk:
    folder_data = os.environ["BENCH_DIR"]
    cluster = psql.Cluster(folder_data)

    real = [json.loads("[" + line.strip()[1:-1] + "]")
            for line in cluster.query(f'SELECT embedding FROM "{schema}".asset_chunks WHERE embedding IS NOT NULL').splitlines() if line]
    rng = random.Random(30)
    PARTS = ["chain", "cassette", "brake pads", "cables", "bottom bracket", "headset", "hub", "spokes", "tyres", "inner tube", "derailleur",
             "saddle", "pedals", "mudguards", "rack", "lights", "bell", "grips", "stem", "fork"]
    VERBS = ["checked", "replaced", "cleaned", "adjusted", "regreased", "trued", "fitted", "tightened", "inspected", "lubricated"]
    asset_rows, chunk_rows, per_file = [], [], 100
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    for f in range((bulk + per_file - 1) // per_file):
        asset = str(uuid.uuid4())
        n = min(per_file, bulk - f * per_file)
        asset_rows.append(f"{asset}\tworkshop-journal-{f}.md\tworkshop-journal-{f}.md\tText\ttext/markdown\t1\t{uuid.uuid4().hex}{uuid.uuid4().hex}"
                          f"\tbench/{asset}\tReady\t1\t{n}\t{user}\t2\tCurrent\t{now}\t{now}\t{now}\t{{}}")
        for j in range(n):
            text = " ".join(
                f"The {rng.choice(PARTS)} was {rng.choice(VERBS)} on a {rng.choice(['town', 'hybrid', 'cargo', 'road'])} bike after "
                f"{rng.randint(2, 60)} minutes of work; parts came to £{rng.randint(3, 90)} and the rider was told the "
                f"{rng.choice(PARTS)} had about {rng.randint(100, 3000)} miles left." for _ in range(5))
            seed = rng.choice(real)
            vector = [x + rng.gauss(0, 0.03) for x in seed]
            norm = sum(x * x for x in vector) ** 0.5
            chunk_rows.append(f"{uuid.uuid4()}\t{asset}\t{j}\t\\N\t{text}\tWorkshop journal {f} › Job {j + 1}\t"
                              "{" + ",".join(f"{x / norm:.6f}" for x in vector) + "}")
    cluster.copy(f"""COPY "{schema}".brand_assets (id, name, original_file_name, type, media_type, size_bytes, sha256, storage_key, state,
             processing_attempts, chunk_count, uploaded_by, index_version, status, created_at, updated_at, processed_at, tags) FROM STDIN""",
                 "\n".join(asset_rows) + "\n")
    cluster.copy(f'COPY "{schema}".asset_chunks (id, asset_id, ordinal, page, text, heading, embedding) FROM STDIN', "\n".join(chunk_rows) + "\n")
    cluster.query(f'ANALYZE "{schema}".asset_chunks')
    count = int(cluster.query(f'SELECT count(*) FROM "{schema}".asset_chunks').strip())
    print(f"\nFiller: {bulk} passages written into the tenant schema; {count} passages indexed in all.")


def cpu_seconds():
    fields = open(f"/proc/{os.environ['API_PID']}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


paragraphs = [p["text"].split("\n\n")[0] for p in all_posts if p["group"] == "clean"]
body = ""
i = 0
while len(body) < 1900:
    body += paragraphs[i % len(paragraphs)] + " "
    i += 1
text = ("Cheap full service, now £95! " + body)[:1960].rsplit(" ", 1)[0] + "\n\n#SpokeAndSprocket #RepairNotReplace"
for tone in (True, False):
    # Access tokens live 15 minutes; on a busy machine the run takes longer.
    token = call("POST", "/api/v1/auth/login", {"email": EMAIL, "password": PASSWORD})["accessToken"]
    request = {"variants": [{"platform": "linkedIn", "text": text}], "tone": tone}
    for _ in range(5):
        call("POST", "/api/v1/brand-guard/check", request, token)
    timings, cpu_before = [], cpu_seconds()
    for _ in range(80):
        started = time.perf_counter()
        result = call("POST", "/api/v1/brand-guard/check", request, token)
        timings.append((time.perf_counter() - started) * 1000)
    cpu_ms = (cpu_seconds() - cpu_before) * 1000 / len(timings)
    findings = result["variants"][0]["findings"]
    what = "with tone (sentence embedding of the post)" if tone else "rules and figures only"
    print(f"\nComposer check, {what}: a {len(text)}-character post, {count} passages indexed, {len(findings)} findings, 80 requests in a row:")
    print(f"  p50 {load.percentile(timings, 50):.0f} ms, p95 {load.percentile(timings, 95):.0f} ms (target p95 < 150 ms); "
          f"API CPU {cpu_ms:.1f} ms per check; load average {load.loadavg()}")
