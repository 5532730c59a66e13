// Size-bench anchor: lite-youtube-embed 0.3 — a facade (<lite-youtube>) that loads YouTube's iframe
// player only on click. A page imports its script (the package's main file); its stylesheet
// (src/lite-yt-embed.css) is not counted: the bench counts JavaScript only.
import 'lite-youtube-embed';
