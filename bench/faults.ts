import { parseArgs } from 'node:util';
import { machine } from './machine.js';
import { runHubKills } from './faults/hubKills.js';
import { runPoisonBatches } from './faults/poisonBatches.js';
import { runPowerCuts } from './faults/powerCuts.js';

/**
 * `npm run bench -- faults [--cuts N] [--kills N]`: the appliance and its sync under real faults
 * (issue 9), in one run: power cuts on a FUSE layer that drops every write not fsynced, then
 * damaged LevelDB files (bench/faults/powerCuts.ts); poison batches the hub refuses
 * (poisonBatches.ts); the hub process killed with SIGKILL during ingest and restarted
 * (hubKills.ts). `lost_acked`, `corrupt_readable` and `lost_at_hub` must be 0.
 */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { cuts: { type: 'string', default: '20' }, kills: { type: 'string', default: '5' } } });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const started = Date.now();
  log(`power cuts: ${values.cuts}`);
  const cuts = await runPowerCuts({ cuts: Number(values.cuts) });
  log(`  ${JSON.stringify(cuts)}`);
  log('poison batches');
  const poison = await runPoisonBatches();
  log(`  ${JSON.stringify(poison)}`);
  log(`hub kills: ${values.kills}`);
  const kills = await runHubKills({ kills: Number(values.kills) });
  log(`  ${JSON.stringify(kills)}`);
  const figures = {
    power_cuts: cuts.power_cuts, lost_acked: cuts.lost_acked, corrupt_readable: cuts.corrupt_readable,
    poison_batches_survived: poison.poison_batches_survived, hub_kills: kills.hub_kills,
    lost_at_hub: kills.lost_at_hub + (poison.lost_at_hub ?? 0), seconds: Math.round((Date.now() - started) / 1000), machine: machine(),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  return figures.lost_acked === 0 && figures.corrupt_readable === 0 && figures.lost_at_hub === 0 ? 0 : 1;
}
