/**
 * Room in a hot-list message for what surrounds its entries: the update's header fields, the
 * hub's signatures and the sealing (an empty update sealed is 259 bytes).
 */
const FRAME_MARGIN_BYTES = 4096;
/** Each entry or removed id in the frame also carries a tag and a length of up to 3 bytes. */
const PER_ITEM_BYTES = 4;

/** The entries' share of a message of at most `maxMessageBytes`. */
function entryBudget(maxMessageBytes: number): number {
  return Math.max(1, maxMessageBytes - FRAME_MARGIN_BYTES);
}

/**
 * Cuts a snapshot's encoded entries into parts of at most `maxEntries` entries each and at most
 * `maxMessageBytes` once sealed: the appliances refuse a larger hot-list message
 * (HOTLIST_MESSAGE_MAX_BYTES), and 20,000 entries with every text field at its cap come to
 * about 16 MB. Always at least one part (an empty list is a snapshot too).
 */
export function snapshotParts(upserts: readonly Uint8Array[], maxEntries: number, maxMessageBytes: number): Uint8Array[][] {
  const budget = entryBudget(maxMessageBytes);
  const parts: Uint8Array[][] = [[]];
  let bytes = 0;
  for (const entry of upserts) {
    const size = entry.length + PER_ITEM_BYTES;
    const part = parts[parts.length - 1]!;
    if (part.length > 0 && (part.length >= maxEntries || bytes + size > budget)) {
      parts.push([entry]);
      bytes = size;
    } else {
      part.push(entry);
      bytes += size;
    }
  }
  return parts;
}

/**
 * Whether a delta fits in one message. A delta has no parts (the appliance applies it whole, from
 * the version it holds); one that does not fit (an import that changed most of a large list) is
 * sent as a snapshot in parts instead.
 */
export function deltaFits(upserts: readonly Uint8Array[], removedEntryIds: readonly string[], maxMessageBytes: number): boolean {
  let bytes = 0;
  for (const entry of upserts) bytes += entry.length + PER_ITEM_BYTES;
  for (const id of removedEntryIds) bytes += Buffer.byteLength(id) + PER_ITEM_BYTES;
  return bytes <= entryBudget(maxMessageBytes);
}
