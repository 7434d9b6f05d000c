"""Drives bench/grounding: upload, archive, ask, score. Usage: drive.py API_URL CORPUS_FOLDER [--verbose]

CORPUS_FOLDER holds company.json (the company's onboarding answers and the documents that are no longer valid),
corpus/ (the documents) and questions.json."""
import collections
import http.client
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import client  # noqa: E402

base, folder = sys.argv[1], sys.argv[2]
verbose = "--verbose" in sys.argv[3:]
CORPUS = os.path.join(folder, "corpus")
PROFILE = json.load(open(os.path.join(folder, "company.json")))
# Documents that say in their first lines that they are no longer valid: archived when the API can archive.
NO_LONGER_VALID = PROFILE["noLongerValid"]
TYPES = {".md": "text/markdown", ".txt": "text/plain", ".pdf": "application/pdf",
         ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def call(method, route, body=None, token=None):
    return client.call(base, method, route, body, token, timeout=120)


token = call("POST", "/api/v1/auth/register", {"email": f"grounding-{time.time_ns()}@example.com", "password": "a benchmark passphrase 2026",
                                                "fullName": "Grounding Bench", "companyName": PROFILE["name"]})["accessToken"]
company = call("POST", "/api/v1/onboarding/company", {"basics": PROFILE["basics"], "audience": PROFILE["audience"]}, token)["companyId"]

files = sorted(os.listdir(CORPUS))
args = ["curl", "-sf", "-o", "/dev/null", "-H", f"authorization: Bearer {token}"]
for name in files:
    args += ["-F", f"files=@{os.path.join(CORPUS, name)};type={TYPES[os.path.splitext(name)[1]]}"]
subprocess.run(args + [f"{base}/api/v1/onboarding/assets/upload"], check=True)

deadline = time.time() + 600
while True:
    assets = call("GET", "/api/v1/assets?pageSize=100", token=token)["items"]
    if len(assets) == len(files) and all(a["state"] in ("ready", "failed") for a in assets):
        break
    if time.time() > deadline:
        sys.exit("processing did not finish in 10 minutes")
    time.sleep(1)
failed = [a["name"] for a in assets if a["state"] != "ready"]
if failed:
    print("WARNING: not processed:", ", ".join(failed))
ids = {a["name"]: a["id"] for a in assets}
print(f"Uploaded {len(files)} documents, {sum(a.get('chunkCount') or 0 for a in assets)} passages.")

# The archive endpoint comes with document status (issue #17); found by the OpenAPI document, not assumed.
spec = client.call(base, "GET", "/swagger/v1/swagger.json")
archive = next((p for p in spec["paths"] if p.startswith("/api/v1/assets/{") and p.endswith("/archive") and "post" in spec["paths"][p]), None)
if archive:
    for name in NO_LONGER_VALID:
        route = re.sub(r"\{[^}]+\}", ids[name], archive)
        call("POST", route, {}, token)
    print("Archived:", ", ".join(NO_LONGER_VALID))
else:
    print("NOTE: the API has no POST /api/v1/assets/{id}/archive endpoint; the superseded and archived documents stay current.")


def chat(message):
    url = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    connection.request("POST", "/api/v1/ai/chat", json.dumps({"companyId": company, "message": message}),
                       {"content-type": "application/json", "authorization": "Bearer " + token, "accept": "text/event-stream"})
    response = connection.getresponse()
    if response.status != 200:
        raise RuntimeError(f"chat {response.status}: {response.read()[:300]}")
    answer, citations, event = [], [], None
    for raw in response.read().decode("utf-8").splitlines():
        if raw.startswith("event:"):
            event = raw[6:].strip()
        elif raw.startswith("data:"):
            data = json.loads(raw[5:].strip())
            if event == "delta":
                answer.append(data["text"])
            elif event == "citation":
                citations.append(data["assetName"])
    connection.close()
    return "".join(answer), citations


def normal(text):
    """Case and format insensitive: "6,200" = "6200", "12-month" = "12 month", curly quotes = straight."""
    return re.sub(r"[\s,\-‐‑–—'’\"“”*_`]+", "", text.lower())


questions = json.load(open(os.path.join(folder, "questions.json")))
rows = []
for q in questions:
    hits = call("GET", "/api/v1/ai/search-files?" + urllib.parse.urlencode({"q": q["question"], "limit": 20}), token=token)
    ranked = []
    for hit in hits:
        if hit["assetName"] not in ranked:
            ranked.append(hit["assetName"])
    expected = set(q["sources"])
    rank = next((i + 1 for i, name in enumerate(ranked) if name in expected), None)
    answer, cited = chat(q["question"])
    cited_files = list(dict.fromkeys(cited))
    found = [f for f in q["facts"] if normal(f) in normal(answer)]
    scores = [(hit["assetName"], round(hit.get("score", 0), 3)) for hit in hits[:3]]
    rows.append({"q": q, "top5": ranked[:5], "rank": rank, "answer": answer, "cited": cited_files, "found": found})
    if verbose:
        print(f"\n#{q['id']} [{q['kind']}] {q['question']}\n  search top 5: {ranked[:5]}\n  top scores: {scores}\n  cited: {cited_files}\n"
              f"  facts: {len(found)}/{len(q['facts'])} {[f for f in q['facts'] if f not in found]}\n  " + answer.replace("\n", "\n  "))


def figures(subset):
    answerable = [r for r in subset if r["q"]["answerable"]]
    unanswerable = [r for r in subset if not r["q"]["answerable"]]
    out = {}
    if answerable:
        out["recall@5"] = sum(1 for r in answerable if r["rank"] is not None and r["rank"] <= 5) / len(answerable)
        out["MRR"] = sum(1 / r["rank"] for r in answerable if r["rank"]) / len(answerable)
        cited = sum(len(r["cited"]) for r in answerable)
        good = sum(sum(1 for c in r["cited"] if c in r["q"]["sources"]) for r in answerable)
        out["citation precision"] = good / cited if cited else 0.0
        out["citation recall"] = sum(1 for r in answerable if set(r["cited"]) & set(r["q"]["sources"])) / len(answerable)
        facts = sum(len(r["q"]["facts"]) for r in answerable)
        out["fact coverage"] = sum(len(r["found"]) for r in answerable) / facts
        out["fully answered"] = sum(1 for r in answerable if len(r["found"]) == len(r["q"]["facts"])) / len(answerable)
        out["no-longer-valid cited"] = sum(1 for r in answerable if set(r["cited"]) & set(NO_LONGER_VALID)) / len(answerable)
    if unanswerable:
        out["abstention"] = sum(1 for r in unanswerable if not r["cited"]) / len(unanswerable)
    return out


def show(title, values):
    print(f"{title:<14}" + "  ".join(f"{k} {v:.2f}" for k, v in values.items()))


print(f"\n{len(questions)} questions ({sum(1 for q in questions if not q['answerable'])} unanswerable), offline provider\n")
show("all", figures(rows))
for kind, group in sorted(collections.defaultdict(list, {k: [r for r in rows if r["q"]["kind"] == k] for k in {r["q"]["kind"] for r in rows}}).items()):
    show(kind, figures(group))
overall = figures(rows)
targets = {"recall@5": 0.9, "citation precision": 0.8, "fact coverage": 0.7, "abstention": 0.8}
print("\nTargets (issue #17): " + ", ".join(f"{k} >= {v} {'MET' if overall.get(k, 0) >= v else 'NOT MET'}" for k, v in targets.items()))
