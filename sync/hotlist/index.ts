export { HotlistMatcher, type HotlistEntry, type HotlistHit } from './hotlistMatcher.js';
export { lookalikeVariants } from './lookalikes.js';
export { deviceSealingPublicKey, deviceSealingPrivateKey } from './deviceSealKey.js';
export { encodeHotlistEntries, sealHotlistUpdate, openHotlistUpdate, sealAlert, openAlert, signAlertAck, verifyAlertAck } from './hotlistWire.js';
