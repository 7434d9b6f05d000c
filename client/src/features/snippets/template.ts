/** The variables a post template may use, as the API knows them (GET /api/v1/snippets lists them too). */
export const knownVariables = ['brand', 'product', 'link', 'website'] as const;

export type TemplateValues = Partial<Record<(typeof knownVariables)[number], string>>;

const variablePattern = /\{\s*([^{}\s][^{}]{0,40}?)\s*\}/g;

/** The variables a template uses, in order, without repeats. */
export function variablesOf(text: string): string[] {
  const seen: string[] = [];
  for (const match of text.matchAll(variablePattern)) {
    const name = (match[1] ?? '').trim();
    if (!seen.some((known) => known.toLowerCase() === name.toLowerCase())) seen.push(name);
  }
  return seen;
}

/** The variables a template uses that are not known: the same check the API makes. */
export function unknownVariables(text: string): string[] {
  return variablesOf(text).filter((name) => !(knownVariables as readonly string[]).includes(name.toLowerCase()));
}

/** The template with each variable that has a value filled in; the others stay as written, for the author to see. */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(variablePattern, (whole, name: string) => {
    const value = values[name.trim().toLowerCase() as keyof TemplateValues];
    return value ? value : whole;
  });
}

/** A hashtag group's text as the API keeps it: each tag with its #, separated by spaces, without repeats. */
export function hashtagsOf(text: string): string[] {
  const tags: string[] = [];
  for (const raw of text.split(/[\s,]+/).filter(Boolean)) {
    const tag = raw.startsWith('#') ? raw : `#${raw}`;
    if (!tags.some((known) => known.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  }
  return tags;
}

/** Hashtags that cannot be used: only letters, digits and _ may follow the #. */
export function badHashtags(text: string): string[] {
  return hashtagsOf(text).filter((tag) => !/^#[\p{L}\p{N}_]+$/u.test(tag));
}

/** The text with a snippet added at its end, after a blank line (or alone, when the text is empty). */
export function appendSnippet(text: string, addition: string): string {
  const trimmed = text.replace(/\s+$/, '');
  return trimmed ? `${trimmed}\n\n${addition.trim()}` : addition.trim();
}
