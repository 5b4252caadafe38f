/** A tensor as the backends exchange it: row-major float32 with its dimensions. */
export interface Tensor {
  data: Float32Array;
  dims: number[];
}

/**
 * Runs the two networks. Both backends take NCHW float input and return the same layouts:
 * detector `maps` [N, 5, H/4, W/4]; reader `chars` [N, classes, steps] and `state` [N, states].
 */
export interface InferenceBackend {
  readonly name: 'onnx' | 'tfjs';
  detect(input: Tensor): Promise<{ maps: Tensor }>;
  read(input: Tensor): Promise<{ chars: Tensor; state: Tensor }>;
  dispose(): Promise<void>;
}
