/** A QR code of a link as an SVG string (qrcode, loaded on first use): black on white, medium error correction. */
export async function qrSvg(text: string): Promise<string> {
  const QRCode = (await import("qrcode")).default;
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 1, color: { dark: "#000000", light: "#ffffff" } });
}
