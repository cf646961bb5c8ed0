import { describe, expect, it } from 'vitest';
import { jpegHeaderOf } from '../../test/images';
import { findJpegFrameEnd, maxJpegSegmentsBeforeFrame } from './find-jpeg-frame-end';

describe('findJpegFrameEnd', () => {
  const header = jpegHeaderOf(640, 480);
  /** SOI (2) + APP0 (18) + the frame header (2 + 17). */
  const frameEnd = 2 + 18 + 19;

  it('finds where the frame header ends, after the segments before it', () => {
    expect(findJpegFrameEnd(header)).toBe(frameEnd);
    expect(findJpegFrameEnd(jpegHeaderOf(640, 480, 10))).toBe(frameEnd + 10 * 5);
  });

  it.each([
    ['no JPEG start', Buffer.from('RIFF0000WEBPVP8 ')],
    ['nothing after the start', Buffer.from([0xff, 0xd8])],
    ['a segment that runs past the end', header.subarray(0, frameEnd - 1)],
    ['no marker where a segment should start', Buffer.concat([header.subarray(0, 20), Buffer.alloc(100)])],
    ['fill bytes before a marker', Buffer.concat([header.subarray(0, 20), Buffer.from([0xff]), header.subarray(20)])],
    ['a segment length below 2', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0xff, 0xc0])],
    ['the scan before any frame header', Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02])],
    ['only zeros after the start', Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.alloc(2 * 1024 * 1024)])],
  ])('answers undefined for %s', (_case, bytes) => {
    expect(findJpegFrameEnd(bytes)).toBeUndefined();
  });

  it(`gives up after ${maxJpegSegmentsBeforeFrame} segments without a frame header`, () => {
    expect(findJpegFrameEnd(jpegHeaderOf(1, 1, maxJpegSegmentsBeforeFrame - 2))).toBeDefined();
    expect(findJpegFrameEnd(jpegHeaderOf(1, 1, maxJpegSegmentsBeforeFrame))).toBeUndefined();
  });
});
