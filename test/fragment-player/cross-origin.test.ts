// Media on another origin: a plain video (MP4) plays without CORS, as a bare <video> would; the
// player asks for CORS (`crossorigin`) only when captions come from another origin.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/fragment-player/define.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import { token, until, otherOrigin } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';

async function press(el: FragmentPlayer): Promise<HTMLVideoElement> {
  const button = await until(() => shadow(el).querySelector<HTMLButtonElement>('[part~="play-button"]'), 'the facade');
  button.click();
  return until(() => shadow(el).querySelector('video'), 'the video');
}

describe('<fragment-player> and other origins', () => {
  afterEach(() => document.querySelectorAll('fragment-player').forEach((el) => el.remove()));

  it('plays an MP4 from another origin that sends no CORS headers', async () => {
    const src = otherOrigin(`/_media/${token()}/none/interview-32m/video.mp4`);
    const el = await fixture<FragmentPlayer>(
      html`<fragment-player src=${src} start="120" label="MP4"></fragment-player>`,
    );
    const video = await press(el);
    expect(video.hasAttribute('crossorigin')).to.equal(false);
    await until(() => video.currentTime > 120.5 && !video.paused, 'playback from the start', 20000);
    expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('asks for CORS when the captions come from another origin, not when they are its own', async () => {
    const t = token();
    const fixtureCatalogue = await (await fetch('/test/fixtures/catalogue.json')).json();
    const base = new URL('/test/fixtures/catalogue.json', location.href);
    const own = new URL('../../demo/media/interview-32m/captions-nl.vtt', base).href;
    const interview = fixtureCatalogue.interviews[0];
    interview.video = new URL(interview.video, base).href;
    interview.captions = [{ lang: 'nl', label: 'Nederlands', src: otherOrigin(new URL(own).pathname) }];
    fixtureCatalogue.interviews[1].video = new URL(fixtureCatalogue.interviews[1].video, base).href;
    fixtureCatalogue.interviews[1].captions = [{ lang: 'nl', label: 'Nederlands', src: own }];
    await executeServerCommand('put-catalogue', { token: t, body: JSON.stringify(fixtureCatalogue) });
    const catalogue = `/_cat/${t}/put`;
    const fragmentOf = (interviewId: string) =>
      fixtureCatalogue.fragments.find((f: { interview: string }) => f.interview === interviewId).id;

    const foreign = await fixture<FragmentPlayer>(
      html`<fragment-player catalogue=${catalogue} fragment=${fragmentOf(interview.id)}></fragment-player>`,
    );
    expect((await press(foreign)).getAttribute('crossorigin')).to.equal('anonymous');
    foreign.remove();

    const local = await fixture<FragmentPlayer>(
      html`<fragment-player
        catalogue=${catalogue}
        fragment=${fragmentOf(fixtureCatalogue.interviews[1].id)}
      ></fragment-player>`,
    );
    expect((await press(local)).hasAttribute('crossorigin')).to.equal(false);
  });
});
