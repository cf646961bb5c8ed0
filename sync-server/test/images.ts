/**
 * Test helper: real image bytes made in code (PNGs through node:zlib, a 1 × 1 WebP, WebP and JPEG
 * headers of any size) and their content-addressed names, for the photo checks and routes.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { PhotoExtension } from '@oa/schema';

/** `<sha256 hex>.<ext>`, as the admin app names a photo. */
export function photoNameOf(bytes: Uint8Array, extension: PhotoExtension): string {
  return `${createHash('sha256').update(bytes).digest('hex')}.${extension}`;
}

/** A complete lossless WebP of one pixel (the well-known one browsers' feature checks decode). */
export const oneSquareWebp = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

/** A complete RGB PNG, `width` × `height`, each pixel from `colour` (default: noise that does not compress). */
export function pngOf(width: number, height: number, colour: (x: number, y: number) => readonly [number, number, number] = noiseColour): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const start = y * (width * 3 + 1); // each row opens with its filter type, 0: none
    for (let x = 0; x < width; x++) Buffer.from(colour(x, y)).copy(rows, start + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits a channel, RGB, deflate, no filter set, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** The same PNG grown to exactly `size` bytes by a text chunk before its end: still a valid PNG. */
export function padPng(png: Buffer, size: number): Buffer {
  const end = png.length - 12; // IEND: length, type, CRC
  const text = size - png.length - 12 - 'Comment\0'.length;
  if (text < 0) throw new Error(`a PNG of ${png.length} bytes cannot be padded to ${size}`);
  return Buffer.concat([png.subarray(0, end), chunk('tEXt', Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.alloc(text, 0x61)])), png.subarray(end)]);
}

/** The header of an extended WebP (VP8X) saying its canvas is `width` × `height`; no image data. */
export function webpHeaderOf(width: number, height: number): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(height - 1, 7, 3);
  const body = Buffer.concat([Buffer.from('WEBP'), Buffer.from('VP8X'), le32(vp8x.length), vp8x]);
  return Buffer.concat([Buffer.from('RIFF'), le32(body.length), body]);
}

/** A JPEG's header block (SOI, JFIF APP0, a baseline frame header of `width` × `height`), then EOI. */
export function jpegHeaderOf(width: number, height: number, segmentsBefore = 0): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const comments = Array.from({ length: segmentsBefore }, () => Buffer.from([0xff, 0xfe, 0x00, 0x03, 0x21]));
  const frame = Buffer.from([0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, ...comments, frame, Buffer.from([0xff, 0xd9])]);
}

/** `size` bytes from a seeded generator: no image of any kind. */
export function noise(size: number, seed = 1): Buffer {
  const bytes = Buffer.alloc(size);
  let state = seed;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

function noiseColour(x: number, y: number): [number, number, number] {
  const n = Math.imul(x + 1, 2_654_435_761) ^ Math.imul(y + 1, 40_503);
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff];
}

function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, typed, crc]);
}

function le32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
