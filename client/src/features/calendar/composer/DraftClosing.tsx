import { useState } from 'react';
import { SelectField } from '../../../components/form/Fields';
import { useSnippets } from '../../snippets/api';

/**
 * What closes the AI drafts: one of the brand's signatures and one of its hashtag groups, chosen beside the topic.
 * The server adds them after drafting, so every network's draft ends with them and still fits.
 */
export function useDraftClosing(companyId: string) {
  const snippets = useSnippets(companyId || undefined);
  const [signatureId, setSignatureId] = useState('');
  const [groupId, setGroupId] = useState('');
  const items = snippets.data?.items ?? [];
  const signatures = items.filter((snippet) => snippet.kind === 'signature');
  const groups = items.filter((snippet) => snippet.kind === 'hashtagGroup');
  const signature = signatures.some((snippet) => snippet.id === signatureId) ? signatureId : '';
  const group = groups.some((snippet) => snippet.id === groupId) ? groupId : '';

  const fields =
    signatures.length + groups.length === 0 ? null : (
      <div className="cluster">
        {signatures.length > 0 && (
          <SelectField label="Close AI drafts with" optional value={signature} onChange={(e) => setSignatureId(e.target.value)}>
            <option value="">No signature</option>
            {signatures.map((snippet) => (
              <option key={snippet.id} value={snippet.id}>
                {snippet.name}
              </option>
            ))}
          </SelectField>
        )}
        {groups.length > 0 && (
          <SelectField label="AI drafts’ hashtags" optional value={group} onChange={(e) => setGroupId(e.target.value)}>
            <option value="">No hashtag group</option>
            {groups.map((snippet) => (
              <option key={snippet.id} value={snippet.id}>
                {snippet.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
    );

  return {
    fields,
    // Only what was chosen is sent.
    value: { ...(signature ? { signatureId: signature } : {}), ...(group ? { hashtagGroupIds: [group] } : {}) },
  };
}
