export type { HubStore, HubRead, Device, DeviceStatus, IngestCounters, IngestOutcome, PurgeReport, ReadWindow } from './types.js';
export { SqliteStore } from './sqliteStore.js';
export { PgStore } from './pgStore.js';
export { ImageCipher } from './imageCipher.js';
