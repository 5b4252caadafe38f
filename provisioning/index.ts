export { main } from './cli.js';
export { enroll, type EnrollOptions } from './commands/enroll.js';
export { selftest, type SelftestCheck } from './commands/selftest.js';
export { rotateKeys, relocate, decommission } from './commands/deviceOps.js';
export { HubClient, type InstallerSite, type EnrollResult } from './hubClient.js';
export { readRawConfig, setPath, writeConfig } from './applianceFiles.js';
