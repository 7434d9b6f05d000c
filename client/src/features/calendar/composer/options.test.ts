import { describe, expect, it } from 'vitest';
import {
  emptyOptions,
  isoToZoned,
  optionsFor,
  optionsIssues,
  scheduleIssues,
  tagsOf,
  youTubeTagLength,
  zonedToIso,
} from './options';

describe('network options', () => {
  it('turns a wall-clock time in the workspace’s zone into the instant, on either side of a clock change', () => {
    expect(zonedToIso('2026-10-24T09:00', 'Europe/Paris')).toBe('2026-10-24T07:00:00.000Z');
    expect(zonedToIso('2026-10-26T09:00', 'Europe/Paris')).toBe('2026-10-26T08:00:00.000Z');
    expect(zonedToIso('2026-11-05T17:00', 'America/New_York')).toBe('2026-11-05T22:00:00.000Z');
    expect(isoToZoned('2026-10-26T08:00:00Z', 'Europe/Paris')).toBe('2026-10-26T09:00');
  });

  it('counts YouTube tags as YouTube does and drops blanks and # signs', () => {
    expect(tagsOf(' #bread, sourdough starter ,, ')).toEqual(['bread', 'sourdough starter']);
    // 5 + (17 + 2 quotes) + 1 comma
    expect(youTubeTagLength(['bread', 'sourdough starter'])).toBe(25);
  });

  it('sends each network only its own settings, with TikTok’s privacy unset until chosen', () => {
    const values = emptyOptions();
    values.pinterest = { boardId: ' 42 ', title: '', link: '' };
    expect(optionsFor('pinterest', values, 'UTC')).toMatchObject({ boardId: '42', title: null, link: null });
    expect(optionsFor('linkedIn', values, 'UTC')).toBeUndefined();
    expect(optionsFor('tikTok', values, 'UTC')).toMatchObject({ privacy: null, disableComment: false });
    values.youTube = { title: 'Bread', privacy: 'private', tags: 'a, b', publishAt: '2026-11-05T17:00' };
    expect(optionsFor('youTube', values, 'Europe/Paris')).toMatchObject({
      title: 'Bread',
      privacy: 'private',
      tags: ['a', 'b'],
      publishAt: '2026-11-05T16:00:00.000Z',
    });
  });

  it('says in words what a post still needs before it is scheduled, and what is over a limit as it is typed', () => {
    const values = emptyOptions();
    const missing = scheduleIssues(['pinterest', 'youTube', 'tikTok'], values, 0).map((issue) => issue.message);
    expect(missing).toEqual([
      'Pinterest needs an image or a video. YouTube needs a video. TikTok needs a video.',
      'Give the YouTube video a title.',
      'Choose who can see the video on TikTok.',
      'Choose the board the pin goes to.',
    ]);
    values.youTube = { title: 'x'.repeat(101), privacy: 'public', tags: '', publishAt: '2026-11-05T17:00' };
    values.pinterest = { boardId: '1', title: '', link: 'not a link' };
    expect(optionsIssues(['youTube', 'pinterest'], values).map((issue) => issue.path.join('.'))).toEqual([
      'options.pinterest.link',
      'options.youTube.title',
      'options.youTube.privacy',
    ]);
  });
});
