import 'server-only';
import http from 'node:http';
import { trustedClientAddress } from './client-ip';

// Next.js gives route handlers, Server Actions and pages no socket address (there is no
// `request.ip` in the App Router), and it copies the socket's peer into X-Forwarded-For only when
// the request has no such header — so a client that sends its own header chooses its address.
// This hook runs before Next.js sees a request: it resolves the client's address from the socket
// and TRUST_PROXY_HOPS and writes it as the only X-Forwarded-For entry, which is what clientIp()
// reads everywhere.

const marker = Symbol.for('energokabinet.clientAddressHook');

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

export function installClientAddressHook(hops: number): void {
  const proto = http.Server.prototype as unknown as { emit: Emit; [marker]?: number };
  if (proto[marker] !== undefined) {
    proto[marker] = hops;
    return;
  }
  proto[marker] = hops;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      const header = request.headers['x-forwarded-for'];
      request.headers['x-forwarded-for'] = trustedClientAddress(
        Array.isArray(header) ? header.join(',') : header,
        request.socket?.remoteAddress,
        proto[marker] ?? 0,
      );
    }
    return emit.call(this, event, ...args);
  };
}
