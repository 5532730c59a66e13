import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatTime, isoDuration, parseTime } from '../../src/catalogue/time.js';

/** Asserts that `value` parses, and returns its seconds. */
function seconds(value: unknown): number {
  const result = parseTime(value);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(value)} to parse, got "${result.reason}"`);
  return result.seconds;
}

/** Asserts that `value` is refused, and returns the reason. */
function refusal(value: unknown): string {
  const result = parseTime(value);
  if (result.ok) throw new Error(`expected ${String(value)} to be refused, got ${result.seconds} s`);
  return result.reason;
}

describe('parseTime', () => {
  describe('accepts', () => {
    it('numbers of seconds, fractions included', () => {
      expect(seconds(0)).to.equal(0);
      expect(seconds(142)).to.equal(142);
      expect(seconds(142.25)).to.equal(142.25);
      expect(seconds(0.5)).to.equal(0.5);
    });

    it('numeric strings, trimmed', () => {
      expect(seconds('142')).to.equal(142);
      expect(seconds(' 142 ')).to.equal(142);
      expect(seconds('\t142\n')).to.equal(142);
      expect(seconds('7.5')).to.equal(7.5);
    });

    it('m:s with unpadded fields, as the source site writes them', () => {
      expect(seconds('12:1')).to.equal(12 * 60 + 1);
      expect(seconds('29:4')).to.equal(29 * 60 + 4);
      expect(seconds('0:45')).to.equal(45);
      expect(seconds(' 2:22 ')).to.equal(142);
    });

    it('minutes of 60 or more when no hours are given', () => {
      expect(seconds('75:00')).to.equal(75 * 60);
    });

    it('h:m:s', () => {
      expect(seconds('1:02:03')).to.equal(3600 + 2 * 60 + 3);
      expect(seconds('1:2:3')).to.equal(3723);
      expect(seconds('0:00:00')).to.equal(0);
    });

    it('a fraction in the last field only', () => {
      expect(seconds('1:59.5')).to.equal(119.5);
    });
  });

  describe('refuses, with a reason', () => {
    const cases: [string, unknown][] = [
      ['a negative number', -1],
      ['a negative fraction', -0.5],
      ['a negative m:s', '-1:00'],
      ['a negative numeric string', '-5'],
      ['the empty string', ''],
      ['whitespace only', '   '],
      ['a non-numeric field', '12:x'],
      ['seconds of 60 or more', '1:75'],
      ['seconds of exactly 60', '0:60'],
      ['minutes of 60 or more when hours are given', '1:60:00'],
      ['NaN', NaN],
      ['Infinity', Infinity],
      ['-Infinity', -Infinity],
      ['null', null],
      ['undefined', undefined],
      ['an object', { seconds: 3 }],
      ['an array', [1, 2]],
      ['an array of one time', ['1:00']],
      ['true', true],
      ['false', false],
      ['four fields', '1:2:3:4'],
      ['an empty middle field', '1::2'],
      ['an empty first field', ':30'],
      ['an empty last field', '1:30:'],
      ['exponent notation', '1e3'],
      ['hexadecimal', '0x10'],
      ['a fraction in a field that is not the last', '1.5:00'],
      ['spaces inside the time', '1 : 30'],
      ['a numeric string too large to be finite', '9'.repeat(400)],
      ['an hours field too large to be finite', `${'9'.repeat(400)}:00:00`],
    ];
    for (const [name, value] of cases) {
      it(name, () => {
        const reason = refusal(value);
        expect(reason).to.be.a('string').and.not.equal('');
      });
    }

    it('says which rule a time breaks', () => {
      expect(refusal(-1)).to.match(/negative/);
      expect(refusal('-1:00')).to.match(/negative/);
      expect(refusal('1:75')).to.match(/seconds/);
      expect(refusal('1:60:00')).to.match(/minutes/);
      expect(refusal('')).to.match(/empty/);
      expect(refusal('12:x')).to.match(/not a time/);
    });
  });
});

describe('formatTime', () => {
  it('pads every field below the first', () => {
    expect(formatTime(45)).to.equal('0:45');
    expect(formatTime(721)).to.equal('12:01');
    expect(formatTime(3723)).to.equal('1:02:03');
    expect(formatTime(0)).to.equal('0:00');
    expect(formatTime(75 * 60)).to.equal('1:15:00');
  });

  it('floors fractions', () => {
    expect(formatTime(45.9)).to.equal('0:45');
    expect(formatTime(59.999)).to.equal('0:59');
    expect(formatTime(3599.5)).to.equal('59:59');
  });
});

describe('isoDuration', () => {
  it('writes an ISO 8601 duration, leaving out zero fields', () => {
    expect(isoDuration(721)).to.equal('PT12M1S');
    expect(isoDuration(0)).to.equal('PT0S');
    expect(isoDuration(3723)).to.equal('PT1H2M3S');
    expect(isoDuration(3600)).to.equal('PT1H');
    expect(isoDuration(45.7)).to.equal('PT45S');
  });
});

describe('parseTime and formatTime together', () => {
  it('parse back what they display, for every whole second up to 100 hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * 3600 }), (n) => {
        expect(seconds(formatTime(n))).to.equal(n);
      }),
      { numRuns: 1000 },
    );
  });
});
