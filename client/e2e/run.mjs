// End-to-end journeys against the real API and PostgreSQL: builds the SPA and the API, starts the API on a free
// loopback port with its own embedded PostgreSQL cluster in a temporary folder (as bench/lib/api.sh does), runs
// e2e/*.test.mjs in Chromium from Debian's package (playwright-core, never a downloaded browser), then stops the
// API. Screenshots go to artifacts/screenshots/. Exits non-zero when a build, the API or a journey fails.
//
//   npm run e2e                          build the SPA and the API, then run
//   E2E_SKIP_API_BUILD=1 npm run e2e     reuse the API's Release build (test.sh has just built the solution)
//   E2E_SKIP_BUILD=1 npm run e2e         reuse both builds
//   E2E_ONLY=setup npm run e2e           only the journey files whose names contain "setup" (or one of a,b,c)
//   E2E_CLOCK=2026-12-31T23:30:00+01:00 npm run e2e
//                                        the API's clock (Testing:ClockStart) and every browser's start at that
//                                        instant and run on from there, whatever the real date
//
// Journey files whose names contain "checkout" also get a second API with billing on, talking to a fake Stripe
// (e2e/billing-instance.mjs, e2e/fakes/stripe.mjs); the others run against the self-hosted instance (billing off).
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPlatforms } from './fakes/platforms.mjs';
import { needsBilling, startBillingInstance } from './billing-instance.mjs';
import { env as oauthEnv } from './fakes/oauth.mjs';
import { env as oidcEnv } from './fakes/oidc.mjs';

const clientDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = path.resolve(clientDir, '..');
const apiProject = path.join(repoRoot, 'src', 'WebApi', 'WebApi.csproj');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
}

const handedOut = new Set();

