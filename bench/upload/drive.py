"""Times a plain copy and the API upload of the same file; samples the API's resident memory during the upload."""
import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
import os as _os
import sys as _sys
_sys.path.insert(0, _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "..", "lib"))
import client  # noqa: E402

base, pid, path, copy_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
size = os.path.getsize(path)


def rss_mb():
    return client.rss_mb(pid)


def call(method, route, body=None, token=None):
    return client.call(base, method, route, body, token, timeout=60)


token = call("POST", "/api/v1/auth/register", {"email": f"upload-{time.time_ns()}@example.com", "password": "a benchmark passphrase 2026",
                                                "fullName": "Upload Bench", "companyName": "Upload Bench"})["accessToken"]

# Warm the upload path once with a small file, so that the measurement is of the upload, not of JIT compilation.
small = path + ".small.txt"
with open(small, "w") as f:
    f.write("warm-up " * 100)
subprocess.run(["curl", "-sf", "-o", "/dev/null", "-H", f"authorization: Bearer {token}", "-F", f"files=@{small}",
                f"{base}/api/v1/onboarding/assets/upload"], check=True)
os.remove(small)

subprocess.run(["sync"], check=True)
t0 = time.perf_counter()
subprocess.run(["cp", path, copy_path], check=True)
subprocess.run(["sync"], check=True)
copy_seconds = time.perf_counter() - t0
os.remove(copy_path)

baseline = rss_mb()
peak = baseline
done = threading.Event()


def sample():
    global peak
    while not done.is_set():
        peak = max(peak, rss_mb())
        time.sleep(0.05)


sampler = threading.Thread(target=sample)
sampler.start()
t0 = time.perf_counter()
result = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", f"authorization: Bearer {token}",
                         "-F", f"files=@{path};type=video/mp4", f"{base}/api/v1/onboarding/assets/upload"],
                        capture_output=True, text=True, check=True)
subprocess.run(["sync"], check=True)
upload_seconds = time.perf_counter() - t0
done.set()
sampler.join()
if result.stdout != "201":
    sys.exit(f"upload answered {result.stdout}")

growth = peak - baseline
mib = size / 1024 / 1024
print(f"file:                     {mib:.0f} MiB (MP4)")
print(f"plain copy (cp + sync):   {copy_seconds:.2f} s  = {mib / copy_seconds:.0f} MiB/s")
print(f"API upload (curl + sync): {upload_seconds:.2f} s  = {mib / upload_seconds:.0f} MiB/s")
print(f"throughput ratio upload/copy: {copy_seconds / upload_seconds:.2f}")
print(f"API memory (RSS) before {baseline:.0f} MB, peak {peak:.0f} MB: growth {growth:.1f} MB  (target < 64 MB: {'PASS' if growth < 64 else 'FAIL'})")
sys.exit(0 if growth < 64 else 1)
