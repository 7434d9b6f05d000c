import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ChatCitation } from './stream';
import styles from './chat.module.css';

interface AnswerTextProps {
  text: string;
  citations: ChatCitation[];
  onCite: (citation: ChatCitation) => void;
}

// The markers the API recognises in an answer (CitationMarkers in Application/Ai/Grounding.cs): [1] or [1, 3].
const markerPattern = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

/**
 * An answer as the strategist writes it: paragraphs, "- " lists, _emphasis_, and "[n]" markers, which become
 * numbered chips that open the cited file. A marker whose citation has not arrived yet stays as text.
 */
export function AnswerText({ text, citations, onCite }: AnswerTextProps) {
  const blocks: ReactNode[] = [];
  let list: string[] = [];
  let paragraph: string[] = [];
  const flushList = () => {
    if (list.length === 0) return;
    blocks.push(
      <ul key={`l${blocks.length}`}>
        {list.map((item, i) => (
          <li key={i}>{inline(item, citations, onCite)}</li>
        ))}
      </ul>,
    );
    list = [];
  };
  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    const lines = paragraph;
    blocks.push(
      <p key={`p${blocks.length}`}>
        {lines.map((line, i) => (
          <span key={i}>
            {i > 0 && <br />}
            {inline(line, citations, onCite)}
          </span>
        ))}
      </p>,
    );
    paragraph = [];
  };

  for (const line of text.split('\n')) {
    if (/^\s*[-*] /.test(line)) {
      flushParagraph();
      list.push(line.replace(/^\s*[-*] /, ''));
    } else if (line.trim() === '') {
      flushParagraph();
      flushList();
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return <div className={styles.answerText}>{blocks}</div>;
}

function inline(text: string, citations: ChatCitation[], onCite: (citation: ChatCitation) => void): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(markerPattern)) {
    const numbers = (match[1] ?? '').split(',').map((n) => Number(n.trim()));
    const cited = numbers.map((n) => citations.find((c) => c.marker === n));
    if (cited.some((c) => !c)) continue;
    parts.push(...emphasis(text.slice(last, match.index), parts.length));
    for (const citation of cited as ChatCitation[]) {
      parts.push(<CitationChip key={`c${parts.length}`} citation={citation} onCite={onCite} />);
    }
    last = match.index + match[0].length;
  }
  parts.push(...emphasis(text.slice(last), parts.length));
  return parts;
}

function emphasis(text: string, offset: number): ReactNode[] {
  if (!text) return [];
  return text
    .split(/(_[^_\n]+_)/)
    .map((piece, i) =>
      piece.length > 2 && piece.startsWith('_') && piece.endsWith('_') ? (
        <em key={`e${offset}-${i}`}>{piece.slice(1, -1)}</em>
      ) : (
        piece
      ),
    );
}

/** A cited passage of the workspace's own post results: computed from its metrics, shown on the analytics page. */
export function isResults(citation: ChatCitation): boolean {
  return citation.kind === 'results' && !!citation.link;
}

export function CitationChip({ citation, onCite }: { citation: ChatCitation; onCite: (citation: ChatCitation) => void }) {
  const where = citation.page ? `, page ${citation.page}` : '';
  if (isResults(citation)) {
    return (
      <Link
        to={citation.link!}
        className={`${styles.chip} ${styles.resultsChip}`}
        aria-label={`Source ${citation.marker}: ${citation.assetName}, on the analytics page`}
        title={`${citation.assetName}: open the analytics page`}
      >
        {citation.marker}
      </Link>
    );
  }
  return (
    <button
      type="button"
      className={styles.chip}
      onClick={() => onCite(citation)}
      aria-label={`Source ${citation.marker}: ${citation.assetName}${where}`}
      title={`${citation.assetName}${where}`}
    >
      {citation.marker}
    </button>
  );
}
