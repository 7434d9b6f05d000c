// Signs in with an API key, creates a post and schedules it for tomorrow.
//   BRANDAUTO_URL=https://app.example.com BRANDAUTO_API_KEY=ba_live_... node examples/schedule-post.mjs [network]
// The key needs the "Write content" and "Publish" permissions, and the workspace a connected account on the network.
import { pathToFileURL } from 'node:url';
import { createBrandAutomatorClient, newIdempotencyKey } from '../src/index.js';

/** Creates a post for `network` and schedules it at `at`; answers the scheduled post. */
export async function schedulePost({ baseUrl, apiKey, network = 'linkedIn', at, log = console.log }) {
  const client = createBrandAutomatorClient({ baseUrl, apiKey });

  // The same Idempotency-Key on a retry (after a timeout, say) returns the first post instead of making a second.
  const created = await client.POST('/api/v1/content', {
    body: {
      title: 'Made with the TypeScript SDK',
      variants: [{ platform: network, text: 'Our new collection is out today. Come and see it in store.', mediaAssetIds: [] }],
    },
    params: { header: { 'Idempotency-Key': newIdempotencyKey() } },
  });
  if (created.error) throw new Error(`Creating the post failed: ${created.error.detail ?? created.error.title}`);
  log(`Created post ${created.data.id} (${created.data.state}).`);

  const scheduled = await client.POST('/api/v1/automation/schedule-content', {
    body: { items: [{ id: created.data.id, at: at.toISOString() }] },
    params: { header: { 'Idempotency-Key': newIdempotencyKey() } },
  });
  if (scheduled.error) throw new Error(`Scheduling the post failed: ${scheduled.error.detail ?? scheduled.error.title}`);
  const [post] = scheduled.data;
  log(`Post ${post.id} is ${post.state} for ${post.scheduledAt}.`);
  return post;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const baseUrl = process.env.BRANDAUTO_URL;
  const apiKey = process.env.BRANDAUTO_API_KEY;
  if (!baseUrl || !apiKey) {
    console.error("Set BRANDAUTO_URL (the app's address) and BRANDAUTO_API_KEY (a key from Settings, API keys).");
    process.exit(64);
  }
  const tomorrow = new Date(Date.now() + 86_400_000);
  await schedulePost({ baseUrl, apiKey, network: process.argv[2] ?? 'linkedIn', at: tomorrow });
}
