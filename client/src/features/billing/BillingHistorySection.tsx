import { useEffect, useRef } from 'react';
import { errorMessage, type BillingHistory, type Invoice } from '../../api';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { QueryState } from '../../components/States';
import { formatRelative } from '../../lib/format';
import { formatLongDate, formatMoney, invoiceStatusWords, useBillingHistory, useRefreshBillingHistory } from './historyApi';
import styles from './billing.module.css';

/** Invoices, card and next invoice, for admins of a workspace with billing on. */
export function BillingHistorySection() {
  const history = useBillingHistory({ enabled: true });
  const refresh = useRefreshBillingHistory();
  const askedOnce = useRef(false);
  const data = history.data;

  // The card and next invoice are only ever read from Stripe: read them when they never were, or when the subscription
  // changed since (once each time: a failed read is not retried in a loop, the button is there for that).
  useEffect(() => {
    if (!data?.hasCustomer) return;
    if (data.refreshedAt) {
      askedOnce.current = false;
    } else if (!askedOnce.current) {
      askedOnce.current = true;
      refresh.mutate();
    }
  }, [data, refresh]);

  return (
    <section className="card" aria-labelledby="billing-history">
      <div className="card__header">
        <h2 id="billing-history" className={styles.sectionTitle}>
          Billing history
        </h2>
        {data?.hasCustomer && (
          <Button size="sm" icon="refresh" loading={refresh.isPending} onClick={() => refresh.mutate()}>
            Refresh from Stripe
          </Button>
        )}
      </div>
      <div className="card__body stack">
        {refresh.isError && <Alert tone="error">{errorMessage(refresh.error)}</Alert>}
        <QueryState query={history} loadingLabel="Loading the billing history" rows={3}>
          {(current) => <HistoryBody history={current} />}
        </QueryState>
      </div>
    </section>
  );
}

function HistoryBody({ history }: { history: BillingHistory }) {
  if (!history.hasCustomer && history.invoices.length === 0) {
    return <p className="muted">No invoices yet. They appear here once you choose a plan and the first payment goes through.</p>;
  }

  return (
    <>
      <dl className={styles.facts}>
        <div>
          <dt>Payment method</dt>
          <dd>
            {history.paymentMethod
              ? `${history.paymentMethod.brandName} ending in ${history.paymentMethod.last4}`
              : history.refreshedAt
                ? 'No card on file'
                : 'Not read from Stripe yet'}
          </dd>
        </div>
        <div>
          <dt>Next invoice</dt>
          <dd>
            {history.nextInvoice
              ? `${formatMoney(history.nextInvoice.amount, history.nextInvoice.currency)} on ${formatLongDate(history.nextInvoice.at)}`
              : history.refreshedAt
                ? 'None scheduled'
                : 'Not read from Stripe yet'}
          </dd>
        </div>
      </dl>
      {history.refreshedAt && (
        <p className="small muted">Card and next invoice as Stripe had them {formatRelative(history.refreshedAt)}.</p>
      )}
      {history.invoices.length === 0 ? (
        <p className="muted">No invoices yet.</p>
      ) : (
        <ul className={styles.invoices} aria-label="Invoices">
          {history.invoices.map((invoice) => (
            <InvoiceRow key={invoice.id} invoice={invoice} />
          ))}
        </ul>
      )}
    </>
  );
}

function InvoiceRow({ invoice }: { invoice: Invoice }) {
  const status = invoiceStatusWords[invoice.status];
  const name = invoice.number ? `Invoice ${invoice.number}` : `Invoice of ${formatLongDate(invoice.issuedAt)}`;
  return (
    <li className={styles.invoice}>
      <div className={styles.invoiceMain}>
        <span className={styles.invoiceNumber}>{invoice.number ?? 'Draft invoice'}</span>
        <span className="small muted">{formatLongDate(invoice.issuedAt)}</span>
      </div>
      <span className={styles.invoiceAmount}>{formatMoney(invoice.total, invoice.currency)}</span>
      <Badge tone={status.tone}>{status.label}</Badge>
      <span className={styles.invoiceLinks}>
        {invoice.hostedInvoiceUrl && (
          <a
            href={invoice.hostedInvoiceUrl}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`View ${name} (opens in a new tab)`}
          >
            <Icon name="external" /> View
          </a>
        )}
        {invoice.pdfUrl && (
          <a
            href={invoice.pdfUrl}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`Download ${name} as PDF (opens in a new tab)`}
          >
            <Icon name="download" /> PDF
          </a>
        )}
      </span>
    </li>
  );
}
