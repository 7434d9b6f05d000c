import { useState } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { Button } from '../../../components/Button';
import { Menu } from '../../../components/Menu';
import { useSnippets, type Snippet } from '../../snippets/api';
import { appendSnippet } from '../../snippets/template';
import { TemplateDialog } from './TemplateDialog';
import type { ComposerValues } from './schema';
import styles from './snippets.module.css';

type Form = UseFormReturn<ComposerValues>;

/** The text fields a snippet goes into: the shared text, or every chosen network's own. */
export function textPaths(values: Pick<ComposerValues, 'sameForAll' | 'platforms'>) {
  return values.sameForAll ? (['shared'] as const) : values.platforms.map((platform) => `texts.${platform}` as const);
}

/** Adds a snippet at the end of the post's text (every network's, when each has its own). */
export function insertSnippet(form: Form, snippet: Pick<Snippet, 'body'>) {
  for (const path of textPaths(form.getValues())) {
    form.setValue(path, appendSnippet(form.getValues(path) ?? '', snippet.body), { shouldDirty: true });
  }
}

/**
 * The brand's snippets in the composer: an Insert menu for its hashtag groups and signatures, and "Start from
 * template", which fills a template's variables and puts it in as the post's text.
 */
export function SnippetTools({ form }: { form: Form }) {
  const companyId = useWatch({ control: form.control, name: 'companyId' });
  const snippets = useSnippets(companyId || undefined);
  const [choosing, setChoosing] = useState(false);
  if (!companyId) {
    return <p className="field__hint">Choose a brand to insert its hashtag groups, signatures and templates.</p>;
  }
  const items = snippets.data?.items ?? [];
  const groups = items.filter((snippet) => snippet.kind === 'hashtagGroup');
  const signatures = items.filter((snippet) => snippet.kind === 'signature');
  const templates = items.filter((snippet) => snippet.kind === 'template');
  const section = (title: string, list: Snippet[], close: () => void) =>
    list.length > 0 && (
      <>
        <li className={styles.menuHeading} aria-hidden="true">
          {title}
        </li>
        {list.map((snippet) => (
          <li key={snippet.id}>
            <Button
              size="sm"
              variant="ghost"
              className={styles.menuItem}
              aria-label={`Insert ${title === 'Hashtag groups' ? 'hashtag group' : 'signature'} ${snippet.name}`}
              onClick={() => {
                insertSnippet(form, snippet);
                close();
              }}
            >
              {snippet.name}
            </Button>
          </li>
        ))}
      </>
    );

  return (
    <div className={styles.tools}>
      <Menu
        label="Insert a snippet"
        trigger={(props) => (
          <Button {...props} size="sm" icon="plus" disabled={snippets.isPending}>
            Insert
          </Button>
        )}
      >
        {(close) =>
          groups.length + signatures.length === 0 ? (
            <p className="small">This brand has no hashtag groups or signatures yet: add them in Settings, Snippets.</p>
          ) : (
            <ul className={styles.menuList}>
              {section('Hashtag groups', groups, close)}
              {section('Signatures', signatures, close)}
            </ul>
          )
        }
      </Menu>
      <Button size="sm" icon="file" onClick={() => setChoosing(true)} disabled={templates.length === 0}>
        Start from template
      </Button>
      {templates.length === 0 && snippets.isSuccess && <span className="field__hint">No templates for this brand yet.</span>}
      {choosing && <TemplateDialog form={form} templates={templates} onClose={() => setChoosing(false)} />}
    </div>
  );
}
