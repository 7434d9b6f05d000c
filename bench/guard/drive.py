"""Drives bench/guard. Usage: drive.py API_URL BENCH_FOLDER [--verbose] [--passages N]

1. A fresh workspace for Spoke & Sprocket: company profile, the bench/grounding corpus uploaded through the real path,
   the superseded 2024 price list and the 2019 brand manual archived (superseded by their successors).
2. The rules the brand guard read from the documents, by kind.
3. Every post of posts.json checked offline (POST /api/v1/brand-guard/check); precision and recall per finding kind,
   and for numeric claims together (unsupported or contradicted), against the labels.
4. Filler documents uploaded until N passages (default 5,000) are indexed, then the composer's check of a 2,000-character
   post timed: p50 and p95, with the machine's load average.
"""
import collections
import json
import os
import random
import subprocess
import sys
import tempfile
import time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import client  # noqa: E402
import load  # noqa: E402

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


token = call("POST", "/api/v1/auth/register", {"email": f"guard-{time.time_ns()}@example.com", "password": "a benchmark passphrase 2026",
                                                "fullName": "Guard Bench", "companyName": "Spoke & Sprocket"})["accessToken"]
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


print(f"\nFindings on {len(posts)} labelled posts (offline):")
print(f"  {'kind':<20}{'precision':>10}{'recall':>8}{'tp':>5}{'fp':>5}{'fn':>5}")
rows = [(k, tp[k], fp[k], fn[k]) for k in KINDS]
rows.append(("numeric claims", tp["numericClaim"], fp["numericClaim"], fn["numericClaim"]))
for k, t, f, n in rows:
    print(f"  {k:<20}{ratio(t, t + f):>10.2f}{ratio(t, t + n):>8.2f}{t:>5}{f:>5}{n:>5}")
if tones["clean"] and tones["flagged"]:
    mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
    print(f"  tone similarity to the brand's tone: posts labelled on-tone {mean(tones['clean']):.3f} on average, off-tone {mean(tones['flagged']):.3f}")

# Latency: the index grown to the passages wanted with filler documents, then the composer's check timed.
count = sum(a.get("chunkCount") or 0 for a in wait_ready(token, len(files)))
rng = random.Random(30)
PARTS = ["chain", "cassette", "brake pads", "cables", "bottom bracket", "headset", "hub", "spokes", "tyres", "inner tube", "derailleur",
         "saddle", "pedals", "mudguards", "rack", "lights", "bell", "grips", "stem", "fork"]
VERBS = ["checked", "replaced", "cleaned", "adjusted", "regreased", "trued", "fitted", "tightened", "inspected", "lubricated"]
with tempfile.TemporaryDirectory() as tmp:
    paths, n = [], 0
    per_doc = 120
    while count + len(paths) * per_doc < passages_wanted:
        n += 1
        lines = [f"# Workshop journal {n}"]
        for section in range(per_doc):
            lines.append(f"\n## Job {n}-{section + 1}\n")
            for _ in range(9):
                part, verb = rng.choice(PARTS), rng.choice(VERBS)
                lines.append(f"The {part} was {verb} on a {rng.choice(['town', 'hybrid', 'cargo', 'road', 'e-'])}bike after {rng.randint(2, 60)} "
                             f"minutes of work; parts came to £{rng.randint(3, 90)} and the rider was told the {rng.choice(PARTS)} "
                             f"had about {rng.randint(100, 3000)} miles left.")
        path = os.path.join(tmp, f"workshop-journal-{n}.md")
        open(path, "w", encoding="utf-8").write("\n".join(lines))
        paths.append(path)
    if paths:
        print(f"\nIndexing filler documents: {len(paths)} files ...", flush=True)
        started = time.time()
        for i in range(0, len(paths), 10):
            upload(token, paths[i:i + 10])
        items = wait_ready(token, len(files) + len(paths), minutes=90)
        count = sum(a.get("chunkCount") or 0 for a in items)
        print(f"  {count} passages indexed in {time.time() - started:.0f} s")

paragraphs = [p["text"].split("\n\n")[0] for p in posts if p["group"] == "clean"]
body = ""
i = 0
while len(body) < 1900:
    body += paragraphs[i % len(paragraphs)] + " "
    i += 1
text = ("Cheap full service, now £95! " + body)[:1960].rsplit(" ", 1)[0] + "\n\n#SpokeAndSprocket #RepairNotReplace"
request = {"variants": [{"platform": "linkedIn", "text": text}], "tone": True}
for _ in range(5):
    call("POST", "/api/v1/brand-guard/check", request, token)
timings = []
for _ in range(80):
    started = time.perf_counter()
    result = call("POST", "/api/v1/brand-guard/check", request, token)
    timings.append((time.perf_counter() - started) * 1000)
findings = result["variants"][0]["findings"]
print(f"\nComposer check of a {len(text)}-character post with {count} passages indexed ({len(findings)} findings), 80 requests one after another:")
print(f"  p50 {load.percentile(timings, 50):.0f} ms, p95 {load.percentile(timings, 95):.0f} ms (target p95 < 150 ms); load average {load.loadavg()}")
