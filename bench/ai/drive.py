"""A fake streaming Gemini in a thread and an SSE client: time from the provider's first chunk to the client's first delta."""
import http.client
import http.server
import json
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request
import os as _os
import sys as _sys
_sys.path.insert(0, _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "..", "lib"))
import client  # noqa: E402

base, fake_port, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
CHUNKS = ["Unopened bags can be returned ", "within 45 days of delivery [1]", ", no questions asked."]
PAUSE = 0.05  # between provider chunks, as a model writes
first_chunk_sent = {}  # run number -> monotonic time the fake sent its first chunk
current = {"run": 0}


class FakeGemini(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", 0)))
        if ":streamGenerateContent" not in self.path or self.headers.get("x-goog-api-key") != "bench-key":
            self.send_error(400)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for i, text in enumerate(CHUNKS):
            body = {"candidates": [{"content": {"role": "model", "parts": [{"text": text}]}}], "modelVersion": "bench-model"}
            if i == len(CHUNKS) - 1:
                body["candidates"][0]["finishReason"] = "STOP"
                body["usageMetadata"] = {"promptTokenCount": 100, "candidatesTokenCount": 20, "totalTokenCount": 120}
            payload = ("data: " + json.dumps(body) + "\r\n\r\n").encode()
            if i == 0:
                # Taken before the write, so that the figure includes the provider's own send as well.
                first_chunk_sent[current["run"]] = time.monotonic()
            self.wfile.write(payload)
            self.wfile.flush()
            time.sleep(PAUSE)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", fake_port), FakeGemini)
threading.Thread(target=server.serve_forever, daemon=True).start()


def call(method, route, body=None, token=None):
    return client.call(base, method, route, body, token, timeout=60)


token = call("POST", "/api/v1/auth/register", {"email": f"ai-{time.time_ns()}@example.com", "password": "a benchmark passphrase 2026",
                                               "fullName": "AI Bench", "companyName": "AI Bench"})["accessToken"]
company = call("POST", "/api/v1/onboarding/company", {"basics": {"name": "Northwind Coffee", "industry": "Specialty coffee"},
                                                      "audience": {"targetAudience": "Home brewers", "coreProblem": "Stale coffee"}},
               token)["companyId"]

url = urllib.parse.urlparse(base)
latencies, to_session = [], []
for run in range(runs + 3):  # the first three warm the API up and are not counted
    current["run"] = run
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    started = time.monotonic()
    connection.request("POST", "/api/v1/ai/chat", json.dumps({"companyId": company, "message": "How long do customers have to return bags?"}),
                       {"content-type": "application/json", "authorization": "Bearer " + token, "accept": "text/event-stream"})
    response = connection.getresponse()
    assert response.status == 200, (response.status, response.read())
    buffer, first_delta, session_at, done = b"", None, None, False
    while not done:
        data = response.read1(65536)
        if not data:
            break
        now = time.monotonic()
        buffer += data
        while b"\n\n" in buffer:
            event, buffer = buffer.split(b"\n\n", 1)
            name = event.split(b"\n", 1)[0].removeprefix(b"event: ")
            if name == b"session" and session_at is None:
                session_at = now
            if name == b"delta" and first_delta is None:
                first_delta = now
            if name in (b"done", b"error"):
                assert name == b"done", event
                done = True
    connection.close()
    if run >= 3:
        latencies.append((first_delta - first_chunk_sent[run]) * 1000)
        to_session.append((session_at - started) * 1000)

latencies.sort()
p50 = statistics.median(latencies)
p95 = latencies[max(0, int(round(0.95 * len(latencies))) - 1)]
print(f"chat streams measured: {len(latencies)} (Gemini provider -> local fake streaming {len(CHUNKS)} chunks {int(PAUSE * 1000)} ms apart)")
print(f"provider's first chunk -> first SSE delta at the client: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {latencies[-1]:.1f} ms (target < 100 ms)")
print(f"request sent -> first SSE event (session) at the client: p50 {statistics.median(to_session):.1f} ms")
server.shutdown()
