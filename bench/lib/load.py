"""Shared by bench/api and bench/soak: an open-loop load driver at a fixed rate, and wrk for maximum throughput.

The fixed-rate driver sends request i at t0 + i/rate whether or not earlier answers have come back (each on an idle
kept-alive HTTP/1.1 connection, or a new one), and times each answer from the moment it was due, not from when it was
sent: a stalled server shows in the latencies instead of slowing the driver down (no coordinated omission), as wrk2 does.
"""
import asyncio
import re
import shutil
import subprocess
import sys
import urllib.parse


class Request:
    """One request of a fixed-rate run; on_done(status, body) may read what the API answered."""
    __slots__ = ("op", "method", "path", "headers", "body", "on_done")

    def __init__(self, op, method, path, headers=None, body=None, on_done=None):
        self.op, self.method, self.path, self.headers, self.body, self.on_done = op, method, path, headers or {}, body, on_done


class Results(list):
    """The answers of a fixed-rate run; `stopped_after` (seconds) is set when the API fell so far behind that the run
    was cut short (more than `max_in_flight` requests waiting), which is itself the finding."""
    stopped_after = None


class Result:
    __slots__ = ("op", "status", "latency_ms")

    def __init__(self, op, status, latency_ms):
        self.op, self.status, self.latency_ms = op, status, latency_ms


async def _read_response(reader):
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("the server closed the connection")
    status = int(status_line.split()[1])
    headers = {}
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        parts = []
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            if size == 0:
                while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                    pass
                break
            parts.append(await reader.readexactly(size))
            await reader.readline()
        body = b"".join(parts)
    else:
        body = b""
    return status, body, headers.get("connection", "").lower() != "close"


async def _fixed_rate(base, rate, seconds, next_request, timeout, max_in_flight):
    url = urllib.parse.urlparse(base)
    host, port = url.hostname, url.port or 80
    idle = []
    results = Results()
    loop = asyncio.get_running_loop()

    async def exchange(connection, request):
        reader, writer = connection
        body = request.body or b""
        head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {host}:{port}", f"Content-Length: {len(body)}"]
        head += [f"{k}: {v}" for k, v in request.headers.items()]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
        return await asyncio.wait_for(_read_response(reader), timeout)

    async def one(request, due):
        connection = idle.pop() if idle else None
        try:
            if connection is not None:
                try:
                    answer = await exchange(connection, request)
                except ConnectionError:
                    # The server closed this kept-alive connection while it was idle (keep-alive timeout) before
                    # reading the request: nothing was processed, so it goes again on a new connection, as browsers do.
                    connection[1].close()
                    connection = None
            if connection is None:
                connection = await asyncio.open_connection(host, port)
                answer = await exchange(connection, request)
            status, body, keep = answer
            results.append(Result(request.op, status, (loop.time() - due) * 1000))
            if keep:
                idle.append(connection)
            else:
                connection[1].close()
            if request.on_done:
                request.on_done(status, body)
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError) as error:
            results.append(Result(request.op, 0, (loop.time() - due) * 1000))
            print(f"  {request.op}: {type(error).__name__} {error}", file=sys.stderr)
            if connection is not None:
                connection[1].close()

    total = int(rate * seconds)
    tasks = set()
    t0 = loop.time() + 0.05
    i = 0
    while i < total:
        delay = t0 + i / rate - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        now = loop.time()
        if len(tasks) > max_in_flight:
            results.stopped_after = now - t0
            break
        while i < total and t0 + i / rate <= now:
            task = asyncio.ensure_future(one(next_request(i), t0 + i / rate))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
            i += 1
    if tasks:
        await asyncio.gather(*tasks)
    for _, writer in idle:
        writer.close()
    return results


def fixed_rate(base, rate, seconds, next_request, timeout=30, max_in_flight=None):
    """Sends next_request(i) at `rate` per second for `seconds`; returns one Result per request (status 0: no answer).
    More than `max_in_flight` unanswered requests (default: two seconds' worth) stops the run early."""
    return asyncio.run(_fixed_rate(base, rate, seconds, next_request, timeout, max_in_flight or max(50, 2 * rate)))


def percentile(values, p):
    """Nearest-rank percentile of a list of numbers."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def require_wrk():
    """wrk from Debian's package; installed with apt-get when missing and running as root, otherwise the command is printed."""
    if shutil.which("wrk"):
        return
    import os
    if os.geteuid() == 0:
        print("Installing wrk (Debian package) ...", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, stdout=subprocess.DEVNULL)
        if not shutil.which("wrk"):
            subprocess.run(["apt-get", "update", "-qq"], check=True, stdout=subprocess.DEVNULL)
            subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)
        return
    sys.exit("bench/api needs wrk: sudo apt-get install -y wrk")


def wrk(url, seconds, connections, threads=2, headers=None):
    """Maximum throughput of GETs of `url` with wrk (closed loop, kept-alive connections): requests/s and non-2xx count."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(command + [url], check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors:.*", output)
    return rps, int(non_2xx.group(1)) if non_2xx else 0, errors.group(0) if errors else ""


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])
