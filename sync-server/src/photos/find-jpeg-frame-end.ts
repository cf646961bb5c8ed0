/**
 * Pure: where a JPEG's frame header (SOF0 to SOF2, the segment that holds width and height)
 * ends, found by walking its marker segments from the start, or undefined when the bytes are
 * not such a JPEG. image-size is then given only the bytes up to there: on a malformed JPEG its
 * own walk goes byte by byte and held the event loop 0.7 s over 2 MiB; this walk jumps from
 * segment to segment and stops after a bounded number of them.
 */

/** Real JPEGs have a dozen or so segments (APPn, DQT, DHT, COM…) before their frame header. */
export const maxJpegSegmentsBeforeFrame = 256;

/** Baseline, extended and progressive frames: the ones image-size reads sizes from. */
const frameMarkers = new Set([0xc0, 0xc1, 0xc2]);
/** Start of scan, end of image: past these no frame header may follow a well-formed header block. */
const endMarkers = new Set([0xda, 0xd9]);

export function findJpegFrameEnd(bytes: Uint8Array, maxSegments = maxJpegSegmentsBeforeFrame): number | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  for (let segment = 0; segment < maxSegments; segment++) {
    if (at + 4 > bytes.length || bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    // Fill bytes (0xFF 0xFF), stuffed zeros, restart and other markers without a length do not
    // belong among header segments: refused rather than guessed at.
    if (marker === 0xff || marker === 0x00 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8) || endMarkers.has(marker)) return undefined;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) return undefined;
    if (frameMarkers.has(marker)) return end;
    at = end;
  }
  return undefined;
}
