import { Link } from 'react-router';

export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg viewBox="0 0 32 32" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#4f46e5" />
      <path d="M9 22 15.5 9h1L23 22h-3.2l-1.3-2.9h-5L12.2 22Zm5.4-5.6h3l-1.5-3.5Z" fill="#fff" />
    </svg>
  );
}

/** `compact` drops the name on very narrow screens, where the header needs the room for its buttons. */
export function Logo({ to = '/', compact = false }: { to?: string; compact?: boolean }) {
  return (
    <Link to={to} className={compact ? 'logo logo--compact' : 'logo'}>
      <LogoMark />
      <span className="logo__text">Brand Automator</span>
    </Link>
  );
}
