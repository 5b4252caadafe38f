export * from './store/index.js';
export { EmbeddedBroker, type EmbeddedBrokerOptions } from './broker/embeddedBroker.js';
export { IngestService, type IngestOptions, type IngestStats } from './ingest/ingestService.js';
export { loadOrCreateHubKeys, type HubKeys } from './hubKeys.js';
export { createHubServices, DEFAULT_HUB_POLICY, type HubServices, type HubPolicyOptions } from './hubServices.js';
export { Hub, type HubOptions } from './hubProcess.js';
export { buildApi } from './api/server.js';
