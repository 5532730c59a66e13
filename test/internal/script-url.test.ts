import { expect } from '@open-wc/testing';
import { kijkomScriptUrl } from '../../src/internal/script-url.js';

describe('kijkomScriptUrl', () => {
  it("names the page's own kijkom.js in a snippet, else the one beside the module asking", () => {
    const chunk = 'https://cdn.example/kijkom/1.2.0/player-session-AbC123.js';
    const doc = document.implementation.createHTMLDocument('');
    expect(kijkomScriptUrl(doc, chunk)).to.equal('https://cdn.example/kijkom/1.2.0/kijkom.js');
    const script = doc.head.appendChild(doc.createElement('script'));
    script.type = 'module';
    script.src = 'https://archief.example/js/kijkom.js';
    expect(kijkomScriptUrl(doc, chunk)).to.equal('https://archief.example/js/kijkom.js');
    // Not a look-alike name, nor a classic script.
    script.src = 'https://archief.example/js/not-kijkom.js';
    expect(kijkomScriptUrl(doc, chunk)).to.equal('https://cdn.example/kijkom/1.2.0/kijkom.js');
  });
});
