import { Badge } from '../../components/Badge';
import { EmptyState, QueryState } from '../../components/States';
import { errorMessage } from '../../api';
import { hasRole, useSession } from '../auth/useSession';
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
  const isAdmin = hasRole(useSession(), 'admin');
  const canEdit = hasRole(useSession(), 'editor');

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
          <QueryState query={rules} loadingLabel="Reading your brand rules">
            {(list) =>
              list.length === 0 ? (
                <EmptyState icon="file" title="No rules yet">
                  Upload your brand guide or social media policy on the files page, or add a rule below.
                </EmptyState>
              ) : (
                order
                  .filter((kind) => list.some((rule) => rule.kind === kind))
                  .map((kind) => (
                    <RuleGroup key={kind} kind={kind} rules={list.filter((rule) => rule.kind === kind)} canEdit={canEdit} />
                  ))
              )
            }
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

function RuleGroup({ kind, rules, canEdit }: { kind: RuleKind; rules: BrandRule[]; canEdit: boolean }) {
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
