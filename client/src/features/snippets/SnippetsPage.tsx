import { useState } from 'react';
import { errorMessage } from '../../api';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, QueryState } from '../../components/States';
import { hasRole, useSession } from '../auth/useSession';
import { BrandChoice, BrandSelect } from '../brands/BrandChoice';
import { SnippetForm } from './SnippetForm';
import { snippetKindLabels, useDeleteSnippet, useSnippets, type Snippet, type SnippetKind } from './api';

const order: SnippetKind[] = ['hashtagGroup', 'signature', 'template'];
const groupTitles: Record<SnippetKind, string> = {
  hashtagGroup: 'Hashtag groups',
  signature: 'Signatures',
  template: 'Post templates',
};

/**
 * A brand's snippets: hashtag groups and signatures the composer's Insert menu adds to a post, and post templates it
 * starts from (with {brand}, {product}, {link} and {website} filled in). AI drafts can close with them too.
 */
export default function SnippetsPage() {
  return (
    <BrandChoice needed="snippets and templates belong to a brand.">
      {({ companyId, brands, onBrand }) => (
        <div className="stack">
          {brands.length > 1 && <BrandSelect brands={brands} value={companyId} onChange={onBrand} />}
          <BrandSnippets key={companyId} companyId={companyId} />
        </div>
      )}
    </BrandChoice>
  );
}

function BrandSnippets({ companyId }: { companyId: string }) {
  const snippets = useSnippets(companyId);
  const canEdit = hasRole(useSession(), 'editor');
  return (
    <>
      <section className="card" aria-labelledby="snippets-title">
        <div className="card__header">
          <div>
            <h2 id="snippets-title" className="card__title">
              Snippets and templates
            </h2>
            <p className="card__subtitle">Insert them while writing a post, or start a post from a template.</p>
          </div>
        </div>
        <div className="card__body stack">
          <QueryState query={snippets} loadingLabel="Loading snippets">
            {(list) =>
              list.items.length === 0 ? (
                <EmptyState icon="file" title="No snippets yet">
                  Add a hashtag group, a signature or a post template below.
                </EmptyState>
              ) : (
                order
                  .filter((kind) => list.items.some((snippet) => snippet.kind === kind))
                  .map((kind) => (
                    <SnippetGroup
                      key={kind}
                      kind={kind}
                      snippets={list.items.filter((snippet) => snippet.kind === kind)}
                      companyId={companyId}
                      canEdit={canEdit}
                    />
                  ))
              )
            }
          </QueryState>
        </div>
      </section>
      {canEdit && (
        <section className="card" aria-labelledby="add-snippet-title">
          <div className="card__header">
            <h2 id="add-snippet-title" className="card__title">
              Add a snippet
            </h2>
          </div>
          <div className="card__body">
            <SnippetForm companyId={companyId} />
          </div>
        </section>
      )}
    </>
  );
}

interface SnippetGroupProps {
  kind: SnippetKind;
  snippets: Snippet[];
  companyId: string;
  canEdit: boolean;
}

function SnippetGroup({ kind, snippets, companyId, canEdit }: SnippetGroupProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Snippet | null>(null);
  const remove = useDeleteSnippet();
  const titleId = `snippets-${kind}`;
  return (
    <div className="stack stack--sm">
      <h3 id={titleId} className="card__title">
        {groupTitles[kind]}
      </h3>
      <ul className="stack stack--sm" aria-labelledby={titleId}>
        {snippets.map((snippet) => (
          <li key={snippet.id} className="card card__body stack stack--sm">
            {editing === snippet.id ? (
              <SnippetForm companyId={companyId} snippet={snippet} onDone={() => setEditing(null)} />
            ) : (
              <>
                <strong>{snippet.name}</strong>
                <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}>{snippet.body}</p>
                {canEdit && (
                  <div className="cluster">
                    <Button size="sm" onClick={() => setEditing(snippet.id)} aria-label={`Edit ${snippet.name}`}>
                      Edit
                    </Button>
                    <Button
                      size="sm"
                      variant="danger-ghost"
                      onClick={() => setDeleting(snippet)}
                      aria-label={`Delete ${snippet.name}`}
                    >
                      Delete
                    </Button>
                  </div>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={!!deleting}
        title={`Delete ${snippetKindLabels[kind].toLowerCase()} “${deleting?.name ?? ''}”?`}
        confirmLabel="Delete"
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) });
        }}
      >
        Posts made with it keep their text.
      </ConfirmDialog>
    </div>
  );
}
