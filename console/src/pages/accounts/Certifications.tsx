import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import type { Account } from '../../types.js';
import { Field, Problem, dateValue, day, useAction } from '../../components/ui.js';

/** A date field's text for a stored date, '' when none. */
const dateText = (ms: number | null | undefined) => (ms ? day(ms) : '');

/**
 * The three dates the order requires before an account may search (IV, VIII): training, policy
 * sign-off, LEADS. A cleared field clears the date (the account stops searching once it lapses).
 */
export function CertificationsForm({ account, onDone, onCancel }: { account: Account; onDone: () => Promise<void>; onCancel: () => void }) {
  const [form, setForm] = useState({ training: dateText(account.trainingCompletedAt), policy: dateText(account.policySignedAt), leads: dateText(account.leadsCertifiedAt) });
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const save = useAction(async () => {
    await api('PATCH', `/api/v1/accounts/${account.userId}`, {
      trainingCompletedAt: dateValue(form.training), policySignedAt: dateValue(form.policy), leadsCertifiedAt: dateValue(form.leads),
    });
    await onDone();
  });
  return (
    <form class="grid-form card" onSubmit={(e) => { e.preventDefault(); void save.run(); }}>
      <h2>Certifications of {account.username}</h2>
      <Field label="Training completed on"><input type="date" value={form.training} onInput={set('training')} /></Field>
      <Field label="Policy signed on"><input type="date" value={form.policy} onInput={set('policy')} /></Field>
      <Field label="LEADS certified on"><input type="date" value={form.leads} onInput={set('leads')} /></Field>
      <Problem error={save.error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={save.busy}>Save certifications of {account.username}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
