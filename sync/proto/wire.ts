import $protobuf from 'protobufjs/minimal.js';
import { alpr } from './generated/alpr.js';

// 64-bit fields (millisecond timestamps, sequence numbers) decode as plain numbers, not Long
// objects: every value we send fits in 2^53.
$protobuf.util.Long = undefined as never;
$protobuf.configure();

export { alpr };
