export { ReadBuffer, THIRTY_DAYS_MS, EARLIEST_SANE_WALL_MS, type ReadBufferOptions, type BufferBatch, type BufferStats } from './readBuffer.js';
export { loadDataKey, loadOrCreateDataKey, writeDataKey, destroyDataKey, newDataKey, keyIdOf, syncDir, DATA_KEY_BYTES, type DataKey } from './dataKey.js';
export { rotateDataKey, recoverDataKey, destroyAllDataKeys, dataKeyFiles, type RotationStep, type RotationOptions } from './keyRotation.js';
export { encryptRead, decryptRead } from './recordCodec.js';
export { validateRead } from './validateRead.js';
export { storeDamageAlarms, setAsideStores } from './storeDamage.js';
