// React 18 passes no properties or listeners to custom elements: kijkom/react-components wraps each
// element in a component that does (and registers them).
import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FragmentPlayer, ThemePage } from 'kijkom/react-components';
import type { FragmentPlayer as FragmentPlayerElement } from 'kijkom';

const catalogue = '/test/fixtures/catalogue.json';

function App() {
  const player = useRef<FragmentPlayerElement>(null);
  const [playedFrom, setPlayedFrom] = useState<number>();
  const [selected, setSelected] = useState<string>();
  return (
    <main>
      <ThemePage
        catalogue={catalogue}
        theme="politiek-ambtelijke-verhoudingen"
        headingLevel={3}
        onFragmentSelect={(event) => setSelected(event.detail.fragmentId)}
      />
      <FragmentPlayer
        ref={player}
        id="quote"
        catalogue={catalogue}
        fragment="verbazing-eerste-contact"
        onFragmentPlay={(event) => setPlayedFrom(event.detail.currentTime)}
      />
      {/* A number property set as a property, not an attribute's text. */}
      <FragmentPlayer src="/demo/media/interview-32m/video.m3u8" start={142} end="2:30" label="Een citaat" />
      <output id="played-from">{playedFrom ?? ''}</output>
      <output id="selected">{selected ?? ''}</output>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
