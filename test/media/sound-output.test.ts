// Firefox reports its sound output failing (a device that will not open) as a media error; the
// engine tells it from damaged media by its words, tries again, and then says what failed.
import { expect } from '@open-wc/testing';
import { soundOutputFailed } from '../../src/media/engine-types.js';

describe('a sound output failure is not damaged media', () => {
  it('is told by Firefox’s words for it', () => {
    // As Firefox words it in MediaError.message (seen on machines whose audio device fails).
    expect(soundOutputFailed('NS_ERROR_DOM_MEDIA_MEDIASINK_ERR (0x806e000b) - OnMediaSinkAudioError')).to.equal(true);
    expect(soundOutputFailed('OnMediaSinkAudioError')).to.equal(true);
  });

  it('leaves decode errors as they are', () => {
    expect(soundOutputFailed('NS_ERROR_DOM_MEDIA_FATAL_ERR (0x806e0005) - ffvpx video decoder error')).to.equal(false);
    expect(soundOutputFailed('PIPELINE_ERROR_DECODE: video decoder reinitialization failed')).to.equal(false);
    expect(soundOutputFailed('media error 3')).to.equal(false);
  });
});
