import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { AlprError, EXIT, exitCodeFor, errorMessage, pathExists } from '../core/index.js';
import { readCaFile, readPemFile } from '../sync/index.js';
import { readRawConfig, setPath, writeConfig } from './applianceFiles.js';
import { decommission, relocate, rotateKeys } from './commands/deviceOps.js';
import { enroll } from './commands/enroll.js';
import { selftest, selftestPassed } from './commands/selftest.js';
import { HubClient } from './hubClient.js';
import { stderrProgress } from './progress.js';

const USAGE = `usage: alpr-provision COMMAND [options]     (docs/provisioning.md)
  site list         --hub URL (--token ENROLLMENT_TOKEN | --session ADMIN_SESSION)
  token issue       --hub URL --session ADMIN_SESSION --site SITE [--ttl-hours 24]
  enroll            --hub URL --token ENROLLMENT_TOKEN --device-id ID [--config FILE] [--data-dir DIR] [--expect-hub-key-id ID]
  configure         [--config FILE] [--create] --set key.path=value [--set ...]   (values are YAML: 5, true, [1, 2], "text")
  selftest          [--config FILE] [--json FILE] [--allow-simulated] [--hub-timeout-s 15]
  rotate-keys       --hub URL [--config FILE]
  relocate          --hub URL --site SITE [--config FILE]
  decommission      --hub URL [--config FILE] [--discard-pending --yes] [--sync-timeout-s 120]
common: --config defaults to /etc/alpr/appliance.yaml; --hub to $ALPR_HUB_URL; --quiet hides progress.
        --hub-ca FILE: the CA that issued the hub's certificate (https:// hub, mqtts:// broker); enroll keeps it as sync.ca_file,
        which rotate-keys, relocate and decommission then trust.
        --client-cert FILE --client-key FILE: the agency device certificate the --session was signed in on (hubs run with --client-ca).
Secrets (tokens, keys) are read from flags or the environment ($ALPR_ENROLLMENT_TOKEN, $ALPR_HUB_SESSION) and never logged.`;

