import { Fragment } from 'react';

export interface TextPart {
  text: string;
  mark: boolean;
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references an HTML encoder writes (&amp;lt; &amp;#39; &amp;#233; &amp;#x1F600;); leaves anything else as it is. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[entity.toLowerCase()] ?? whole;
  });
}

/**
 * Splits a snippet the search answers with (HTML-encoded text with <mark> around the matches) into plain text
 * parts, marked or not. Only the exact <mark> and </mark> tags mean anything; everything else is text, so whatever
 * a file contains is shown as text and never becomes markup.
 */
export function splitMarks(html: string): TextPart[] {
  const parts: TextPart[] = [];
  let mark = false;
  for (const token of html.split(/(<mark>|<\/mark>)/)) {
    if (token === '<mark>') mark = true;
    else if (token === '</mark>') mark = false;
    else if (token) parts.push({ text: decodeEntities(token), mark });
  }
  return parts;
}

/** A search snippet with its matches highlighted, rendered as React text nodes (never as HTML). */
export function Highlighted({ html }: { html: string }) {
  return (
    <>
      {splitMarks(html).map((part, index) =>
        part.mark ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </>
  );
}
