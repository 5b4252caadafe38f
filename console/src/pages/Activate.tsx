import { useState } from 'preact/hooks';
import { api } from '../api.js';
import type { ActivateReply } from '../types.js';
import { Field, Notice, Problem, useAction } from '../components/ui.js';
import { QrCode } from '../components/QrCode.js';

/**
 * First sign-in: the one-time activation token an administrator handed over and a new password;
 * then the authenticator is enrolled from the QR code and confirmed with one code.
 */
export function Activate() {
  const [token, setToken] = useState('');
  const [password, setPassword] = useState('');
  const [enrolment, setEnrolment] = useState<ActivateReply | null>(null);
  const [code, setCode] = useState('');
  const [done, setDone] = useState(false);
  const activate = useAction(async () => setEnrolment(await api<ActivateReply>('POST', '/api/v1/auth/activate', { activationToken: token.trim(), password })));
  const confirm = useAction(async () => {
    await api('POST', '/api/v1/auth/mfa/confirm', { username: enrolment!.username, password, code });
    setDone(true);
  });
  if (done) {
    return (
      <main class="narrow" id="main" tabIndex={-1}>
        <h1>Account activated</h1>
        <Notice>Your authenticator is enrolled. Sign in with your username <strong>{enrolment!.username}</strong>, your password and a new code.</Notice>
        <p><a class="button primary" href="#/">Go to sign-in</a></p>
      </main>
    );
  }
  if (enrolment) {
    const secret = new URL(enrolment.otpauthUri).searchParams.get('secret') ?? '';
    return (
      <main class="narrow" id="main" tabIndex={-1}>
        <h1>Enroll your authenticator</h1>
        <p>Scan this code with the agency's authenticator app, then type the 6-digit code it shows.</p>
        <QrCode text={enrolment.otpauthUri} label={`QR code for the authenticator of ${enrolment.username}`} />
        <p class="hint">Cannot scan? Enter this key by hand: <code class="secret">{secret.replace(/(.{4})/g, '$1 ').trim()}</code></p>
        <form onSubmit={(e) => { e.preventDefault(); void confirm.run(); }}>
          <Field label="Code from the authenticator"><input name="code" inputMode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required value={code} onInput={(e) => setCode(e.currentTarget.value)} /></Field>
          <Problem error={confirm.error} />
          <button type="submit" class="primary" disabled={confirm.busy}>Confirm code</button>
        </form>
      </main>
    );
  }
  return (
    <main class="narrow" id="main" tabIndex={-1}>
      <h1>Activate your account</h1>
      <form onSubmit={(e) => { e.preventDefault(); void activate.run(); }}>
        <Field label="Activation token" hint="From your administrator, in person; valid 3 days, once"><input name="activationToken" required autocomplete="off" value={token} onInput={(e) => setToken(e.currentTarget.value)} /></Field>
        <Field label="New password" hint="A long passphrase; not your username"><input name="password" type="password" autocomplete="new-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} /></Field>
        <Problem error={activate.error} />
        <button type="submit" class="primary" disabled={activate.busy}>Activate</button>
      </form>
      <p><a href="#/">Back to sign-in</a></p>
    </main>
  );
}
