// The payment QR code as vector data: one SVG path of dark modules, drawn inline on the bill page
// and with the same path in the PDF receipt (crisp at any zoom or print resolution, a few KB).
import { create as createQr } from 'qrcode';
import { paymentQrSegments } from './qr-payload';

/** The quiet zone around the symbol, in modules (ISO/IEC 18004 asks for 4). */
export const QR_QUIET_ZONE = 4;

export interface PaymentQr {
  /** Symbol version 1–40 (size = 17 + 4 × version modules). */
  version: number;
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Modules per side with the quiet zone: the SVG viewBox is `0 0 extent extent`. */
  extent: number;
  /** SVG path data of the dark modules, in module units, already offset by the quiet zone. */
  path: string;
  /** Dark (1) / light (0) modules, row by row, `size × size` (for tests and readers). */
  modules: Uint8Array;
}

/**
 * Encodes a ГОСТ Р 56042-2014 string: its UTF-8 bytes in one byte-mode segment, error correction M
 * (about 15 % of the symbol may be smudged or folded and still read).
 */
export function paymentQr(payload: string): PaymentQr {
  const qr = createQr(paymentQrSegments(payload), { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  let path = '';
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      path += `M${start + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h${col - start}v1h-${col - start}z`;
    }
  }
  return { version: qr.version, size, extent: size + 2 * QR_QUIET_ZONE, path, modules: new Uint8Array(data) };
}
