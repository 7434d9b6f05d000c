// The brand guard: a workspace's brand guide and price lists (the 2024 list archived, superseded by the 2026 one) are
// uploaded; a post with a word the guide bans and an old price shows two findings in the composer, each with its
// source; the one-click fixes clear them; a post the check blocks is scheduled only after the admin confirms, and the
// audit log shows it; the approvals page shows the findings next to a post.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { baseUrl, callApi, checkPage, heading, launchBrowser, newUser, signUp, uniqueEmail } from './support.mjs';

const owner = { name: 'Rosa Spokes', email: uniqueEmail('rosa'), company: 'Pedal & Pine' };
const guide = `# Pedal & Pine brand guide

## Tone of voice

We sound like a patient guide on a forest trail: warm, plain and practical, never pushy.

## Words we avoid

Never use these words in anything we publish:

- "cheap" (say "affordable" or give the price)
- "epic"

## Hashtags

Every post carries #PedalAndPine.
`;
const prices2026 =
  '# Price list 2026\n\n| Service | Price |\n| --- | --- |\n| Full service | £119 |\n| Puncture repair | £14 |\n';
const prices2024 =
  '# Price list 2024 (superseded)\n\n| Service | Price |\n| --- | --- |\n| Full service | £95 |\n| Puncture repair | £11 |\n';

let browser;
let rosa;

async function upload(page, name, text) {
  const session = await page.evaluate(() => JSON.parse(localStorage.getItem('brandauto.session')));
  const response = await page.request.post(`${baseUrl}/api/v1/onboarding/assets/upload`, {
    headers: { Authorization: `Bearer ${session.accessToken}` },
    multipart: { files: { name, mimeType: 'text/markdown', buffer: Buffer.from(text, 'utf8') } },
  });
  assert.equal(response.status(), 201, await response.text());
  const [asset] = await response.json();
  for (let i = 0; i < 120; i++) {
    const current = await callApi(page, 'GET', `/api/v1/assets/${asset.id}`);
    if (current.state === 'ready') return current.id;
    assert.notEqual(current.state, 'failed', `${name} could not be processed`);
    await page.waitForTimeout(500);
  }
  throw new Error(`${name} was not processed in time`);
}

describe('brand guard', { concurrency: false }, () => {
  before(async () => {
    browser = await launchBrowser();
    rosa = await newUser(browser);
    await signUp(rosa.page, owner);
    await upload(rosa.page, 'brand-guide.md', guide);
    const current = await upload(rosa.page, 'prices-2026.md', prices2026);
    const old = await upload(rosa.page, 'prices-2024.md', prices2024);
    await callApi(rosa.page, 'POST', `/api/v1/assets/${old}/archive`, { supersededBy: current });
    // Posts are only scheduled to networks with a working account: LinkedIn's, as the composer's own journey connects it.
    await callApi(rosa.page, 'POST', '/api/v1/social/connections', {
      platform: 'linkedIn',
      externalAccountId: 'urn:li:organization:5151',
      displayName: `${owner.company} on LinkedIn`,
      accessToken: 'e2e-linkedin-token',
    });
  });

  after(async () => {
    await browser?.close();
  });

  test('a banned word and an old price show two findings with their sources; the one-click fixes clear them', async () => {
    const { page } = rosa;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await heading(page, 'Calendar');
    await page.getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.getByLabel('Title').fill('Spring service');
    await dialog.getByLabel('Text', { exact: true }).fill('Cheap full service, now £95. Book this week! #PedalAndPine');

    const panel = dialog.getByRole('region', { name: 'Check against your brand' });
    const banned = panel.getByText('The brand never uses “cheap”; say “affordable” instead.');
    await banned.waitFor({ timeout: 30_000 });
    await panel.getByText('From “brand-guide.md”:').first().waitFor();
    const oldPrice = panel.getByText(/“£95”, a figure from “prices-2024\.md”, which is archived: “prices-2026\.md” gives £119\./);
    await oldPrice.waitFor();
    await panel.getByText('From “prices-2026.md”:').waitFor();
    await checkPage(page, 'composer-brand-check');

    await panel.getByRole('button', { name: 'Replace with “Affordable”' }).click();
    await panel.getByRole('button', { name: 'Use £119' }).click();
    assert.equal(
      await dialog.getByLabel('Text', { exact: true }).inputValue(),
      'Affordable full service, now £119. Book this week! #PedalAndPine',
    );
    await banned.waitFor({ state: 'detached', timeout: 30_000 });
    await oldPrice.waitFor({ state: 'detached', timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    rosa.assertNoErrors();
  });

  test('scheduling a post the check blocks needs the admin to confirm, and the audit log records it', async () => {
    const { page } = rosa;
    await page.getByRole('button', { name: 'New post' }).click();
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.getByLabel('Title').fill('Epic ride');
    await dialog.getByLabel('Text', { exact: true }).fill('An epic ride through the pines this Sunday. #PedalAndPine');
    await dialog
      .getByRole('region', { name: 'Check against your brand' })
      .getByText('Blocks scheduling')
      .waitFor({ timeout: 30_000 });

    await dialog.getByRole('button', { name: 'Schedule' }).click();
    const confirm = page.getByRole('dialog', { name: 'Schedule despite the brand check?' });
    await confirm.getByText(/“Epic ride” has \d findings? that blocks? scheduling/).waitFor({ timeout: 30_000 });
    await checkPage(page, 'brand-check-confirm');
    await confirm.getByRole('button', { name: 'Schedule anyway' }).click();
    await page.getByText('The post is scheduled; your confirmation was recorded.').waitFor();

    const session = await page.evaluate(() => JSON.parse(localStorage.getItem('brandauto.session')));
    await page.goto(`${baseUrl}/app/settings/audit-log`);
    await page.getByText('Brand check overridden').first().waitFor();
    const log = await callApi(page, 'GET', `/api/v1/tenants/${session.tenant.id}/audit-log`);
    assert.ok(log.items.some((e) => e.type === 'BrandGuardOverridden' && e.detail.includes('Epic ride')));
    rosa.assertNoErrors();
  });
});
