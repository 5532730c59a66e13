// Which media requests hls.js starts with, read from a playlist's text: the engine makes them while
// hls.js's code loads. Pure logic; that hls.js then takes them from memory is tested by
// test/build/cdn-instant-play.test.ts on the real build.
import { expect } from '@open-wc/testing';
import { sameUrl, startRequests, startVariant, variants } from '../../src/media/start-requests.js';

const BASE = 'https://media.example/interviews/a/video.m3u8';
const AHEAD = 0.3;

/** A VOD media playlist of `count` segments of `seconds`, after `head` lines. */
function playlist(count: number, seconds: number, head: string[] = ['#EXT-X-MAP:URI="init.mp4"']): string {
  const segments = Array.from({ length: count }, (_, i) => [`#EXTINF:${seconds.toFixed(3)},`, `seg-${i}.m4s`]);
  return ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-PLAYLIST-TYPE:VOD', ...head, ...segments.flat(), '#EXT-X-ENDLIST'].join(
    '\n',
  );
}

const urls = (text: string, start: number) => startRequests(text, BASE, start, AHEAD).map((request) => request.url);
const at = (file: string) => new URL(file, BASE).href;

describe('startRequests', () => {
  it('asks for the init section and the segment holding the start', () => {
    expect(urls(playlist(30, 4), 62)).to.deep.equal([at('init.mp4'), at('seg-15.m4s')]);
    expect(urls(playlist(30, 4), 0)).to.deep.equal([at('init.mp4'), at('seg-0.m4s')]);
    expect(urls(playlist(30, 4), 60)).to.deep.equal([at('init.mp4'), at('seg-15.m4s')]);
  });

  it('adds the next segment where the start lies within the read-ahead of its segment’s end', () => {
    expect(urls(playlist(30, 4), 63.8)).to.deep.equal([at('init.mp4'), at('seg-15.m4s'), at('seg-16.m4s')]);
    expect(urls(playlist(30, 4), 63.6)).to.deep.equal([at('init.mp4'), at('seg-15.m4s')]);
    // The last segment has none after it.
    expect(urls(playlist(30, 4), 119.9)).to.deep.equal([at('init.mp4'), at('seg-29.m4s')]);
  });

  it('asks for no init section where the stream has none (MPEG-TS)', () => {
    expect(urls(playlist(10, 6, []), 13)).to.deep.equal([at('seg-2.m4s')]);
  });

  it('adds up segments of differing lengths', () => {
    const text = ['#EXTM3U', '#EXTINF:2.5,', 'a.ts', '#EXTINF:6,', 'b.ts', '#EXTINF:6,', 'c.ts', '#EXT-X-ENDLIST'].join('\n');
    expect(urls(text, 2.1)).to.deep.equal([at('a.ts')]);
    expect(urls(text, 2.4)).to.deep.equal([at('a.ts'), at('b.ts')]);
    expect(urls(text, 2.5)).to.deep.equal([at('b.ts')]);
    expect(urls(text, 9)).to.deep.equal([at('c.ts')]);
  });

  it('gives byte ranges, an offset left out continuing the last range of the same file', () => {
    const text = [
      '#EXTM3U',
      '#EXT-X-MAP:URI="stream.mp4",BYTERANGE="1224@0"',
      '#EXTINF:4,',
      '#EXT-X-BYTERANGE:28072@1224',
      'stream.mp4',
      '#EXTINF:4,',
      '#EXT-X-BYTERANGE:26877',
      'stream.mp4',
      '#EXT-X-ENDLIST',
    ].join('\n');
    expect(startRequests(text, BASE, 5, AHEAD)).to.deep.equal([
      { url: at('stream.mp4'), start: 0, end: 1224 },
      { url: at('stream.mp4'), start: 29296, end: 29296 + 26877 },
    ]);
  });

  it('resolves URLs against where the playlist was found (after a redirect), and keeps absolute ones', () => {
    const text = ['#EXTM3U', '#EXTINF:4,', '../b/one.ts', '#EXTINF:4,', 'https://cdn.example/two.ts', '#EXT-X-ENDLIST'].join(
      '\n',
    );
    expect(urls(text, 1)).to.deep.equal(['https://media.example/interviews/b/one.ts']);
    expect(urls(text, 5)).to.deep.equal(['https://cdn.example/two.ts']);
  });

  it('leaves a byte-range init section to hls.js where segments are encrypted (hls.js widens its range to whole blocks)', () => {
    const text = [
      '#EXTM3U',
      '#EXT-X-KEY:METHOD=AES-128,URI="key.bin"',
      '#EXT-X-MAP:URI="stream.mp4",BYTERANGE="1224@0"',
      '#EXTINF:4,',
      '#EXT-X-BYTERANGE:28072@1224',
      'stream.mp4',
      '#EXT-X-ENDLIST',
    ].join('\n');
    expect(startRequests(text, BASE, 1, AHEAD)).to.deep.equal([{ url: at('stream.mp4'), start: 1224, end: 1224 + 28072 }]);
    const whole = playlist(3, 4, ['#EXT-X-MAP:URI="init.mp4"', '#EXT-X-KEY:METHOD=AES-128,URI="key.bin"']);
    expect(urls(whole, 1), 'a whole init section is asked for as it stands').to.deep.equal([at('init.mp4'), at('seg-0.m4s')]);
  });

  it('asks for nothing where it cannot know what hls.js will ask for', () => {
    const multivariant = ['#EXTM3U', '#EXT-X-STREAM-INF:BANDWIDTH=96000', 'low.m3u8'].join('\n');
    expect(urls(multivariant, 10), 'a multivariant playlist (the rendition is chosen later)').to.deep.equal([]);
    const growing = playlist(30, 4).replace('#EXT-X-ENDLIST', '');
    expect(urls(growing, 10), 'a playlist without its end (live, or still growing)').to.deep.equal([]);
    expect(urls(playlist(30, 4), 120), 'a start past the end').to.deep.equal([]);
    expect(urls('<html>not a playlist</html>', 10), 'not a playlist').to.deep.equal([]);
    expect(urls(playlist(30, 4).replace('#EXTINF:4.000,', '#EXTINF:four,'), 10), 'a bad duration').to.deep.equal([]);
    const defined = playlist(30, 4, ['#EXT-X-DEFINE:NAME="v",VALUE="1"', '#EXT-X-MAP:URI="init-{$v}.mp4"']);
    expect(urls(defined, 10), 'variables (hls.js substitutes them)').to.deep.equal([]);
    expect(urls(playlist(3, 4).replace('seg-1.m4s', 'http://[bad'), 5), 'a URI that is no URL').to.deep.equal([]);
  });
});

