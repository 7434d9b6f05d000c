"""The release step of bench/tenants: takes the latest tenant migration back in every schema with the Down script EF
generates for it, stops the API, and times `migrate` applying it again to every schema."""
import glob
import os
import re
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import psql  # noqa: E402

root, bench_dir, api_pid, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
migrations = sorted(os.path.basename(f)[:-3] for f in glob.glob(os.path.join(root, "src/Infrastructure/Persistence/Tenants/Migrations/*.cs"))
                    if not f.endswith(".Designer.cs") and not f.endswith("ModelSnapshot.cs"))
latest, previous = migrations[-1], migrations[-2]

# The Down script of the latest migration, as `dotnet ef` writes it for a DBA; each schema takes it in one transaction.
script_file = os.path.join(bench_dir, "down.sql")
subprocess.run(["dotnet", "tool", "restore"], cwd=root, check=True, stdout=subprocess.DEVNULL)
subprocess.run(["dotnet", "ef", "migrations", "script", latest, previous, "-p", "src/Infrastructure", "-s", "src/WebApi",
                "-c", "TenantDbContext", "--configuration", "Release", "--no-build", "-o", script_file],
               cwd=root, check=True, stdout=subprocess.DEVNULL)
down = "\n".join(line for line in open(script_file, encoding="utf-8-sig").read().splitlines()
                 if line.strip() not in ("START TRANSACTION;", "BEGIN TRANSACTION;", "COMMIT;"))

db = psql.Cluster(bench_dir)
schemas = db.query(f"SELECT schema_name FROM public.tenants WHERE schema_version = '{latest}' ORDER BY created_at").split()
started = time.perf_counter()
for i in range(0, len(schemas), 200):
    db.query("".join(f'BEGIN;\nSET LOCAL search_path TO "{s}";\n{down}\nCOMMIT;\n' for s in schemas[i:i + 200]))
db.query(f"UPDATE public.tenants SET schema_version = '{previous}' WHERE schema_version = '{latest}'")
print(f"release step: {latest} taken back in {len(schemas)} schemas with its Down script ({time.perf_counter() - started:.0f} s, not part of the figure)")

# Stop the API (and with it its cluster), then the production command on the same data.
os.kill(api_pid, signal.SIGTERM)
while os.path.exists(f"/proc/{api_pid}"):
    time.sleep(0.2)
dll = os.path.join(root, "src/WebApi/bin/Release/net10.0/BrandAutomator.WebApi.dll")
env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Development", Serilog__MinimumLevel__Default="Information")
started = time.perf_counter()
result = subprocess.run(["dotnet", dll, "migrate", f"--Embedded:DataDirectory={bench_dir}/data"], cwd=os.path.join(root, "src/WebApi"),
                        env=env, capture_output=True, text=True)
seconds = time.perf_counter() - started
upgraded = re.search(r"Upgrading (\d+) tenant schemas", result.stdout + result.stderr)
if result.returncode != 0 or not upgraded:
    print(result.stdout[-3000:], result.stderr[-3000:], file=sys.stderr)
    sys.exit(f"migrate failed (exit {result.returncode})")
n = int(upgraded.group(1))
verdict = f"target < 10 min: {'PASS' if seconds < 600 else 'FAIL'}" if n >= 10000 else "the target, < 10 min, is for 10,000 schemas"
print(f"migrate, {latest} applied to {n} schemas: {seconds:.1f} s, starting and stopping the embedded PostgreSQL included ({verdict})")
sys.exit(0 if n == len(schemas) else 1)
