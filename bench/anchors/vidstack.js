// Size-bench anchor: Vidstack Player 1 as a web component with its Default Layout — the three JS
// imports its installation guide (Web Components, Default Layout) gives a page:
// the player (<media-player>, <media-provider>), the default layout (<media-video-layout>,
// <media-audio-layout>) and the UI components that layout renders. The guide's two CSS imports
// (theme.css, layouts/video.css) are left out: the bench counts JavaScript only.
import 'vidstack/player';
import 'vidstack/player/layouts/default';
import 'vidstack/player/ui';
