import { cloneElement, type ComponentChildren, type VNode } from 'preact';
import { useId, useState } from 'preact/hooks';
import { ApiError, errorText } from '../api.js';

/** A refusal shown plainly: what the hub said, and its code for the help desk. */
export function Problem({ error }: { error: unknown }) {
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : null;
  return (
    <div class="problem" role="alert">
      <strong>{error instanceof ApiError && error.status === 403 ? 'Refused' : 'Not done'}:</strong> {errorText(error)}
      {code && <div class="code">{code}</div>}
    </div>
  );
}

export function Notice({ children }: { children: ComponentChildren }) {
  return <div class="notice" role="status">{children}</div>;
}

/**
 * A labelled control: the label names the control by id (not by wrapping it, which would put a
 * select's option texts into its name), and the hint is its description.
 */
export function Field({ label, hint, children }: { label: string; hint?: string; children: VNode<{ id?: string }> }) {
  const id = useId();
  return (
    <div class="field">
      <label class="label" for={id}>{label}</label>
      {cloneElement(children, { id, 'aria-describedby': hint ? `${id}-hint` : undefined } as Record<string, unknown>)}
      {hint && <span class="hint" id={`${id}-hint`}>{hint}</span>}
    </div>
  );
}

/** Runs an async action once at a time, keeping its error for display. */
export function useAction<A extends unknown[]>(fn: (...args: A) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (...args: A) => {
    setBusy(true);
    setError(null);
    try {
      await fn(...args);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, setError };
}

export const when = (ms: number | null | undefined) => (ms ? new Date(ms).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : '—');
export const day = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString().slice(0, 10) : '—');
/** A date field's value as epoch milliseconds (UTC midnight), or null when empty. */
export const dateValue = (text: string) => (text ? Date.parse(`${text}T00:00:00Z`) : null);
