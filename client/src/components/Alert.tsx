import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

type Tone = 'error' | 'success' | 'info' | 'warning';

const icons: Record<Tone, IconName> = { error: 'alert', success: 'check', info: 'info', warning: 'alert' };

interface AlertProps {
  tone: Tone;
  title?: ReactNode;
  children?: ReactNode;
  /** Errors interrupt (role=alert); other tones are announced politely. */
  live?: boolean;
}

export function Alert({ tone, title, children, live = true }: AlertProps) {
  const role = live ? (tone === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div className={`alert alert--${tone}`} role={role}>
      <Icon name={icons[tone]} />
      <div className="alert__body">
        {title && <p className="alert__title">{title}</p>}
        {children && <div>{children}</div>}
      </div>
    </div>
  );
}
