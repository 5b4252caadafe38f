export { AlprError, ERROR_CODES, isAlprError, errorMessage, loggableError, type ErrorCode } from './errors.js';
export { systemClock, ManualClock, type Clock, type TimerHandle } from './clock.js';
export { VEHICLE_COLOURS, READ_COLOURS, isVehicleColour, type VehicleColour } from './vehicleColours.js';
export { createLogger, silentLogger, REDACTED_PATHS, type Logger, type LoggerOptions } from './logger.js';
export { TypedEmitter } from './typedEmitter.js';
export { oneOf, ms, validateAgainstSchema, type CamelCased } from './configSchema.js';
export { EXIT, exitCodeFor, type ExitCode } from './exitCodes.js';
export { pathExists } from './fsPaths.js';
export { addressBlock, ipv6Bytes } from './ipAddress.js';
