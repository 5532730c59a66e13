import { expect } from '@open-wc/testing';
import { spokenPercent, spokenTime } from '../../src/i18n/spoken-time.js';

describe('spokenTime', () => {
  it('says a time in Dutch words, singular and plural, largest unit first', () => {
    expect(spokenTime(730, 'nl')).to.equal('12 minuten 10 seconden');
    expect(spokenTime(1920, 'nl')).to.equal('32 minuten');
    expect(spokenTime(3661, 'nl')).to.equal('1 uur 1 minuut 1 seconde');
    expect(spokenTime(7200, 'nl')).to.equal('2 uur');
    expect(spokenTime(0, 'nl')).to.equal('0 seconden');
  });

  it('and in English; fractions of a second are dropped, negatives are 0', () => {
    expect(spokenTime(730.9, 'en')).to.equal('12 minutes 10 seconds');
    expect(spokenTime(3661, 'en')).to.equal('1 hour 1 minute 1 second');
    expect(spokenTime(-4, 'en')).to.equal('0 seconds');
  });

  it('says a volume as a percentage', () => {
    expect(spokenPercent(1, 'en')).to.equal('100%');
    expect(spokenPercent(0.35, 'nl')).to.match(/^35\s?%$/);
  });
});
