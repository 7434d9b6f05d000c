import { describe, expect, it } from 'vitest';
import { countText, measure, platformLimits, xWeightedLength } from './limits';

describe('limits', () => {
  // Bluesky counts graphemes (maxGraphemes 300), as PlatformRules.CountGraphemes on the server.
  it.each([
    ['👨‍👩‍👧', 1],
    ['🇫🇷 Paris', 7],
    ['cafe\u0301', 4],
    ['Read https://example.com', 24],
  ])('Bluesky counts %j as %i', (text, expected) => {
    expect(countText('bluesky', text)).toBe(expected);
  });

  it('lets 300 family emoji through on Bluesky but not 301 letters', () => {
    expect(measure('bluesky', '👨‍👩‍👧'.repeat(300)).over).toBe(false);
    expect(measure('bluesky', 'a'.repeat(301)).over).toBe(true);
    expect(platformLimits.bluesky.name).toBe('Bluesky');
  });

  // The same cases as tests/Domain.Tests/XTextTests.cs: the composer and the server count alike.
  it.each([
    ['', 0],
    ['Hello, world', 12],
    ['café', 4],
    ['cafe\u0301', 4],
    ['日本語', 6],
    ['😀', 2],
    ['👩‍👩‍👧‍👦', 2],
    ['❤️', 2],
    ['“quoted” — dash', 15],
    ['Read https://example.com/a/very/long/path?with=query&and=more', 28],
    ['See http://x.co.', 28],
    ['two https://a.example https://b.example links', 57],
  ])('X weighs %j as %i', (text, expected) => {
    expect(xWeightedLength(text)).toBe(expected);
  });

  it('counts code points on the other networks', () => {
    expect(countText('linkedIn', '日本語')).toBe(3);
    expect(countText('instagram', '😀')).toBe(1);
    expect(countText('facebook', 'https://example.com/a/very/long/path/xyz')).toBe(40);
  });

  it('says when a text is over its network’s limit', () => {
    expect(measure('x', 'a'.repeat(278) + '😀')).toEqual({ length: 280, max: 280, remaining: 0, over: false });
    expect(measure('x', 'a'.repeat(279) + '😀').over).toBe(true);
    expect(measure('linkedIn', 'a'.repeat(2999) + '😀').over).toBe(false);
    expect(measure('googleBusiness', 'a'.repeat(1501)).over).toBe(true);
    expect(platformLimits.instagram.requiresMedia).toBe(true);
  });
});
