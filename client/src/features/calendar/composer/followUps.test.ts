import { describe, expect, it } from 'vitest';
import { countText } from '../limits';
import { emptyFollowUps, followUpIssues, followUpsOf, splitIntoThread, withFollowUps } from './followUps';
import { formPathOf, toValues } from './schema';

// A sentence starts with a capital letter: after a full stop, a lower-case word goes on the same sentence.
const sentence = (words: number, word = 'bread') =>
  `${word[0]!.toUpperCase()}${word.slice(1)} ${Array.from({ length: words - 1 }, () => word).join(' ')}.`;

describe('first comments and threads', () => {
  it('splits a long text at sentence boundaries, each part within 280 as X counts', () => {
    const text = [sentence(30), sentence(20, 'oven'), sentence(25, 'crust'), 'Open at seven!'].join(' ');
    const parts = splitIntoThread(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(countText('x', part)).toBeLessThanOrEqual(280);
    // Every part ends where a sentence ends, and together they are the text.
    for (const part of parts.slice(0, -1)) expect(part).toMatch(/[.!?]$/);
    expect(parts.join(' ')).toBe(text);
  });

  it('cuts a sentence longer than a part between words, and counts a link as 23', () => {
    const long = sentence(80);
    const parts = splitIntoThread(long);
    expect(parts.length).toBe(2);
    expect(parts.join(' ')).toBe(long);
    const linked = `${'a'.repeat(250)}. See https://example.com/${'x'.repeat(100)} today.`;
    expect(splitIntoThread(linked)).toEqual([`${'a'.repeat(250)}.`, `See https://example.com/${'x'.repeat(100)} today.`]);
    expect(splitIntoThread('Short.')).toEqual(['Short.']);
  });

  it('sends a first comment only where it is taken, and the thread only on X', () => {
    const values = emptyFollowUps();
    values.firstComments.linkedIn = ' Link in here ';
    values.firstComments.x = 'Reply';
    values.thread = [{ text: ' Two ' }];
    expect(withFollowUps('linkedIn', undefined, values)).toMatchObject({ firstComment: 'Link in here' });
    expect(withFollowUps('linkedIn', undefined, values)?.thread).toBeUndefined();
    expect(withFollowUps('x', undefined, values)).toMatchObject({ firstComment: 'Reply', thread: ['Two'] });
    expect(withFollowUps('bluesky', undefined, values)).toBeUndefined();
  });

  it('names an empty part and a part or comment over its limit', () => {
    const values = emptyFollowUps();
    values.thread = [{ text: 'ok' }, { text: ' ' }, { text: 'a'.repeat(281) }];
    values.firstComments.linkedIn = 'c'.repeat(1251);
    const issues = followUpIssues(['x', 'linkedIn'], values);
    expect(issues.map((issue) => issue.path.join('.'))).toEqual([
      'followUps.firstComments.linkedIn',
      'followUps.thread.1.text',
      'followUps.thread.2.text',
    ]);
    expect(issues[1]!.message).toBe('Part 3 of the thread is empty: write it or remove it.');
    // A network not chosen is not checked.
    expect(followUpIssues(['facebook'], values)).toEqual([]);
  });

  it('reads a saved post back and places the server’s field errors on the parts', () => {
    const variants = [
      {
        platform: 'x' as const,
        text: 'One',
        mediaAssetIds: [],
        options: {
          thread: ['Two', 'Three'],
          firstComment: 'Four',
          disableComment: false,
          disableDuet: false,
          disableStitch: false,
        },
      },
      {
        platform: 'facebook' as const,
        text: 'One',
        mediaAssetIds: [],
        options: { firstComment: 'Hi', disableComment: false, disableDuet: false, disableStitch: false },
      },
    ];
    const read = followUpsOf(variants);
    expect(read.thread).toEqual([{ text: 'Two' }, { text: 'Three' }]);
    expect(read.firstComments).toMatchObject({ x: 'Four', facebook: 'Hi', linkedIn: '' });
    const values = { ...toValues(undefined, 'UTC'), platforms: ['x' as const, 'facebook' as const] };
    expect(formPathOf('variants[0].options.thread[1]', values)).toBe('followUps.thread.1.text');
    expect(formPathOf('variants[1].options.firstComment', values)).toBe('followUps.firstComments.facebook');
  });
});
