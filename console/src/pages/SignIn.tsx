import { useState } from 'preact/hooks';
import { api } from '../api.js';
import type { ConsoleSession } from '../types.js';
import { Field, Problem, useAction } from '../components/ui.js';

/** Password and the authenticator's 6-digit code; the hub sets the session cookie. */
export function SignIn({ onSignedIn, locked }: { onSignedIn: (s: ConsoleSession) => void; locked: boolean }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const action = useAction(async () => {
    const session = await api<ConsoleSession>('POST', '/api/v1/auth/console-session', { username, password, code });
    onSignedIn(session);
  });
  return (
    <main class="narrow" id="main" tabIndex={-1}>
      <h1>Sign in</h1>
      {locked && <p class="notice" role="status">Your session ended (idle lock or sign-out). Sign in again to continue.</p>}
      <form onSubmit={(e) => { e.preventDefault(); void action.run(); }}>
        <Field label="Username"><input name="username" autocomplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} /></Field>
        <Field label="Password"><input name="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} /></Field>
        <Field label="Authenticator code" hint="6 digits from your authenticator app">
          <input name="code" inputMode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required value={code} onInput={(e) => setCode(e.currentTarget.value)} />
        </Field>
        <Problem error={action.error} />
        <button type="submit" class="primary" disabled={action.busy}>Sign in</button>
      </form>
      <p><a href="#/activate">First time here? Activate your account</a></p>
    </main>
  );
}
