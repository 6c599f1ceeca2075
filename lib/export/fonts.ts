/**
 * The app's font (Inter, SIL OFL 1.1) as @font-face rules with the font files inlined as data URIs, so an
 * exported SVG, and the PNG rasterised from it, render with the same font anywhere. Browser only: it fetches
 * the files the app serves from /fonts.
 */
const FACES: { weight: number; file: string }[] = [
  { weight: 400, file: "/fonts/inter-latin-400-normal.woff2" },
  { weight: 600, file: "/fonts/inter-latin-600-normal.woff2" },
];

let cached: Promise<string> | null = null;

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** @font-face CSS with the font files embedded; "" if they cannot be loaded (the export then uses system fonts). */
export function embeddedFontCss(): Promise<string> {
  cached ??= Promise.all(
    FACES.map(async (f) => {
      const res = await fetch(f.file);
      if (!res.ok) throw new Error(`${f.file}: ${res.status}`);
      const data = toBase64(new Uint8Array(await res.arrayBuffer()));
      return `@font-face{font-family:"Inter";font-style:normal;font-weight:${f.weight};src:url(data:font/woff2;base64,${data}) format("woff2");}`;
    }),
  )
    .then((rules) => rules.join(""))
    .catch(() => {
      cached = null;
      return "";
    });
  return cached;
}
