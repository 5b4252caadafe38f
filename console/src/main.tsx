import './styles.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, errorText, onSignedOut } from './api.js';
import type { ConsoleSession, Me } from './types.js';
import { IdleLock } from './components/IdleLock.js';
import { Problem } from './components/ui.js';
import { Activate } from './pages/Activate.js';
import { Accounts } from './pages/Accounts.js';
import { Alerts } from './pages/Alerts.js';
import { Audit } from './pages/Audit.js';
import { Chief } from './pages/Chief.js';
import { Home } from './pages/Home.js';
import { Hotlists } from './pages/Hotlists.js';
import { Operations } from './pages/Operations.js';
import { Reports } from './pages/Reports.js';
import { Search } from './pages/Search.js';
import { Sharing } from './pages/Sharing.js';
import { SignIn } from './pages/SignIn.js';

/** Pages and the permission each needs: the nav shows what the role may do; the API enforces it. */
const PAGES = [
  { path: 'home', title: 'My account', needs: [] as string[], view: (me: Me) => <Home me={me} /> },
  { path: 'alerts', title: 'Alerts', needs: ['alerts.respond'], view: () => <Alerts /> },
  { path: 'search', title: 'Search', needs: ['reads.search', 'reads.searchAdministrative'], view: (me: Me) => <Search me={me} /> },
  { path: 'hotlists', title: 'Hot list', needs: ['hotlists.manage'], view: () => <Hotlists /> },
  { path: 'accounts', title: 'Accounts', needs: ['accounts.manage'], view: () => <Accounts /> },
  { path: 'operations', title: 'Operations', needs: ['reviews.manage', 'retention.manage', 'sites.manage'], view: () => <Operations /> },
  { path: 'audit', title: 'Audit', needs: ['audit.read'], view: () => <Audit /> },
  { path: 'reports', title: 'Reports', needs: ['reports.read'], view: () => <Reports /> },
  { path: 'sharing', title: 'Sharing', needs: ['sharing.register', 'sharing.approve', 'sharing.ledger'], view: (me: Me) => <Sharing me={me} /> },
  { path: 'approvals', title: 'Approvals', needs: ['felony.approve', 'sites.approve'], view: () => <Chief /> },
];
const IDLE_KEY = 'alpr.idleTimeoutMinutes';

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash.replace(/^#\/?/, '');
}

function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [locked, setLocked] = useState(false);
  const [signOutFailed, setSignOutFailed] = useState<Error | null>(null);
  const route = useHash();
  const refresh = () => api<Me>('GET', '/api/v1/me').then(setMe, () => setMe(null));
  useEffect(() => {
    void refresh();
    return onSignedOut(() => {
      setLocked(true);
      setMe(null);
    });
  }, []);
  useEffect(() => {
    const page = PAGES.find((p) => p.path === route);
    document.title = `${page?.title ?? (route === 'activate' ? 'Activate' : 'Sign in')} · ALPR console`;
  }, [route, me]);

  if (me === undefined) return <main id="main" class="narrow"><p role="status">Loading…</p></main>;
  if (route === 'activate') return <Activate />;
  if (me === null) {
    return <SignIn locked={locked} onSignedIn={(s: ConsoleSession) => {
      sessionStorage.setItem(IDLE_KEY, String(s.idleTimeoutMinutes));
      setLocked(false);
      void refresh();
    }} />;
  }
  const allowed = PAGES.filter((p) => p.needs.length === 0 || p.needs.some((n) => me.permissions.includes(n)));
  const page = allowed.find((p) => p.path === route) ?? allowed[0]!;
  const signOut = async () => {
    try {
      await api('POST', '/api/v1/auth/console-session/end');
    } catch (err) {
      // Only a session the hub already ended is signed out; after any other failure the cookie
      // still works, and the sign-in page would tell the officer otherwise.
      if (!(err instanceof ApiError && err.code === 'ALPR_ERR_SESSION_EXPIRED')) {
        setSignOutFailed(new Error(`the hub did not end the session (${errorText(err)}): this console is still signed in. Sign out again before leaving it.`));
        return;
      }
    }
    setSignOutFailed(null);
    setLocked(false);
    setMe(null);
    location.hash = '#/';
  };
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header class="top">
        <span class="brand">ALPR</span>
        <nav aria-label="Pages">
          <ul>{allowed.map((p) => <li><a href={`#/${p.path}`} aria-current={p === page ? 'page' : undefined}>{p.title}</a></li>)}</ul>
        </nav>
        <div class="session">
          <span class="who"><span class="name" title={me.account.displayName}>{me.account.displayName}</span><span>{me.account.role}</span></span>
          <IdleLock minutes={Number(sessionStorage.getItem(IDLE_KEY) ?? 30)} onLocked={() => { setLocked(true); setMe(null); }} />
          <button type="button" onClick={() => void signOut()}>Sign out</button>
        </div>
      </header>
      <Problem error={signOutFailed} />
      {page.view(me)}
    </>
  );
}

render(<App />, document.getElementById('app')!);
