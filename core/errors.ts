/**
 * Typed errors with stable codes. Every code the product can raise is declared once in
 * ERROR_CODES (with what it means and whether retrying can help); docs/errors.md lists the same
 * codes and a test keeps the two in step.
 */
export const ERROR_CODES = {
  // configuration
  ALPR_ERR_CONFIG_NOT_FOUND: { retryable: false, summary: 'The config file does not exist or cannot be read.' },
  ALPR_ERR_CONFIG_PARSE: { retryable: false, summary: 'The config file is not valid YAML or JSON.' },
  ALPR_ERR_CONFIG_INVALID: { retryable: false, summary: 'The config does not match the schema; the message lists each `path: message`.' },
  ALPR_ERR_CONFIG_WRITE: { retryable: false, summary: 'The config file cannot be written (its folder is missing, or no permission); the old file, if any, is unchanged.' },
  // GPIO and hardware
  ALPR_ERR_GPIO_UNAVAILABLE: { retryable: false, summary: 'The GPIO backend cannot run on this machine (no GPIO chip, or a native module is missing).' },
  ALPR_ERR_GPIO_OPEN: { retryable: true, summary: 'A GPIO pin could not be opened (already exported, permissions, or out of range).' },
  ALPR_ERR_GPIO_IO: { retryable: true, summary: 'Reading or writing an open GPIO pin failed.' },
  ALPR_ERR_GPIO_UNSUPPORTED: { retryable: false, summary: 'The pin or backend does not support the requested operation (for example PWM on onoff).' },
  ALPR_ERR_ILLUMINATOR_DUTY_LIMIT: { retryable: true, summary: 'Turning the illuminator on now would exceed its configured duty-cycle limit.' },
  // cameras
  ALPR_ERR_CAMERA_UNKNOWN_TYPE: { retryable: false, summary: 'The configured camera type is not one this build knows.' },
  ALPR_ERR_CAMERA_UNAVAILABLE: { retryable: false, summary: 'The camera backend cannot run here (missing executable, device or folder).' },
  ALPR_ERR_CAMERA_CAPTURE: { retryable: true, summary: 'A capture command failed or produced no frames.' },
  ALPR_ERR_IMAGE_CORRUPT: { retryable: false, summary: 'An image is truncated, corrupt or not a JPEG/PNG.' },
  ALPR_ERR_IMAGE_SIZE: { retryable: false, summary: 'An image is zero-size or larger than the configured limit.' },
  // runtime
  ALPR_ERR_SUPERVISOR_RESTART_BUDGET: { retryable: false, summary: 'A part failed more often than its restart budget allows; the process exits so systemd restarts it.' },
  ALPR_ERR_STOP_DEADLINE: { retryable: false, summary: 'A part did not stop before the shutdown deadline.' },
  ALPR_ERR_STAGE_STUCK: { retryable: true, summary: 'A pipeline stage made no progress within its watchdog limit.' },
  ALPR_ERR_QUEUE_CLOSED: { retryable: false, summary: 'Work was offered to a pipeline queue after it was closed.' },
  ALPR_ERR_FRAME_RELEASED: { retryable: false, summary: 'A frame was used after its pixels were released back to the pool.' },
  // encrypted read buffer
  ALPR_ERR_BUFFER_KEY: { retryable: false, summary: 'The buffer data key is missing, unreadable, the wrong size or has unsafe permissions.' },
  ALPR_ERR_BUFFER_DECRYPT: { retryable: false, summary: 'A buffered record failed authentication (wrong key, tampered or truncated ciphertext), or the plaintext bookkeeping retention counts from disagrees with the append time the record vouches for (edited without the key): such reads are never handed out, and edited ones are deleted.' },
  ALPR_ERR_BUFFER_CLOSED: { retryable: false, summary: 'The read buffer was used before open() or after close().' },
  ALPR_ERR_BUFFER_FULL: { retryable: true, summary: 'A read is larger than the whole byte budget, or the disk is full; nothing already stored is lost.' },
  ALPR_ERR_BUFFER_INVALID_READ: { retryable: false, summary: 'A read offered to the buffer is missing fields or has values of the wrong type.' },
  ALPR_ERR_BUFFER_UNKNOWN_BATCH: { retryable: false, summary: 'markSynced() was given a batch id the buffer never handed out (or already acknowledged).' },
  ALPR_ERR_BUFFER_IO: { retryable: true, summary: 'LevelDB failed to read or write.' },
  ALPR_ERR_BUFFER_DAMAGED: { retryable: false, summary: 'The read buffer\'s store is damaged (LevelDB files or its state record) and could neither be repaired nor set aside.' },
  // plate recognition
  ALPR_ERR_MODEL_MISSING: { retryable: false, summary: 'A model file or the model manifest is missing or unreadable.' },
  ALPR_ERR_MODEL_CHECKSUM: { retryable: false, summary: 'A model file does not match the SHA-256 recorded in inference/models/manifest.json (corrupt or replaced).' },
  ALPR_ERR_MODEL_BACKEND: { retryable: false, summary: 'The configured inference backend (onnx, tfjs) cannot run on this machine.' },
  ALPR_ERR_INFERENCE: { retryable: true, summary: 'Running a model on a frame failed.' },
  ALPR_ERR_EVAL_DATASET: { retryable: false, summary: 'The evaluation folder is not in the openalpr-benchmarks layout.' },
  ALPR_ERR_PACKAGE_BUILD: { retryable: false, summary: 'Building the appliance package failed: a step (compile, dependencies, Node.js runtime, dpkg-deb) stopped with the error shown, or the package would carry something it must not.' },
  ALPR_ERR_ARM64_CHECK: { retryable: false, summary: 'The emulated arm64 check failed: the root file system, the install, the self-test, enrollment or the reads did not come out as required.' },
  // sync
  ALPR_ERR_SYNC_KEY: { retryable: false, summary: 'A device or hub key is missing, unreadable or the wrong size.' },
  ALPR_ERR_SYNC_MALFORMED: { retryable: false, summary: 'A message on the wire is not a valid envelope, batch or ack.' },
  ALPR_ERR_SYNC_SEAL: { retryable: false, summary: 'A sealed batch cannot be opened: tampered ciphertext or sealed to another hub key.' },
  ALPR_ERR_SYNC_SIGNATURE: { retryable: false, summary: 'A signed sync message does not verify against the registered key under its own type\'s purpose label (or carries no labelled signature).' },
  ALPR_ERR_SYNC_UNKNOWN_DEVICE: { retryable: false, summary: 'A batch came from a device the hub registry does not know, has revoked, or that is bound to another site.' },
  ALPR_ERR_SYNC_TOO_LARGE: { retryable: false, summary: 'A batch is larger than the hub accepts.' },
  ALPR_ERR_SYNC_ACK_TIMEOUT: { retryable: true, summary: 'The hub did not acknowledge a batch in time; it will be sent again.' },
  ALPR_ERR_SYNC_BROKER_SILENT: { retryable: true, summary: 'The broker node acknowledged no publish within the PUBACK deadline (stopped, or dropping what it refuses); the appliance or hub client cuts the connection and reconnects, to the next node of a cluster (a hub publish fails with it and its sender retries).' },
  ALPR_ERR_SYNC_BROKER: { retryable: true, summary: 'The MQTT broker cannot be reached or refused the connection.' },
  ALPR_ERR_SYNC_HUB_KEY: { retryable: true, summary: 'A batch was sealed to a hub key the hub no longer accepts (retired past its grace period, or unknown); the appliance re-seals it to the current key, learned from the hub\'s signed config push.' },
  ALPR_ERR_SYNC_REPLAYED: { retryable: false, summary: 'The appliance ignored a genuine hub message older than what it holds (a config push signed well before the hub time it knows, or a batch ack to another envelope than the one in flight under its sequence number): recorded and replayed, or held back, by the broker. The hub time, keys and buffered reads stay as they are.' },
  ALPR_ERR_SYNC_READ_REFUSED: { retryable: false, summary: 'The hub refused a read as invalid (or it is larger than the hub takes on its own); the appliance holds it aside in quarantine, encrypted, until retention deletes it, and sends the rest.' },
  ALPR_ERR_SYNC_INCOMING_TOO_LARGE: { retryable: false, summary: 'The appliance refused a message from the broker larger than any the hub sends on its topic (a packet over 8 MiB is cut at its header, before its body is read, and the connection is made again; a smaller one over its topic\'s limit is ignored). The hot list, hub keys and buffered reads stay as they are.' },
  ALPR_ERR_HUB_INCOMING_TOO_LARGE: { retryable: false, summary: 'A hub consumer (ingest, alert link, hot-list push) discarded a device message larger than any legitimate one on its topic or queue, before parsing or opening it: a packet over 33 MiB and 64 KiB is refused at its header (MQTT 5 Maximum Packet Size, or the connection is cut), a smaller message over its topic\'s limit is acknowledged and dropped. Logged and counted per device; nothing stored changes.' },
  // hub store
  ALPR_ERR_STORE: { retryable: true, summary: 'The hub database failed (SQLite or PostgreSQL).' },
  // hub: accounts, policy, API
  ALPR_ERR_INVALID_INPUT: { retryable: false, summary: 'A request body, query or command argument is malformed or out of range; nothing was changed.' },
  ALPR_ERR_AUTH_FAILED: { retryable: false, summary: 'Sign-in failed: unknown user, deactivated account, wrong password or wrong TOTP code (one answer for all; each counts toward the lockout, unknown names too).' },
  ALPR_ERR_AUTH_LOCKED: { retryable: true, summary: 'Sign-in is locked for 10 minutes: a name from one address after 5 failed sign-ins in a row there, a name from every address after 30 in a row from all, an address for every name after 20 in a row there under any names (unknown usernames lock alike).' },
  ALPR_ERR_AUTH_MFA_REQUIRED: { retryable: false, summary: 'The account has not finished TOTP enrollment; MFA is mandatory for every account.' },
  ALPR_ERR_SESSION_EXPIRED: { retryable: false, summary: 'The session token is unknown, signed out, idle for more than 30 minutes, older than 12 hours, ended by a newer sign-in over the per-account cap, or its account was deactivated.' },
  ALPR_ERR_CSRF: { retryable: false, summary: 'A state-changing request signed in by the console\'s session cookie came without the matching X-CSRF-Token header, or from another origin; nothing was changed.' },
  ALPR_ERR_FORBIDDEN: { retryable: false, summary: 'The account\'s role does not carry the permission this action needs (General Order 4.68 section IX), or the record is another member\'s to change (an internal hot-list entry is renewed by whom listed it).' },
  ALPR_ERR_SEPARATION_OF_DUTIES: { retryable: false, summary: 'A role change was refused: nobody changes their own role, and the chief role is granted or removed only on the hub host (`alpr-hub account set-role`).' },
  ALPR_ERR_ACCOUNT_LAPSED: { retryable: false, summary: 'Training, the yearly policy sign-off or the 2-yearly LEADS certification has lapsed; the account cannot search until renewed.' },
  ALPR_ERR_PASSWORD_POLICY: { retryable: false, summary: 'The new password is too short, contains the username or is on the banned list.' },
  ALPR_ERR_PURPOSE_REQUIRED: { retryable: false, summary: 'An investigative search lacks an offense category that allows its purpose, a case or CAD number in the agency\'s format (not a junk number, and open where the hub keeps the list), a description, or an approved other-felony request; or an administrative query lacks its complaint or audit reference.' },
  ALPR_ERR_FELONY_APPROVAL_INVALID: { retryable: false, summary: 'The cited other-felony approval does not cover this search: the searcher is neither its requester nor an investigator the Chief named, the case differs, or the approval expired.' },
  ALPR_ERR_PURPOSE_PROHIBITED: { retryable: false, summary: 'The offense category or the description points to a use the order prohibits (traffic or immigration enforcement, reproductive health care, protected activity or class, personal or non-law-enforcement use); the refusal is audited and the account\'s search access suspended for review.' },
  ALPR_ERR_RATE_LIMITED: { retryable: true, summary: 'The account has used its searches for this hour, or asked for more results or exports than one request may return, or already holds as many alert streams open as the account or the hub allows.' },
  ALPR_ERR_NOT_FOUND: { retryable: false, summary: 'The named record does not exist (or is not visible to this account).' },
  ALPR_ERR_CONFLICT: { retryable: false, summary: 'The change conflicts with what is stored (a duplicate name, an approval reference already used, a state that does not allow it).' },
  ALPR_ERR_SITE_NOT_APPROVED: { retryable: false, summary: 'The site is not in the registry of sites the Chief approved, or it was retired.' },
  ALPR_ERR_ENROLLMENT_TOKEN: { retryable: false, summary: 'The enrollment token is unknown, already used or expired; an admin issues a new one.' },
  ALPR_ERR_DEVICE_REQUEST: { retryable: false, summary: 'A signed device request was refused: unknown or revoked device, bad signature, stale time or a replay.' },
  ALPR_ERR_SELFTEST: { retryable: true, summary: 'One or more appliance self-test checks failed; the table names which.' },
  ALPR_ERR_INTERNAL: { retryable: true, summary: 'The hub API hit an unexpected failure; the log holds the details under the request id.' },
  ALPR_ERR_AUDIT_CHAIN: { retryable: false, summary: 'The audit chain does not verify: a record was changed, inserted, deleted, cut from the end or appended outside the hub, or the witness is missing or holds lines the audit key did not sign. Found by `audit verify`, or by a hub process at start, which then reports not ready (/readyz) with the reason.' },
  ALPR_ERR_TLS_CONFIG: { retryable: false, summary: 'A TLS certificate, key or CA file is missing, unreadable, not PEM, or the key does not fit the certificate.' },
  ALPR_ERR_TLS_REQUIRED: { retryable: false, summary: 'The hub would serve plain HTTP or MQTT on an address other than loopback; give a certificate and key, or --allow-plaintext.' },
  ALPR_ERR_CLIENT_CERT: { retryable: false, summary: 'The hub requires a client certificate from the agency CA (work devices only), and none, another, or one other than the session was issued on was presented.' },
  ALPR_ERR_SEARCH_SUSPENDED: { retryable: false, summary: 'The account\'s access to ALPR data is suspended after a search refused as a prohibited use (General Order 4.68 VII.H), until a supervisor lifts it: no searches, earlier results, alerts, hot lists, releases, partner searches, account changes or reviews of other suspensions.' },
  // hot lists
  ALPR_ERR_HOTLIST_SOURCE: { retryable: true, summary: 'A hot-list source (drop-folder file or URL) cannot be read; the list stays as it was and the next scheduled import tries again.' },
  ALPR_ERR_HOTLIST_UPDATE: { retryable: false, summary: 'The appliance refused a hot-list update: not signed by the hub, sealed to another device, out of version order, or issued before the update it holds (a replay) (it keeps its list and reports its version so the hub resends).' },
  // sharing with outside agencies (VII.D, VII.I; 625 ILCS 5/2-130)
  ALPR_ERR_SHARING_REFUSED: { retryable: false, summary: 'An outside agency\'s request was refused: the agency is not approved, was revoked or is suspended for review, has no current agreement or no current signed declaration (625 ILCS 5/2-130), asks online under a by-request agreement, or asks beyond the agreement\'s sites, purposes or time window; the refusal is in the sharing ledger.' },
  ALPR_ERR_FEDERATION_REQUEST: { retryable: false, summary: 'A hub-to-hub request was refused before it was read: unknown partner ORI, a signature that does not verify against the partner hub\'s registered key, addressed to another hub, a time more than 5 minutes off, or a replayed nonce.' },
  ALPR_ERR_PARTNER_ADDRESS: { retryable: false, summary: 'A partner hub\'s address is, or its name resolves to, a link-local, cloud metadata-service or unspecified address (169.254.0.0/16, fe80::/10, 0.0.0.0/8, ::, in any IPv4-mapped, -compatible or NAT64 form); nothing was sent and the refusal is in the audit chain.' },
  ALPR_ERR_PARTNER_HUB: { retryable: true, summary: 'A partner agency\'s hub could not be reached, refused the search (its code and message are given), or answered without a valid signature from its registered key.' },
  // oversight reports
  ALPR_ERR_REPORT_VERIFY: { retryable: false, summary: 'A report does not verify: its signature is not the hub\'s, a file was changed after signing, the audit chain head it was computed from is not in the chain, the audit chain records no generation of its manifest (changed and re-signed), or its manifest was renamed as another month or kind.' },
  ALPR_ERR_EVIDENCE_VERIFY: { retryable: false, summary: 'An evidence file does not verify: its signature is not the hub\'s (the key it carries is not trusted), or it is not the export the audit chain records (case, search, reads, exporter, recipient or content differ, or no such export).' },
  ALPR_ERR_CENSUS_TABLE: { retryable: false, summary: 'The census CSV for the disparate-impact section is missing, unreadable or not in the documented columns (docs/reports.md).' },
  // benchmarks and tools
  ALPR_ERR_USAGE: { retryable: false, summary: 'A command-line tool was called with missing or invalid arguments.' },
} as const satisfies Record<string, { retryable: boolean; summary: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AlprError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  /** Extra structured facts safe to log (never plates, keys or passwords). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AlprError';
    this.code = code;
    this.retryable = ERROR_CODES[code].retryable;
    this.details = Object.freeze({ ...(options.details ?? {}) });
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, retryable: this.retryable, ...this.details };
  }
}

export function isAlprError(value: unknown, code?: ErrorCode): value is AlprError {
  return value instanceof AlprError && (code === undefined || value.code === code);
}

/** The message of anything thrown, for logs. */
export function errorMessage(value: unknown): string {
  return value instanceof Error ? value.message : String(value);
}

/** Anything thrown, as a log line's `err`: an AlprError whole (code, message, details), else its message. */
export function loggableError(value: unknown): Record<string, unknown> | string {
  return value instanceof AlprError ? value.toJSON() : errorMessage(value);
}
