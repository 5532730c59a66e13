import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'kijkom';
import type {} from 'kijkom/react';

const catalogue = '/test/fixtures/catalogue.json';

function App() {
  const [playedFrom, setPlayedFrom] = useState<number>();
  const [warnings, setWarnings] = useState<number>();
  const [selected, setSelected] = useState<string>();
  return (
    <main>
      <theme-page
        catalogue={catalogue}
        theme="politiek-ambtelijke-verhoudingen"
        heading-level={2}
        oncatalogue-load={(event) => setWarnings(event.detail.warnings.length)}
        onfragment-select={(event) => setSelected(event.detail.fragmentId)}
      />
      <fragment-player
        id="quote"
        catalogue={catalogue}
        fragment="verbazing-eerste-contact"
        onfragment-play={(event) => setPlayedFrom(event.detail.currentTime)}
      />
      <fragment-player src="/demo/media/interview-32m/video.m3u8" start={142} end="2:30" label="Een citaat" />
      <fragment-list catalogue={catalogue} interview="gesprek-b" player="quote" />
      <interview-page catalogue={catalogue} interview="gesprek-a" />
      <output id="played-from">{playedFrom ?? ''}</output>
      <output id="warnings">{warnings ?? ''}</output>
      <output id="selected">{selected ?? ''}</output>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
