import { AlprError } from '../../core/index.js';

/**
 * A FIFO with a fixed capacity between two pipeline stages. When full, offer() drops the new
 * item and counts it: under overload the appliance keeps up with current traffic instead of
 * falling ever further behind, and the drop count shows up in health.
 */
export class BoundedQueue<T> {
  private readonly items: T[] = [];
  private waiters: Array<(item: T | null) => void> = [];
  private isClosed = false;
  private droppedCount = 0;
  private acceptedCount = 0;

  constructor(readonly name: string, readonly capacity: number, private readonly onDrop?: (item: T) => void) {}

  get closed(): boolean {
    return this.isClosed;
  }

  get depth(): number {
    return this.items.length;
  }

  get dropped(): number {
    return this.droppedCount;
  }

  get accepted(): number {
    return this.acceptedCount;
  }

  /** Adds an item; false (and counted) when the queue is full. */
  offer(item: T): boolean {
    if (this.isClosed) throw new AlprError('ALPR_ERR_QUEUE_CLOSED', `queue ${this.name} is closed`);
    const waiter = this.waiters.shift();
    if (waiter) {
      this.acceptedCount++;
      waiter(item);
      return true;
    }
    if (this.items.length >= this.capacity) {
      this.droppedCount++;
      this.onDrop?.(item);
      return false;
    }
    this.items.push(item);
    this.acceptedCount++;
    return true;
  }

  /** The next item, waiting if none; null once the queue is closed and empty. */
  take(): Promise<T | null> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve(item);
    if (this.isClosed) return Promise.resolve(null);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops accepting; consumers drain what is left, then receive null. */
  close(): void {
    this.isClosed = true;
    for (const waiter of this.waiters) waiter(null);
    this.waiters = [];
  }

  /** Removes everything still queued (on shutdown), returning it so resources can be freed. */
  drain(): T[] {
    return this.items.splice(0);
  }
}
