import { paymentQr } from '@/lib/bills/qr-code';

/**
 * The ГОСТ Р 56042-2014 payment code as inline SVG (drawn on the server, no image request, sharp at
 * any zoom). Dark modules on white with the quiet zone, so phone cameras read it in dark mode too.
 */
export function PaymentQr({ payload, label, size = 208 }: { payload: string; label: string; size?: number }) {
  const qr = paymentQr(payload);
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${qr.extent} ${qr.extent}`}
      shapeRendering="crispEdges"
      className="h-auto max-w-full bg-white"
      data-testid="payment-qr"
      data-qr-version={qr.version}
    >
      <title>{label}</title>
      <rect width={qr.extent} height={qr.extent} fill="#ffffff" />
      <path d={qr.path} fill="#000000" />
    </svg>
  );
}
