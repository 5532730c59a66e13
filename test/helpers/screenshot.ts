// Real pixels of the page, from the test runner's browser (the test server's `screenshot` command).
import { executeServerCommand } from '@web/test-runner-commands';

export interface Shot {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box of an element (or a range of text) on the page, grown by `grow` CSS pixels on every side. */
export function boxOf(el: Element | Range, grow = 0): Rect {
  const box = el.getBoundingClientRect();
  return {
    x: Math.floor(box.x - grow),
    y: Math.floor(box.y - grow),
    width: Math.ceil(box.width + 2 * grow),
    height: Math.ceil(box.height + 2 * grow),
  };
}

/** A screenshot of a rectangle of the page (CSS pixels), as RGBA pixels. */
export async function screenshot(rect: Rect): Promise<Shot> {
  const png = await executeServerCommand<string, Rect>('screenshot', rect);
  const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return {
    width: bitmap.width,
    height: bitmap.height,
    data: context.getImageData(0, 0, bitmap.width, bitmap.height).data,
  };
}

/** After the next two frames: what changed is rendered. */
export const rendered = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

export type Rgb = [number, number, number];

/** WCAG 2 relative luminance of an sRGB colour (channels 0–255). */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The colour of a screenshot's pixel. */
export const pixel = (shot: Shot, x: number, y: number): Rgb => {
  const i = (y * shot.width + x) * 4;
  return [shot.data[i], shot.data[i + 1], shot.data[i + 2]];
};
