export { alpr } from './proto/wire.js';
export { sealBatch, openBatch, envelopeHeader, signAck, verifyAck } from './envelope.js';
export { newSigningKeys, newSealingKeys, rawPublicKey, publicKeyFromRaw, keyId, publicKeyPem, writePrivateKey, readPrivateKey, type SigningKeys, type SealingKeys } from './keys.js';
export { brokerToken, verifyBrokerToken, BROKER_TOKEN_VALIDITY_MS } from './brokerToken.js';
export { topics, parseTopic, deviceMayPublish, deviceMaySubscribe } from './topics.js';
export { toWireRead, wireReadProblem } from './readCodec.js';
export { Uplink, type UplinkOptions, type UplinkSource, type UplinkStats } from './uplink.js';
export { readHubIdentity, writeHubIdentity, type HubIdentity } from './hubIdentity.js';
export { signDeviceRequest, verifyDeviceRequest, deviceRequestBytes, type DeviceRequest } from './deviceRequest.js';
