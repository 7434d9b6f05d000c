import { useState } from 'react';
import { Badge } from '../../components/Badge';
import { SelectField } from '../../components/form/Fields';
import { EmptyState, QueryState } from '../../components/States';
import { errorMessage } from '../../api';
import { hasRole, useSession } from '../auth/useSession';
import { useBrands } from '../brands/api';
import { AddRuleForm } from './AddRuleForm';
import { BlockingSettings } from './BlockingSettings';
import { ruleKindLabels, useBrandRules, useUpdateRule, type BrandRule, type RuleKind } from './rulesApi';
import styles from './brandGuard.module.css';

const order: RuleKind[] = ['bannedWord', 'name', 'hashtag', 'hashtagLimit', 'tone'];

/**
 * The brand's rules: read from the current brand guide, social media policy and profile (read again when they change;
 * archived documents do not count), each with its source, plus the team's own. Switching a rule off or adding one
 * applies to every check from then on.
 */
export default function BrandRulesPage() {
  const rules = useBrandRules();
  const brands = useBrands().data ?? [];
  const [brandId, setBrandId] = useState('');
  const isAdmin = hasRole(useSession(), 'admin');
  const canEdit = hasRole(useSession(), 'editor');
  const brandNames = new Map(brands.map((brand) => [brand.id, brand.name]));
  // A brand's posts follow its own rules and the workspace-wide ones.
  const applies = (rule: BrandRule) => !brandId || !rule.companyId || rule.companyId === brandId;

  return (
    <div className="stack">
      <section className="card" aria-labelledby="rules-title">
        <div className="card__header">
          <div>
            <h2 id="rules-title" className="card__title">
              Brand rules
            </h2>
            <p className="card__subtitle">
              Read from your current brand documents and checked on every post. Archived documents do not count.
            </p>
          </div>
        </div>
        <div className="card__body stack">
          {brands.length > 1 && (
            <SelectField
              label="Brand"
              hint="The rules a brand's posts are checked against: its own and those for every brand."
              value={brandId}
              onChange={(event) => setBrandId(event.target.value)}
            >
              <option value="">All brands</option>
              {brands.map((brand) => (
                <option key={brand.id} value={brand.id}>
                  {brand.name}
                </option>
              ))}
            </SelectField>
          )}
          <QueryState query={rules} loadingLabel="Reading your brand rules">
            {(all) => {
              const list = all.filter(applies);
              return list.length === 0 ? (
                <EmptyState icon="file" title="No rules yet">
                  Upload your brand guide or social media policy on the files page, or add a rule below.
                </EmptyState>
              ) : (
                order
                  .filter((kind) => list.some((rule) => rule.kind === kind))
                  .map((kind) => (
                    <RuleGroup
                      key={kind}
                      kind={kind}
                      rules={list.filter((rule) => rule.kind === kind)}
                      canEdit={canEdit}
                      brandNames={brands.length > 1 ? brandNames : undefined}
                    />
                  ))
              );
            }}
          </QueryState>
        </div>
      </section>
      {canEdit && (
        <section className="card" aria-labelledby="add-rule-title">
          <div className="card__header">
            <h2 id="add-rule-title" className="card__title">
              Add a rule
            </h2>
          </div>
          <div className="card__body">
            <AddRuleForm />
          </div>
        </section>
      )}
      {isAdmin && (
        <section className="card" aria-labelledby="blocking-title">
          <div className="card__header">
            <h2 id="blocking-title" className="card__title">
              Scheduling
            </h2>
          </div>
          <div className="card__body">
            <BlockingSettings />
          </div>
        </section>
      )}
    </div>
  );
}

interface RuleGroupProps {
  kind: RuleKind;
  rules: BrandRule[];
  canEdit: boolean;
  /** With several brands, each rule says whose it is. */
  brandNames?: Map<string, string>;
}

function RuleGroup({ kind, rules, canEdit, brandNames }: RuleGroupProps) {
  const update = useUpdateRule();
  return (
    <div className="stack stack--sm">
      <h3 className={styles.network}>{ruleKindLabels[kind]}</h3>
      {update.isError && <p className="small">{errorMessage(update.error)}</p>}
      <ul className={styles.findings}>
        {rules.map((rule) => (
          <li key={rule.id} className={styles.finding}>
            <div className="cluster">
              <strong>
                {rule.kind === 'tone' ? `${rule.term.slice(0, 140)}${rule.term.length > 140 ? '…' : ''}` : rule.term}
              </strong>
              {rule.suggestion && <span className="small">say “{rule.suggestion}” instead</span>}
              {rule.origin === 'team' ? (
                <Badge>Added by the team</Badge>
              ) : (
                rule.editedByTeam && <Badge>Changed by the team</Badge>
              )}
              {!rule.enabled && <Badge tone="warning">Off</Badge>}
              {brandNames && <Badge>{rule.companyId ? (brandNames.get(rule.companyId) ?? 'One brand') : 'Every brand'}</Badge>}
            </div>
            {rule.source && (
              <p className="muted small">
                From “{rule.source.assetName}”: {rule.source.snippet}
              </p>
            )}
            {canEdit && (
              <label className="cluster small">
                <input
                  type="checkbox"
                  checked={rule.enabled}
                  onChange={(event) => update.mutate({ ...rule, enabled: event.target.checked })}
                />
                <span>Check posts against this rule</span>
              </label>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
