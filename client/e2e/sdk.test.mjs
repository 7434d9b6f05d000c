// The TypeScript SDK's example, run as a customer's script would run it: a workspace makes an API key allowed to write
// content and publish, connects LinkedIn, and sdk/typescript/examples/schedule-post.mjs creates a post and schedules it
// with that key against the real API and PostgreSQL. No browser: the SDK is for code outside it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { schedulePost } from '../../sdk/typescript/examples/schedule-post.mjs';
import { baseUrl, password, pinnedClockNow, pinnedClock, uniqueEmail } from './support.mjs';

async function api(token, method, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${await response.clone().text()}`);
  return response.status === 204 ? null : response.json();
}

describe('typescript sdk', () => {
  test('the example creates a post and schedules it with an API key', async () => {
    const registered = await fetch(`${baseUrl}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: uniqueEmail('sdk'), password, fullName: 'Sam Script', companyName: 'Script Bakery' }),
    });
    assert.equal(registered.status, 201);
    const { accessToken } = await registered.json();
    await api(accessToken, 'POST', '/api/v1/social/connections', {
      platform: 'linkedIn',
      externalAccountId: 'urn:li:organization:4242',
      displayName: 'Script Bakery on LinkedIn',
      accessToken: 'at-sdk',
    });
    const { secret } = await api(accessToken, 'POST', '/api/v1/api-keys', {
      name: 'SDK example',
      scopes: ['contentWrite', 'publish'],
    });

    const now = pinnedClock ? pinnedClockNow() : new Date();
    const at = new Date(now.getTime() + 86_400_000);
    const lines = [];
    const post = await schedulePost({ baseUrl, apiKey: secret, network: 'linkedIn', at, log: (line) => lines.push(line) });

    assert.equal(post.state, 'scheduled');
    assert.ok(Math.abs(new Date(post.scheduledAt).getTime() - at.getTime()) < 60_000, `scheduled for ${post.scheduledAt}`);
    const stored = await api(accessToken, 'GET', `/api/v1/content/${post.id}`);
    assert.equal(stored.state, 'scheduled');
    assert.equal(stored.title, 'Made with the TypeScript SDK');
    assert.match(lines.join('\n'), /is scheduled for/);
  });
});
