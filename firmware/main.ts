import { parseArgs } from 'node:util';
import { AlprError, createLogger, errorMessage, EXIT, exitCodeFor, loggableError, systemClock } from '../core/index.js';
import { Appliance } from './appliance.js';
import { recognizerFromConfig } from '../inference/index.js';
import { dataKeyFromConfig, readBufferFromConfig, uplinkFromConfig } from './fromConfig.js';
import { loadConfigFile } from './config/loadConfig.js';
import { formatVersionReport, versionReport } from './version.js';

const USAGE = 'usage: alpr-firmware --config FILE | --version';

/** `alpr-firmware --config FILE`: runs the appliance until SIGTERM/SIGINT. */
export async function main(argv: string[]): Promise<number> {
  let configPath: string | undefined;
  try {
    const { values } = parseArgs({ args: argv, options: { config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'V' } } });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (values.version) return await printVersion();
    configPath = values.config;
  } catch (err) {
    process.stderr.write(`${errorMessage(err)}\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (!configPath) {
    process.stderr.write(`${USAGE}\n`);
    return EXIT.usage;
  }

  let config;
  try {
    config = await loadConfigFile(configPath);
  } catch (err) {
    process.stderr.write(`${err instanceof AlprError ? `${err.code}: ${err.message}` : errorMessage(err)}\n`);
    return exitCodeFor(err);
  }

  const logger = createLogger({ level: config.logLevel, name: 'alpr-firmware' });
  let appliance: Appliance;
  try {
    const buffer = readBufferFromConfig(config, [await dataKeyFromConfig(config, systemClock, logger)], systemClock, logger);
    const recognizer = await recognizerFromConfig(config.recognizer, systemClock, logger);
    const uplink = await uplinkFromConfig(config, buffer, systemClock, logger);
    appliance = await Appliance.create({ config, logger, clock: systemClock, recognizer, buffer, uplink });
  } catch (err) {
    logger.fatal({ err: loggableError(err) }, 'appliance could not be assembled');
    return exitCodeFor(err);
  }

  return new Promise<number>((resolve) => {
    let stopping = false;
    const shutdown = async (code: number, reason: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ reason }, 'stopping');
      try {
        await appliance.stop();
        resolve(code);
      } catch (err) {
        logger.error({ err: loggableError(err) }, 'stop overran its deadline');
        resolve(code === EXIT.ok ? EXIT.failure : code);
      }
    };
    process.once('SIGTERM', () => void shutdown(EXIT.ok, 'SIGTERM'));
    process.once('SIGINT', () => void shutdown(EXIT.ok, 'SIGINT'));
    appliance.supervisor.on('restartBudgetExhausted', (err) => {
      logger.fatal({ err: err.toJSON() }, 'restart budget exhausted');
      void shutdown(EXIT.software, err.code);
    });
    appliance.start().then(
      () => logger.info({ deviceId: config.deviceId }, 'appliance running'),
      (err: unknown) => {
        logger.fatal({ err: loggableError(err) }, 'appliance failed to start');
        // The root cause, as the config errors are shown: an installer reads stderr first.
        process.stderr.write(`${err instanceof AlprError ? `${err.code}: ${err.message}` : errorMessage(err)}\n`);
        const code = exitCodeFor(err);
        void shutdown(code === EXIT.failure ? EXIT.software : code, 'start failed');
      },
    );
  });
}

/** `--version`: the installed version and each model file's hash; a missing file exits as its error says. */
async function printVersion(): Promise<number> {
  try {
    process.stdout.write(`${formatVersionReport(await versionReport())}\n`);
    return EXIT.ok;
  } catch (err) {
    process.stderr.write(`${err instanceof AlprError ? `${err.code}: ${err.message}` : errorMessage(err)}\n`);
    return exitCodeFor(err);
  }
}