describe('variants and startVariant', () => {
  const master = [
    '#EXTM3U',
    '#EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"',
    '720p.m3u8',
    '#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=426x240',
    '240p.m3u8',
    '#EXT-X-STREAM-INF:BANDWIDTH=1000000,RESOLUTION=640x360',
    '',
    'https://cdn.example/360p.m3u8',
    '#EXT-X-STREAM-INF:RESOLUTION=320x180',
    'no-bandwidth.m3u8',
  ].join('\n');
  const offered = variants(master, BASE);

  it('reads each rendition’s playlist, bitrate and width, in the playlist’s order (one without a bitrate left out)', () => {
    expect(offered).to.deep.equal([
      { url: at('720p.m3u8'), bitrate: 2500000, width: 1280 },
      { url: at('240p.m3u8'), bitrate: 400000, width: 426 },
      { url: 'https://cdn.example/360p.m3u8', bitrate: 1000000, width: 640 },
    ]);
    expect(variants(playlist(3, 4), BASE), 'a media playlist').to.deep.equal([]);
  });

  it('leaves out a rendition without a picture (audio only), as hls.js does where others have one', () => {
    const withAudio = `${master}\n#EXT-X-STREAM-INF:BANDWIDTH=64000,CODECS="mp4a.40.2"\naudio.m3u8`;
    expect(variants(withAudio, BASE)).to.deep.equal(offered);
  });

  it('tells the same URL as hls.js spells it from ours', () => {
    expect(sameUrl('https://media.example/interviews/a b/ü.m3u8', at('../a b/ü.m3u8'))).to.equal(true);
    expect(sameUrl('https://MEDIA.example:443/x.m3u8', 'https://media.example/x.m3u8')).to.equal(true);
    expect(sameUrl('https://media.example/x.m3u8', 'https://media.example/y.m3u8')).to.equal(false);
    expect(sameUrl(undefined, 'https://media.example/x.m3u8')).to.equal(false);
  });

  it('starts on the lowest as wide as the player, within the estimate', () => {
    const width = (variant?: { width?: number }) => variant?.width;
    expect(width(startVariant(offered, 600, 10e6)), '600 px, fast').to.equal(640);
    expect(width(startVariant(offered, 1920, 10e6)), 'wider than any: the widest').to.equal(1280);
    expect(width(startVariant(offered, 200, 10e6)), 'small').to.equal(426);
    expect(width(startVariant(offered, 1280, 500e3)), 'within the estimate').to.equal(426);
    expect(width(startVariant(offered, 1280, 100e3)), 'below every bitrate: the lowest').to.equal(426);
  });

  it('chooses nothing where there is no choice or no widths to choose by', () => {
    expect(startVariant(offered.slice(0, 1), 600, 10e6)).to.equal(undefined);
    expect(startVariant([...offered, { bitrate: 5e6 }], 600, 10e6)).to.equal(undefined);
    expect(startVariant(offered, 0, 10e6), 'a player not laid out').to.equal(undefined);
  });
});
