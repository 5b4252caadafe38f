/**
 * The buffers the detector fills for every frame (the pyramid's halvings, the network's input),
 * kept from one frame to the next: a 1080p frame otherwise allocates about a megabyte of them,
 * and the old-space collections that memory brings on cost about a millisecond a frame. A frame
 * takes a set and gives it back when its detection is done; frames detected at the same time
 * (concurrent recognize() calls) each take their own, so none overwrites another's pixels.
 */
export interface DetectorBufferSet {
  /** Pixels of pyramid levels 1, 2, ... from an earlier frame; reused where the size matches. */
  levels: Uint8Array[];
  input: Float32Array;
}

export class DetectorBuffers {
  private readonly free: DetectorBufferSet[] = [];

  constructor(private readonly inputSize: number) {}

  take(): DetectorBufferSet {
    return this.free.pop() ?? { levels: [], input: new Float32Array(this.inputSize) };
  }

  give(set: DetectorBufferSet): void {
    // One set is all a recognizer reading one frame at a time needs; a second covers an overlap.
    if (this.free.length < 2) this.free.push(set);
  }
}