const OPTIONS = {
  hub: { type: 'string' }, session: { type: 'string' }, token: { type: 'string' }, config: { type: 'string' }, 'data-dir': { type: 'string' },
  'device-id': { type: 'string' }, 'hub-ca': { type: 'string' }, 'client-cert': { type: 'string' }, 'client-key': { type: 'string' }, 'expect-hub-key-id': { type: 'string' }, site: { type: 'string' }, 'ttl-hours': { type: 'string' },
  set: { type: 'string', multiple: true }, create: { type: 'boolean' }, json: { type: 'string' }, 'discard-pending': { type: 'boolean' }, yes: { type: 'boolean' },
  'sync-timeout-s': { type: 'string' }, 'hub-timeout-s': { type: 'string' }, 'allow-simulated': { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;

function need(value: string | undefined, flag: string): string {
  if (!value) throw new AlprError('ALPR_ERR_USAGE', `${flag} is required`);
  return value;
}

/** The value of one `--set key=value`, read as YAML (so numbers, booleans and lists keep their type). */
function setValue(key: string, text: string): unknown {
  try {
    return parseYaml(text) as unknown;
  } catch (cause) {
    const why = errorMessage(cause).split('\n')[0];
    throw new AlprError('ALPR_ERR_USAGE', `--set ${key}: the value ${JSON.stringify(text)} is not valid YAML (${why}); quote text, e.g. --set '${key}="${text}"'`, { cause });
  }
}

/** `alpr-provision`: what installers and maintenance staff run, on a laptop or on the appliance. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    process.stderr.write(`${errorMessage(err)}\n${USAGE}\n`);
    return EXIT.usage;
  }
  const { values: v, positionals } = parsed;
  if (v.help || positionals.length === 0) {
    process.stdout.write(`${USAGE}\n`);
    return v.help ? EXIT.ok : EXIT.usage;
  }
  const command = positionals.join(' ');
  const progress = stderrProgress(!v.quiet);
  const configPath = v.config ?? '/etc/alpr/appliance.yaml';
  const hubUrl = () => need(v.hub ?? process.env.ALPR_HUB_URL, '--hub');
  const hubTls = async () => ({
    ca: v['hub-ca'] ? await readCaFile(v['hub-ca']) : null,
    ...(v['client-cert'] && v['client-key'] ? { cert: await readPemFile(v['client-cert'], 'the client certificate'), key: await readPemFile(v['client-key'], 'the client key') } : {}),
  });
  const out = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
  try {
    switch (command) {
      case 'site list': {
        const token = v.token ?? process.env.ALPR_ENROLLMENT_TOKEN;
        const session = v.session ?? process.env.ALPR_HUB_SESSION;
        if (!token && !session) throw new AlprError('ALPR_ERR_USAGE', '--token or --session is required');
        const sites = await new HubClient(hubUrl(), { enrollmentToken: token, session }, await hubTls()).sites();
        for (const s of sites) process.stderr.write(`${s.siteId.padEnd(20)} ${s.name.padEnd(36)} ${s.approvalRef.padEnd(20)} ${s.latitude.toFixed(5)},${s.longitude.toFixed(5)}\n`);
        out(sites);
        return EXIT.ok;
      }
      case 'token issue': {
        const ttl = Number(v['ttl-hours'] ?? 24);
        const issued = await new HubClient(hubUrl(), { session: need(v.session ?? process.env.ALPR_HUB_SESSION, '--session') }, await hubTls()).issueToken(need(v.site, '--site'), ttl);
        // The token is this command's whole purpose: printed once, for the installer, never logged.
        out(issued);
        return EXIT.ok;
      }
      case 'enroll': {
        const result = await enroll({
          hubUrl: hubUrl(), token: need(v.token ?? process.env.ALPR_ENROLLMENT_TOKEN, '--token'), deviceId: need(v['device-id'], '--device-id'),
          configPath, dataDir: v['data-dir'] ?? '/var/lib/alpr', expectHubKeyId: v['expect-hub-key-id'] ?? null, hubCaPath: v['hub-ca'] ?? null, progress,
        });
        process.stderr.write(`enrolled ${result.deviceId} at ${result.siteName} (${result.siteId}); config written to ${configPath}\n`);
        out(result);
        return EXIT.ok;
      }
      case 'configure': {
        if (!v.set?.length) throw new AlprError('ALPR_ERR_USAGE', 'configure needs at least one --set key.path=value');
        // A typo in --config must not quietly start a second, nearly empty config.
        if (!v.create && !(await pathExists(configPath))) {
          throw new AlprError('ALPR_ERR_CONFIG_NOT_FOUND', `--config ${configPath}: no such file; check the path, or pass --create to start a new config there`);
        }
        const raw = await readRawConfig(configPath);
        for (const assignment of v.set) {
          const eq = assignment.indexOf('=');
          if (eq <= 0) throw new AlprError('ALPR_ERR_USAGE', `--set ${assignment}: expected key.path=value`);
          setPath(raw, assignment.slice(0, eq), setValue(assignment.slice(0, eq), assignment.slice(eq + 1)));
        }
        await writeConfig(configPath, raw);
        process.stderr.write(`${configPath}: ${v.set.length} setting(s) validated and written\n`);
        out({ config: configPath, set: v.set.map((s) => s.slice(0, s.indexOf('='))) });
        return EXIT.ok;
      }
      case 'selftest': {
        const hubTimeoutS = Number(v['hub-timeout-s'] ?? 15);
        if (!Number.isFinite(hubTimeoutS) || hubTimeoutS <= 0) throw new AlprError('ALPR_ERR_USAGE', `--hub-timeout-s ${v['hub-timeout-s']}: expected a number of seconds above 0`);
        const results = await selftest({ configPath, progress, hubTimeoutMs: hubTimeoutS * 1000 });
        for (const r of results) process.stdout.write(`${r.status.padEnd(9)} ${r.check.padEnd(16)} ${String(r.ms).padStart(6)} ms  ${r.detail}\n`);
        const allowSimulated = Boolean(v['allow-simulated']);
        const passed = selftestPassed(results, allowSimulated);
        if (!passed && results.some((r) => r.status === 'SIMULATED') && !allowSimulated) {
          process.stderr.write('simulated hardware proves nothing about this pole; pass --allow-simulated only on a bench or in a demo\n');
        }
        if (v.json) await writeFile(v.json, JSON.stringify({ at: new Date().toISOString(), config: configPath, passed, allowSimulated, results }, null, 2));
        return passed ? EXIT.ok : EXIT.failure;
      }
      case 'rotate-keys':
        out(await rotateKeys({ configPath, hubUrl: hubUrl(), progress }));
        return EXIT.ok;
      case 'relocate':
        out(await relocate({ configPath, hubUrl: hubUrl(), progress, siteId: need(v.site, '--site') }));
        return EXIT.ok;
      case 'decommission': {
        if (v['discard-pending'] && !v.yes) throw new AlprError('ALPR_ERR_USAGE', '--discard-pending gives up buffered reads for good: confirm with --yes');
        out(await decommission({ configPath, hubUrl: hubUrl(), progress, discardPending: Boolean(v['discard-pending']), syncTimeoutMs: Number(v['sync-timeout-s'] ?? 120) * 1000 }));
        return EXIT.ok;
      }
      default:
        throw new AlprError('ALPR_ERR_USAGE', `unknown command "${command}"`);
    }
  } catch (err) {
    process.stderr.write(`${err instanceof AlprError ? `${err.code}: ${err.message}` : errorMessage(err)}\n`);
    return exitCodeFor(err);
  }
}
