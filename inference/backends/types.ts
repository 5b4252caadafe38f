/** A tensor as the backends exchange it: row-major float32 with its dimensions. */
export interface Tensor {
  data: Float32Array;
  dims: number[];
}

/**
 * Runs the networks: the detector, one or two readers (manifest `reader`, `second_reader`) and,
 * where the folder has one, the state classifier (`state_classifier`). Both backends take NCHW
 * float input and return the same layouts: detector `maps` [N, 5, H/4, W/4]; reader `chars`
 * [N, classes, steps] and `state` [N, states]; state classifier `state` [N, states].
 */
export interface InferenceBackend {
  readonly name: 'onnx' | 'tfjs';
  /** Whether the readers run as int8 (ONNX Runtime where the manifest and the CPU allow, int8Support.ts) or float. */
  readonly readerPrecision: 'int8' | 'float';
  /** How many readers the model folder holds (read's `reader` is 0 to readers - 1). */
  readonly readers: number;
  detect(input: Tensor): Promise<{ maps: Tensor }>;
  read(input: Tensor, reader?: number): Promise<{ chars: Tensor; state: Tensor }>;
  /** Whether the model folder has a state classifier (classifyState refuses to run otherwise). */
  readonly classifiesStates: boolean;
  classifyState(input: Tensor): Promise<{ state: Tensor }>;
  dispose(): Promise<void>;
}
