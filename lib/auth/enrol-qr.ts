// The enrolment QR code as one SVG path (drawn inline; no image request, nothing for a CSP to allow).
import { create as createQr } from 'qrcode';

const QUIET_ZONE = 4;

export function qrSvgPath(text: string): { extent: number; path: string } {
  const qr = createQr(text, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size;) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`;
    }
  }
  return { extent: size + 2 * QUIET_ZONE, path };
}
