// What React's type checker says of our elements (`tsc --noEmit` in this app's build): what must
// pass, and with `@ts-expect-error` what must fail. A directive whose line has no error fails the
// build too, so each line below is a test.
import { useRef } from 'react';
import type { FragmentPlayer } from 'kijkom';
import type {} from 'kijkom/react';

export function Checked() {
  const player = useRef<FragmentPlayer>(null);
  return (
    <>
      {/* React's own props and a ref typed to the element's class. */}
      <fragment-player
        ref={player}
        fragment="verbazing-eerste-contact"
        onClick={() => player.current?.pause()}
        onKeyDown={(event) => event.key}
        className="quote"
        style={{ maxWidth: '40rem' }}
        onfragment-play={(event) => event.detail.currentTime.toFixed(1)}
      />
      <fragment-list
        theme="politiek-ambtelijke-verhoudingen"
        searchable
        onfragment-select={(event) => event.detail.fragmentId}
      />
      {/* @ts-expect-error a misspelt attribute */}
      <fragment-player fragmnet="verbazing-eerste-contact" />
      {/* @ts-expect-error an event detail field that does not exist */}
      <theme-page theme="a" onfragment-select={(event) => event.detail.fragment} />
      {/* @ts-expect-error a property of the wrong type */}
      <fragment-player audio-only="ja" />
      {/* @ts-expect-error a ref to another element's class */}
      <theme-page ref={player} />
    </>
  );
}
