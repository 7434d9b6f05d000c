import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Highlighted, splitMarks } from './Highlighted';

describe('search snippets', () => {
  it('splits on the mark tags and decodes the encoded text', () => {
    expect(splitMarks('Trail &amp; road <mark>running</mark> &#39;gear&#39; for caf&#233;s')).toEqual([
      { text: 'Trail & road ', mark: false },
      { text: 'running', mark: true },
      { text: " 'gear' for cafés", mark: false },
    ]);
  });

  it('shows markup from a file as text, never as elements', () => {
    const { container } = render(
      <p>
        <Highlighted html={'&lt;img src=x onerror=alert(1)&gt; <mark>logo</mark> <b>bold</b>'} />
      </p>,
    );

    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelectorAll('mark')).toHaveLength(1);
    expect(container.textContent).toBe('<img src=x onerror=alert(1)> logo <b>bold</b>');
  });
});
