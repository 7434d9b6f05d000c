"""The embedded PostgreSQL cluster of a bench's API (bench/lib/api.sh): its port from the API's log, its password from
the data folder, statements through psql."""
import os
import re
import shutil
import subprocess


class Cluster:
    def __init__(self, bench_dir, port=None):
        self.bench_dir = bench_dir
        log = open(os.path.join(bench_dir, "api.log")).read()
        self.port = port or re.search(r"listening on 127\.0\.0\.1:(\d+)", log).group(1)
        password = open(os.path.join(bench_dir, "data", "postgres-password")).read().strip()
        self.env = dict(os.environ, PGHOST="127.0.0.1", PGPORT=str(self.port), PGDATABASE="brandautomator", PGUSER="postgres",
                        PGPASSWORD=password)
        self.psql = shutil.which("psql") or "/usr/lib/postgresql/15/bin/psql"

    def query(self, sql, single_transaction=False):
        """Runs SQL (several statements allowed) and returns what it printed, unaligned, tuples only."""
        args = [self.psql, "-X", "-v", "ON_ERROR_STOP=1", "-qAt"] + (["-1"] if single_transaction else []) + ["-f", "-"]
        done = subprocess.run(args, env=self.env, capture_output=True, text=True, input=sql)
        if done.returncode != 0:
            raise RuntimeError(f"psql failed ({done.returncode}): {done.stderr.strip()[:2000]}")
        return done.stdout

    def copy(self, sql, rows):
        """Runs `COPY ... FROM STDIN` with rows in COPY's text format (one per line), sent after it on the same input."""
        return self.query(f"{sql};\n{rows.rstrip(chr(10))}\n\\.\n")
