// Size-bench anchor: media-chrome 4 — what a page imports to show one <video> with a control bar
// (<media-controller>, <media-control-bar>, play/mute/fullscreen buttons, time range, time display …):
// the package's main entry, which registers all its core elements. Its menus ('media-chrome/menu')
// are not imported. media-chrome plays no HLS itself: that needs a media element such as
// hls-video-element plus hls.js, not counted here.
import 'media-chrome';
