// Size-bench anchor: Mux Player 3 — a page imports the package once; it registers <mux-player>
// (a media-chrome theme over <mux-video>) and brings its CSS inside the JS.
import '@mux/mux-player';
