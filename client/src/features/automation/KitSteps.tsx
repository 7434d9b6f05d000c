import { Link } from 'react-router';
import type { SocialPlatform } from '../../api';
import { useNetworks } from '../social/api';
import styles from './automation.module.css';

const connectionsPage = 'the Connections page';

/**
 * The steps left on a kit. The step that sends the user to connect the account links to the Connections page; where
 * this server cannot connect the network at all, it says so instead (and, to admins, why).
 */
export function KitSteps({ steps, platform, platformName }: { steps: string[]; platform: SocialPlatform; platformName: string }) {
  const networks = useNetworks();
  const network = networks.data?.find((n) => n.platform === platform);
  if (steps.length === 0) return null;
  return (
    <section aria-label={`Steps left on ${platformName}`}>
      <h3 className={styles.stepsTitle}>Steps left</h3>
      <ol className={styles.steps}>
        {steps.map((step) => {
          const at = step.indexOf(connectionsPage);
          if (at < 0) return <li key={step}>{step}</li>;
          if (network && !network.configured) {
            return (
              <li key={step}>
                Publishing to {platformName} is not available on this server yet, so this profile is kept up to date by hand.
                {network.unavailableReason && <span className="field__hint"> {network.unavailableReason}</span>}
              </li>
            );
          }
          return (
            <li key={step}>
              {step.slice(0, at)}
              <Link to="/app/automation/connections">the Connections page</Link>
              {step.slice(at + connectionsPage.length)}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