/** A loopback port nothing listens on now, never one this run has handed out before. */
async function freePort() {
  for (;;) {
    const port = await anyFreePort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

function anyFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url, api, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) return false;
    try {
      const response = await fetch(`${url}/health/ready`);
      if (response.ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

function stopApi(api) {
  return new Promise((resolve) => {
    if (api.exitCode !== null || api.signalCode !== null) return resolve();
    const timer = setTimeout(() => api.kill('SIGKILL'), 30_000);
    api.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    // SIGTERM lets the API stop its embedded PostgreSQL cluster before it exits.
    api.kill('SIGTERM');
  });
}

if (!existsSync(chromium)) {
  console.error(`${chromium} is missing. Install Debian's Chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

if (!process.env.E2E_SKIP_BUILD) {
  console.log('==> Building the SPA');
  run('npm', ['run', 'build'], { cwd: clientDir });
  if (!process.env.E2E_SKIP_API_BUILD) {
    console.log('==> Building the API (Release)');
    run('dotnet', ['build', apiProject, '-c', 'Release', '--nologo', '-v', 'quiet']);
  }
}
if (!existsSync(path.join(repoRoot, 'src', 'WebApi', 'wwwroot', 'index.html'))) {
  console.error('src/WebApi/wwwroot/index.html is missing: run `npm run build` in client/ first.');
  process.exit(1);
}

const dll = spawnSync('dotnet', ['msbuild', apiProject, '-getProperty:TargetPath', '-p:Configuration=Release'], {
  encoding: 'utf8',
}).stdout.trim();

if (!existsSync(dll)) {
  console.error(`${dll || 'The API build'} is missing: build it with \`dotnet build src/WebApi -c Release\`.`);
  process.exit(1);
}

const work = mkdtempSync(path.join(tmpdir(), 'brandauto-e2e-'));
// As root the embedded cluster runs as the postgres user, which must be able to reach the data folder.
chmodSync(work, 0o755);
const dataDir = path.join(work, 'data');
const logPath = path.join(work, 'api.log');
const log = createWriteStream(logPath);

// The social networks the publisher posts to, faked on loopback.
const platforms = await startPlatforms();
// A fake OAuth server for LinkedIn in its own process (the journeys run while this one waits on them).
const oauthUrl = `http://127.0.0.1:${await freePort()}`;
const oauth = spawn(process.execPath, [path.join(clientDir, 'e2e', 'fakes', 'oauth.mjs'), new URL(oauthUrl).port], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) => oauth.stdout.once('data', resolve));
Object.assign(process.env, oauthEnv(oauthUrl));
// Fake OpenID Connect providers for "Continue with Google / LinkedIn", in their own process too.
const oidcUrl = `http://127.0.0.1:${await freePort()}`;
const oidc = spawn(process.execPath, [path.join(clientDir, 'e2e', 'fakes', 'oidc.mjs'), new URL(oidcUrl).port], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) => oidc.stdout.once('data', resolve));
Object.assign(process.env, oidcEnv(oidcUrl));
// The API's port is chosen last, just before it starts: a port freed by freePort went to one of the fakes above, which
// listen on any free port, and the API then found it taken.
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;

console.log(
  `==> Starting the API on ${baseUrl} (data in ${dataDir})${process.env.E2E_CLOCK ? `, clocks pinned to ${process.env.E2E_CLOCK}` : ''}`,
);
const apiEnv = {
  ...process.env,
  ASPNETCORE_ENVIRONMENT: 'Development',
  // The journeys sign up and sign in many times from one address.
  RateLimits__PerUserPerMinute: '100000',
  RateLimits__AuthPerIpPerMinute: '100000',
  RateLimits__AnonymousPerIpPerMinute: '100000',
  RateLimits__AccountEmailsPerIpPerHour: '100000',
  RateLimits__CodeChecksPerMinute: '100000',
  // The journeys invite and subscribe right after sign-up; the accounts journey confirms an address through its link.
  Accounts__RequireVerifiedEmail: 'false',
  Email__PublicBaseUrl: baseUrl,
  // As behind any proxy, the public address that links leaving the browser carry (media for the networks) is not the
  // address the browser uses: images in the SPA must load from wherever it is served (relative links), never from this.
  Storage__PublicBaseUrl: 'https://media.brand.example',
  Serilog__MinimumLevel__Default: 'Warning',
  ...platforms.environment,
  ...(process.env.E2E_CLOCK ? { Testing__ClockStart: process.env.E2E_CLOCK } : {}),
};
const api = spawn('dotnet', [dll, '--urls', baseUrl, `--Embedded:DataDirectory=${dataDir}`], {
  cwd: path.join(repoRoot, 'src', 'WebApi'),
  env: apiEnv,
  stdio: ['ignore', 'pipe', 'pipe'],
});
api.stdout.pipe(log);
api.stderr.pipe(log);

let exitCode = 1;
let billing = null;
const interrupt = async () => {
  await billing?.stop();
  oauth.kill('SIGTERM');
  oidc.kill('SIGTERM');
  await stopApi(api);
  await platforms.stop();
  process.exit(130);
};
process.once('SIGINT', interrupt);
process.once('SIGTERM', interrupt);

try {
  if (!(await waitUntilReady(baseUrl, api, 120))) {
    console.error('The API did not become ready. Its log:\n' + readFileSync(logPath, 'utf8'));
  } else {
    const screenshots = path.join(repoRoot, 'artifacts', 'screenshots');
    rmSync(screenshots, { recursive: true, force: true });
    const files = readdirSync(path.join(clientDir, 'e2e'))
      .filter(
        (file) =>
          file.endsWith('.test.mjs') &&
          (!process.env.E2E_ONLY || process.env.E2E_ONLY.split(',').some((part) => file.includes(part.trim()))),
      )
      .sort()
      .map((file) => path.join('e2e', file));
    // Journeys that buy a plan get a second API with billing on and a fake Stripe (e2e/billing-instance.mjs).
    if (needsBilling(files)) {
      billing = await startBillingInstance({
        dll,
        cwd: path.join(repoRoot, 'src', 'WebApi'),
        work,
        env: apiEnv,
        freePort,
        waitUntilReady,
        stopApi,
      });
    }
    console.log(`==> Journeys in Chromium (${files.join(', ')})`);
    const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
      cwd: clientDir,
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_BASE_URL: baseUrl,
        E2E_DATA_DIR: dataDir,
        E2E_SCREENSHOTS: screenshots,
        CHROMIUM_PATH: chromium,
        E2E_PLATFORMS_URL: platforms.url,
        // The APIs' clocks started at E2E_CLOCK when they did and have run on since: a journey's browser starts from
        // this moment's equivalent, not from E2E_CLOCK itself, so that a journey late in the run is not minutes behind.
        ...(process.env.E2E_CLOCK ? { E2E_CLOCK_SET_AT: String(Date.now()) } : {}),
        ...billing?.env,
      },
    });
    exitCode = result.status ?? 1;
    console.log(`Screenshots: ${screenshots}`);
  }
} catch (error) {
  console.error(error.message);
} finally {
  await billing?.stop();
  await stopApi(api);
  await platforms.stop();
  oauth.kill('SIGTERM');
  oidc.kill('SIGTERM');
  if (exitCode !== 0) {
    const kept = path.join(repoRoot, 'artifacts', 'e2e', 'api.log');
    mkdirSync(path.dirname(kept), { recursive: true });
    copyFileSync(logPath, kept);
    if (billing) copyFileSync(billing.logPath, path.join(path.dirname(kept), 'billing-api.log'));
    console.error(`The journeys failed. The API's log is kept at ${path.relative(repoRoot, kept)}.`);
  }
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
