import { expect } from '@open-wc/testing';
import { apaCitation, apaName, plainCitation, type CitationSource } from '../../src/internal/citation.js';

const LINK = 'https://example.org/gesprekken/gesprek-a#t=142,245';
const SOURCE: CitationSource = {
  person: 'Jan van der Meer',
  interviewTitle: 'Gesprek met Jan van der Meer',
  date: '2018-11',
  archive: 'De Top Kijkt Om',
  publisher: 'Stichting Voorbeeld',
  link: LINK,
  fragment: { title: 'Verbazing bij het eerste contact', start: 142, end: 245 },
};
const EN = { kind: 'Video interview', noDate: 'n.d.' };
const NL = { kind: 'Video-interview', noDate: 'z.d.' };

describe('citations', () => {
  it('APA 7: author inverted, date, title with its kind, archive and publisher, the lasting link', () => {
    expect(apaCitation(SOURCE, 'en', EN).text).to.equal(
      `van der Meer, J. (2018, November). Gesprek met Jan van der Meer [Video interview]. De Top Kijkt Om, Stichting Voorbeeld. ${LINK}`,
    );
    expect(apaCitation(SOURCE, 'nl', NL).text).to.equal(
      `van der Meer, J. (2018, november). Gesprek met Jan van der Meer [Video-interview]. De Top Kijkt Om, Stichting Voorbeeld. ${LINK}`,
    );
  });

  it('APA 7 dates: a day in each language’s order, a year alone, none, and one written otherwise', () => {
    const date = (value: string | undefined, lang: string) =>
      apaCitation({ ...SOURCE, date: value }, lang, EN).text.match(/\(([^)]*)\)/)![1];
    expect(date('2018-11-05', 'en')).to.equal('2018, November 5');
    expect(date('2018-11-05', 'nl')).to.equal('2018, 5 november');
    expect(date('2018-11-05', 'de')).to.equal('2018, 5. November');
    expect(date('2018', 'en')).to.equal('2018');
    expect(date(undefined, 'en')).to.equal('n.d.');
    expect(date('najaar 2018', 'nl')).to.equal('najaar 2018');
    // No month 13, no 30 February: as written, never another date.
    expect(date('2018-13', 'en')).to.equal('2018-13');
    expect(date('2018-02-30', 'en')).to.equal('2018-02-30');
    expect(date('2020-02-29', 'en')).to.equal('2020, February 29');
  });

  it('APA 7 without a speaker: the title takes the author’s place', () => {
    const { text } = apaCitation({ ...SOURCE, person: undefined, publisher: undefined, date: undefined }, 'nl', NL);
    expect(text).to.equal(`Gesprek met Jan van der Meer [Video-interview]. (z.d.). De Top Kijkt Om. ${LINK}`);
  });

  it('APA 7 as HTML: the title in italics, every text escaped', () => {
    const { html } = apaCitation({ ...SOURCE, person: 'Els de <Wit>', publisher: 'A & B' }, 'en', EN);
    expect(html).to.equal(
      `de &lt;Wit&gt;, E. (2018, November). <i>Gesprek met Jan van der Meer</i> [Video interview]. De Top Kijkt Om, A &amp; B. ${LINK}`,
    );
  });

  it('names as APA lists authors, particles kept with the surname', () => {
    expect(apaName("Roel in 't Veld")).to.equal("in 't Veld, R.");
    expect(apaName('Jan-Peter Balkenende')).to.equal('Balkenende, J.-P.');
    expect(apaName('Anne Marie Smit')).to.equal('Smit, A. M.');
    expect(apaName('Ans Smit-de Vries')).to.equal('Smit-de Vries, A.');
    expect(apaName('Madonna')).to.equal('Madonna');
    expect(apaName('  Ursula von der Leyen ')).to.equal('von der Leyen, U.');
    // Already surname first, or with a stray dash: nothing mangled.
    expect(apaName('Meer, Jan van der')).to.equal('Meer, Jan van der');
    expect(apaName('Jan - Smit')).to.equal('Smit, J.');
  });

  it('an archive that is its own publisher is named once', () => {
    const { text } = apaCitation({ ...SOURCE, archive: 'Stichting Voorbeeld' }, 'en', EN);
    expect(text).to.contain('[Video interview]. Stichting Voorbeeld. https://');
  });

  it('a quote names its speakers itself: the plain citation puts no interviewee before it', () => {
    const quote = {
      title: 'Interviewer 2: Hoe was dat? — Jan van der Meer: Verbazend.',
      start: 90,
      end: 120,
      quote: true,
    };
    expect(plainCitation({ ...SOURCE, fragment: quote }, 'nl', { in: 'in' })).to.equal(
      `“Interviewer 2: Hoe was dat? — Jan van der Meer: Verbazend.” (1:30–2:00), in Gesprek met Jan van der Meer, november 2018. De Top Kijkt Om, Stichting Voorbeeld. ${LINK}`,
    );
    // APA 7 cites the interview, whose author is the interviewee, whatever the quote.
    expect(apaCitation({ ...SOURCE, fragment: quote }, 'nl', NL).text).to.match(
      /^van der Meer, J\. \(2018, november\)/,
    );
  });

  it('the plain citation names the fragment and its times; the whole interview has none', () => {
    expect(plainCitation(SOURCE, 'nl', { in: 'in' })).to.equal(
      `Jan van der Meer, “Verbazing bij het eerste contact” (2:22–4:05), in Gesprek met Jan van der Meer, november 2018. De Top Kijkt Om, Stichting Voorbeeld. ${LINK}`,
    );
    expect(plainCitation({ ...SOURCE, fragment: undefined, date: '2018-11-05' }, 'en', { in: 'in' })).to.equal(
      `Jan van der Meer, Gesprek met Jan van der Meer, November 5, 2018. De Top Kijkt Om, Stichting Voorbeeld. ${LINK}`,
    );
    expect(
      plainCitation({ interviewTitle: 'Gesprek', link: LINK, fragment: { title: 'Begin', start: 3725 } }, 'de', {
        in: 'in',
      }),
    ).to.equal(`“Begin” (1:02:05), in Gesprek. ${LINK}`);
  });
});
