import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { FragmentList } from '../../src/fragment-list/fragment-list.js';
import type { FragmentPlayer } from '../../src/fragment-player/fragment-player.js';
import type { FragmentPlaybackEvent, FragmentSelectEvent } from '../../src/events/fragment-events.js';
import { catalogueUrl, nextEvent, token, until } from '../helpers/media.js';
import { shadow } from '../helpers/dom.js';
import { notInWebKit } from '../helpers/engines.js';

const THEME = 'politiek-ambtelijke-verhoudingen';
const buttons = (list: FragmentList) => [...shadow(list).querySelectorAll<HTMLButtonElement>('[part~="item-button"]')];
const titles = (list: FragmentList) => buttons(list).map((b) => b.querySelector('.title')?.textContent);
const button = (list: FragmentList, title: string) =>
  buttons(list).find((b) => b.querySelector('.title')?.textContent === title)!;
const ready = (list: FragmentList, count: number) => until(() => buttons(list).length === count, `${count} items`);
const focused = (list: FragmentList) => shadow(list).activeElement?.querySelector('.title')?.textContent;

describe('<fragment-list>', () => {
  afterEach(() => {
    // Silence whatever a test started.
    for (const player of document.querySelectorAll('fragment-player')) player.remove();
  });

  it('lists a theme in its order with interviewee and start time, and passes the accessibility audit', async () => {
    const list = await fixture<FragmentList>(
      html`<fragment-list catalogue=${catalogueUrl(token())} theme=${THEME}></fragment-list>`,
    );
    await ready(list, 26);
    const first = buttons(list)[0];
    expect(first.querySelector('.title')?.textContent).to.equal(
      'Verbazing bij het eerste contact met topambtenaar Jan Meijer.',
    );
    expect(first.querySelector('.meta')?.textContent).to.contain('Spreker A');
    expect(first.querySelector('time')?.getAttribute('datetime')).to.equal('PT2M22S');
    expect(shadow(list).querySelector('ol[part~="list"]')).to.not.equal(null);
    await expect(list).to.be.accessible();
  });

  it('lists an interview by start time, with the length when the end is known', async () => {
    const list = await fixture<FragmentList>(
      html`<fragment-list lang="en" catalogue=${catalogueUrl(token())} interview="gesprek-i"></fragment-list>`,
    );
    await ready(list, 3);
    expect(buttons(list).map((b) => b.querySelector('time')?.textContent)).to.deep.equal(['1:35', '3:07', '12:05']);
    const meta = buttons(list)[1].querySelector('.meta')!;
    expect(meta.textContent).to.contain('length');
    expect(meta.querySelectorAll('time')[0].getAttribute('datetime')).to.equal('PT1M5S');
  });

  it('moves between items with Up, Down, Home and End', async () => {
    const list = await fixture<FragmentList>(
      html`<fragment-list catalogue=${catalogueUrl(token())} interview="gesprek-a"></fragment-list>`,
    );
    await ready(list, 7);
    const names = titles(list);
    buttons(list)[0].focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(list)).to.equal(names[1]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(list)).to.equal(names[2]);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(list)).to.equal(names[1]);
    await sendKeys({ press: 'End' });
    expect(focused(list)).to.equal(names[6]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(list), 'Down stops at the last item').to.equal(names[6]);
    await sendKeys({ press: 'Home' });
    expect(focused(list)).to.equal(names[0]);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(list), 'Up stops at the first item').to.equal(names[0]);
    expect(window.scrollY, 'the arrow keys do not scroll the page').to.equal(0);
  });

  it('filters by `query` on every word, ignoring case, and says how many match', async () => {
    const list = await fixture<FragmentList>(
      html`<fragment-list catalogue=${catalogueUrl(token())} theme=${THEME} query="minister"></fragment-list>`,
    );
    await until(() => buttons(list).length > 0, 'matches');
    expect(titles(list).every((title) => /minister/i.test(title ?? ''))).to.equal(true);
    const count = titles(list).length;
    expect(shadow(list).querySelector('[role="status"]')?.textContent?.trim()).to.equal(`${count} van 26 fragmenten`);
    list.query = '  de   MINISTER nadenken ';
    await list.updateComplete;
    expect(titles(list)).to.deep.equal(['Niet nadenken voor de minister']);
    list.query = 'geen-zulk-woord';
    await list.updateComplete;
    expect(buttons(list)).to.have.length(0);
    expect(shadow(list).querySelector('[role="status"]')?.textContent).to.contain(
      'Geen fragmenten gevonden voor “geen-zulk-woord”',
    );
  });

  it('has a search field that ignores diacritics: "een-op-een" finds "één-op-één"', async function () {
    notInWebKit(this, 'fails in WebKitGTK 2.50 (the typed query finds nothing): not yet understood, open in issue 18');
    const list = await fixture<FragmentList>(
      html`<fragment-list catalogue=${catalogueUrl(token())} theme=${THEME} searchable></fragment-list>`,
    );
    await ready(list, 26);
    const input = shadow(list).querySelector<HTMLInputElement>('[part~="search"] input')!;
    expect(input.labels?.[0]?.textContent).to.contain('Zoek in de fragmenten');
    input.focus();
    await sendKeys({ type: 'een-op-een' });
    await until(() => buttons(list).length === 1, 'one match');
    expect(titles(list)).to.deep.equal(['Een één-op-één relatie hebben.']);
    expect(list.query).to.equal('een-op-een');
    await sendKeys({ type: ' ministeriele' });
    await until(() => buttons(list).length === 0, 'no match for both words');
    await expect(list).to.be.accessible();
  });

  it('plays a selection in the <fragment-player> named by `player`', async () => {
    const t = token();
    const wrapper = await fixture(
      html`<div>
        <fragment-player id="stage" catalogue=${catalogueUrl(t)} fragment="loyale-tegenspraak"></fragment-player>
        <fragment-list catalogue=${catalogueUrl(t)} theme=${THEME} player="stage"></fragment-list>
      </div>`,
    );
    const player = wrapper.querySelector<FragmentPlayer>('#stage')!;
    const list = wrapper.querySelector<FragmentList>('fragment-list')!;
    await ready(list, 26);
    const playing = nextEvent<FragmentPlaybackEvent>(player, 'fragment-play');
    button(list, 'De verkokering voorbij').click();
    const event = await playing;
    expect(player.fragment).to.equal('de-verkokering-voorbij');
    expect(event.detail.fragmentId).to.equal('de-verkokering-voorbij');
    expect(shadow(list).querySelector('fragment-player'), 'no inline player').to.equal(null);
    const current = await until(
      () => buttons(list).find((b) => b.getAttribute('aria-current') === 'true' && b.querySelector('.now')),
      'the item marked as playing',
    );
    expect(current.querySelector('.title')?.textContent).to.equal('De verkokering voorbij');
    // Paused from the player itself: the list follows.
    const paused = nextEvent(player, 'fragment-pause');
    player.pause();
    await paused;
    await until(() => !current.querySelector('.now'), '"now playing" gone');
    expect(current.getAttribute('aria-current')).to.equal('true');
  });

  it('without a player to drive, opens a player below the item and plays', async () => {
    const list = await fixture<FragmentList>(
      html`<fragment-list catalogue=${catalogueUrl(token())} theme=${THEME}></fragment-list>`,
    );
    await ready(list, 26);
    const item = button(list, 'Ministers met een lage drempel');
    const played = new Promise<FragmentPlaybackEvent>((resolve) =>
      list.addEventListener('fragment-play', resolve, { once: true }),
    );
    item.click();
    const event = await played;
    expect(event.detail.fragmentId).to.equal('ministers-met-een-lage-drempel');
    const inline = shadow(list).querySelector<FragmentPlayer>('fragment-player')!;
    expect(inline.fragment).to.equal('ministers-met-een-lage-drempel');
    // Items re-render in place (the current one in a place of its own): look them up again.
    const current = () => button(list, 'Ministers met een lage drempel');
    expect(inline.closest('li')).to.equal(current().closest('li'));
    expect(current().nextElementSibling?.contains(inline), 'right below the item').to.equal(true);
    await until(() => current().querySelector('.now'), '"now playing"');
    // Another item moves the player there.
    button(list, 'Hoofdzaken en bijzaken').click();
    await until(
      () => shadow(list).querySelector<FragmentPlayer>('fragment-player')?.fragment === 'hoofdzaken-en-bijzaken',
      'the player below the next item',
    );
    expect(shadow(list).querySelectorAll('fragment-player')).to.have.length(1);
    expect(button(list, 'Hoofdzaken en bijzaken').nextElementSibling?.querySelector('fragment-player')).to.not.equal(
      null,
    );
  });

  describe('a theme of 10,000 fragments', () => {
    let url: string;
    before(() => {
      const media = `${location.origin}/demo/media/interview-32m/video.m3u8`;
      const fragments = Array.from({ length: 10_000 }, (_, i) => ({
        id: `f-${i}`,
        interview: 'g',
        title: `Fragment nummer ${i}`,
        start: i % 3600,
      }));
      const catalogue = {
        format: 'kijkom-catalogue/1',
        interviews: [{ id: 'g', title: 'Gesprek', video: media }],
        fragments,
        themes: [{ id: 'groot', title: 'Groot', fragments: fragments.map((f) => f.id) }],
      };
      url = URL.createObjectURL(new Blob([JSON.stringify(catalogue)], { type: 'application/json' }));
    });
    after(() => URL.revokeObjectURL(url));

    it('renders 100 items at a time; "show more" adds 100 and moves focus to the first new one', async () => {
      const list = await fixture<FragmentList>(html`<fragment-list catalogue=${url} theme="groot"></fragment-list>`);
      await ready(list, 100);
      const nodes = shadow(list).querySelectorAll('*').length;
      const more = shadow(list).querySelector<HTMLButtonElement>('[part~="more"]')!;
      more.focus();
      await sendKeys({ press: 'Enter' });
      await ready(list, 200);
      expect(focused(list)).to.equal('Fragment nummer 100');
      // The DOM grows with what is shown, not with the theme.
      expect(shadow(list).querySelectorAll('*').length).to.be.below(nodes * 2 + 10);
    });

    it('searches all of them, not only those shown', async () => {
      const list = await fixture<FragmentList>(
        html`<fragment-list catalogue=${url} theme="groot" query="nummer 9999"></fragment-list>`,
      );
      await ready(list, 1);
      expect(titles(list)).to.deep.equal(['Fragment nummer 9999']);
    });

    it('reveals a fragment beyond the first page: rendered, and scrolled into view', async () => {
      const list = await fixture<FragmentList>(html`<fragment-list catalogue=${url} theme="groot"></fragment-list>`);
      await ready(list, 100);
      await list.revealFragment('f-250');
      expect(buttons(list)).to.have.length(300);
      const rect = button(list, 'Fragment nummer 250').getBoundingClientRect();
      expect(rect.top).to.be.at.least(-1);
      expect(rect.bottom).to.be.at.most(window.innerHeight + 1);
      window.scrollTo(0, 0);
    });
  });

  it('does nothing when a fragment-select listener cancels it', async () => {
    const t = token();
    const wrapper = await fixture(
      html`<div>
        <fragment-player id="named" catalogue=${catalogueUrl(t)} fragment="loyale-tegenspraak"></fragment-player>
        <fragment-list catalogue=${catalogueUrl(t)} theme=${THEME} player="named"></fragment-list>
        <fragment-list catalogue=${catalogueUrl(t)} theme=${THEME}></fragment-list>
      </div>`,
    );
    const [named, inline] = [...wrapper.querySelectorAll<FragmentList>('fragment-list')];
    await ready(named, 26);
    await ready(inline, 26);
    const asked: string[] = [];
    wrapper.addEventListener('fragment-select', (event: FragmentSelectEvent) => {
      asked.push(event.detail.fragmentId);
      event.preventDefault();
    });
    let played = false;
    wrapper.addEventListener('fragment-play', () => (played = true));
    button(named, 'De verkokering voorbij').click();
    button(inline, 'Hoofdzaken en bijzaken').click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(asked).to.deep.equal(['de-verkokering-voorbij', 'hoofdzaken-en-bijzaken']);
    expect(wrapper.querySelector<FragmentPlayer>('#named')!.fragment).to.equal('loyale-tegenspraak');
    expect(shadow(inline).querySelector('fragment-player')).to.equal(null);
    expect([...buttons(named), ...buttons(inline)].some((b) => b.hasAttribute('aria-current'))).to.equal(false);
    expect(played).to.equal(false);
  });
});
