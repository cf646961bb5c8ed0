/** Phones as they are typed at checkout, and the `tel:` address each one dials. */
import { describe, expect, it } from 'vitest';
import { toTelHref } from './phone.logic';

describe('toTelHref', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['an Indian mobile number', '9848022338', 'tel:+919848022338'],
    ['one typed with spaces and a dash', '98480 22-338', 'tel:+919848022338'],
    ['one with the trunk 0', '09848022338', 'tel:+919848022338'],
    ['one with the country code and no +', '919848022338', 'tel:+919848022338'],
    ['one with +91', '+91 98480 22338', 'tel:+919848022338'],
    ['a number from abroad with its +', '+1 (415) 555-0100', 'tel:+14155550100'],
    ['any other bare number, as written', '4155550100123', 'tel:4155550100123'],
    ['no number', undefined, undefined],
    ['no digits', ' - ', undefined],
  ])('dials %s', (_case, phone, href) => {
    expect(toTelHref(phone)).toBe(href);
  });
});
