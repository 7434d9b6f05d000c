import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { Icon } from '../../components/Icon';
import { Menu } from '../../components/Menu';
import { signOut } from './api';
import { useSession } from './useSession';
import styles from './UserMenu.module.css';

/** Who is signed in, with their sessions and sign-out. `compact` shows only the avatar (mobile top bar). */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const session = useSession();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  if (!session) return null;
  const { user } = session;

  const onSignOut = async () => {
    setSigningOut(true);
    await signOut();
    navigate('/sign-in?reason=signed-out', { replace: true });
  };

  return (
    <Menu
      label="Account"
      align={compact ? 'end' : 'start'}
      placement={compact ? 'below' : 'above'}
      trigger={(props) => (
        <button type="button" className={compact ? styles.compact : styles.trigger} {...props}>
          <Avatar name={user.fullName || user.email} size="sm" />
          {!compact && (
            <span className={styles.text}>
              <span className={styles.name}>{user.fullName}</span>
              <span className={styles.email}>{user.email}</span>
            </span>
          )}
          <span className="visually-hidden">{compact ? `Account of ${user.fullName}` : ', account menu'}</span>
        </button>
      )}
    >
      {() => (
        <>
          <div className={styles.header}>
            <p className={styles.name}>{user.fullName}</p>
            <p className={styles.email}>{user.email}</p>
          </div>
          <hr className="menu__separator" />
          <Link className="menu__item" to="/app/settings/account">
            <Icon name="lock" /> Account and password
          </Link>
          <Link className="menu__item" to="/app/settings/sessions">
            <Icon name="monitor" /> Your sessions
          </Link>
          <button type="button" className="menu__item" onClick={() => void onSignOut()} disabled={signingOut}>
            <Icon name="logOut" /> {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </>
      )}
    </Menu>
  );
}
