"""Shared by the bench/ drivers: JSON calls to the API and the API process's resident memory."""
import json
import urllib.request


def call(base, method, route, body=None, token=None, timeout=60):
    request = urllib.request.Request(base + route, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("content-type", "application/json")
    if token:
        request.add_header("authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read() or b"null")


def rss_mb(pid):
    """Resident memory of the process in MB, from /proc."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"process {pid} has no VmRSS")
