import { describe, expect, it } from 'vitest';
import { robokassaGateway } from '@/lib/payments/gateway/robokassa';
import {
  opStateUrl,
  parseOperationState,
  parseRefundCreateAnswer,
  refundJwt,
  refundPayloadJson,
  ROBOKASSA_REFUND_CREATE_URL,
} from '@/lib/payments/gateway/robokassa-refund';
import { SANDBOX_DECLINED_REFUND_KOPECKS, sandboxRefund } from '@/lib/payments/gateway/sandbox/refund';

// Robokassa's Refund API (docs.robokassa.ru «Осуществление возвратов по API»): a JWT, HS256 with
// Password #3, over a compact JSON payload {OpKey, RefundSum, InvoiceItems}; the OpKey comes from
// the OpStateExt XML interface. The vectors below were computed outside this code base, with
// Python's hmac/hashlib/base64:
//   b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b'=').decode()
//   signed = b64(b'{"alg":"HS256","typ":"JWT"}') + '.' + b64(payload.encode('utf-8'))
//   signed + '.' + b64(hmac.new(b'refund-password-3', signed.encode(), hashlib.sha256).digest())
//   hashlib.md5(b'energo-shop:100042:shop-password-2').hexdigest()

const OP_KEY = '0005F891-8CCD-434B-8455-816AFFFDBF37-0VOisWikFF'; // the docs' example OpKey
const DESCRIPTION = 'Оплата электроэнергии по лицевому счёту 50010003';
const PAYLOAD =
  '{"OpKey":"0005F891-8CCD-434B-8455-816AFFFDBF37-0VOisWikFF","RefundSum":250.50,"InvoiceItems":[{"Name":"Оплата электроэнергии по лицевому счёту 50010003","Quantity":1,"Cost":250.50,"Tax":"none","PaymentMethod":"full_payment","PaymentObject":"service"}]}';
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJPcEtleSI6IjAwMDVGODkxLThDQ0QtNDM0Qi04NDU1LTgxNkFGRkZEQkYzNy0wVk9pc1dpa0ZGIiwiUmVmdW5kU3VtIjoyNTAuNTAsIkludm9pY2VJdGVtcyI6W3siTmFtZSI6ItCe0L_Qu9Cw0YLQsCDRjdC70LXQutGC0YDQvtGN0L3QtdGA0LPQuNC4INC_0L4g0LvQuNGG0LXQstC-0LzRgyDRgdGH0ZHRgtGDIDUwMDEwMDAzIiwiUXVhbnRpdHkiOjEsIkNvc3QiOjI1MC41MCwiVGF4Ijoibm9uZSIsIlBheW1lbnRNZXRob2QiOiJmdWxsX3BheW1lbnQiLCJQYXltZW50T2JqZWN0Ijoic2VydmljZSJ9XX0.4_5b3ZvX0XX8sEI10STcAweiTqGvLhTGIMz4AePYlng';

const OP_STATE_XML = `<?xml version="1.0" encoding="utf-8"?>
<OperationStateResponse xmlns="http://auth.robokassa.ru/Merchant/WebService/">
  <Result><Code>0</Code></Result>
  <State><Code>100</Code><RequestDate>2026-11-25T12:00:00.0000000+03:00</RequestDate><StateDate>2026-11-18T13:00:00.0000000+03:00</StateDate></State>
  <Info>
    <IncCurrLabel>BankCardPSR</IncCurrLabel><IncSum>1000.000000</IncSum><IncAccount>411111******1111</IncAccount>
    <PaymentMethod><Code>BankCard</Code><Description>Банковская карта</Description></PaymentMethod>
    <OutCurrLabel>BankCardPSR</OutCurrLabel><OutSum>1000.000000</OutSum>
    <OpKey>${OP_KEY}</OpKey><BankCardRRN>123456789012</BankCardRRN>
  </Info>
</OperationStateResponse>`;

describe('Robokassa refund: the signed request', () => {
  it('builds the compact payload from kopecks, RefundSum for a partial refund', () => {
    expect(
      refundPayloadJson({ opKey: OP_KEY, refundKopecks: 250_50, item: { name: DESCRIPTION, amountKopecks: 250_50 } }),
    ).toBe(PAYLOAD);
  });

  it('leaves RefundSum out for a full refund', () => {
    const json = refundPayloadJson({ opKey: 'K', item: { name: 'Оплата', amountKopecks: 1000_00 } });
    expect(json).toBe(
      '{"OpKey":"K","InvoiceItems":[{"Name":"Оплата","Quantity":1,"Cost":1000.00,"Tax":"none","PaymentMethod":"full_payment","PaymentObject":"service"}]}',
    );
    expect(JSON.parse(json)).not.toHaveProperty('RefundSum');
  });

  it('signs the JWT with HS256 and Password #3 exactly like the independent computation', () => {
    expect(refundJwt(PAYLOAD, 'refund-password-3')).toBe(JWT);
    // The header is the one in Robokassa's documented example token.
    expect(JWT.split('.')[0]).toBe('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9');
    expect(refundJwt(PAYLOAD, 'another-password')).not.toBe(JWT);
  });

  it('asks OpStateExt with the signature MerchantLogin:InvoiceID:Password2', () => {
    const url = new URL(
      opStateUrl({
        baseUrl: 'https://auth.robokassa.ru',
        merchantLogin: 'energo-shop',
        invId: 100042,
        password2: 'shop-password-2',
        hash: 'md5',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://auth.robokassa.ru/Merchant/WebService/Service.asmx/OpStateExt');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      MerchantLogin: 'energo-shop',
      InvoiceID: '100042',
      Signature: '9f0d6e4a741c43f86cba106ee4998418',
    });
  });

  it('reads the OpKey, the state and the amount from the OpStateExt answer', () => {
    expect(parseOperationState(OP_STATE_XML)).toEqual({
      resultCode: 0,
      stateCode: 100,
      opKey: OP_KEY,
      outSumKopecks: 1000_00,
    });
    expect(
      parseOperationState('<OperationStateResponse><Result><Code>3</Code></Result></OperationStateResponse>'),
    ).toEqual({
      resultCode: 3,
      stateCode: null,
      opKey: null,
      outSumKopecks: null,
    });
  });

  it('reads the Refund/Create answers', () => {
    expect(
      parseRefundCreateAnswer('{"success":true,"message":null,"requestId":"68cd7fa6-1338-4745-ba5c-28d16cbcdb3d"}'),
    ).toEqual({ ok: true, requestId: '68cd7fa6-1338-4745-ba5c-28d16cbcdb3d' });
    expect(parseRefundCreateAnswer('{"success":false,"message":"NotEnoughOperationFunds","requestId":null}')).toEqual({
      ok: false,
      message: 'по операции не осталось столько денег для возврата (NotEnoughOperationFunds)',
    });
    expect(parseRefundCreateAnswer('<html>502</html>')).toMatchObject({ ok: false });
  });
});

describe('Robokassa refund through the gateway interface', () => {
  type Call = { url: string; method: string; contentType: string | null; body: string | null };

  /** Plays Robokassa's two endpoints and records what our code sent them. */
  function robokassaServer(refundAnswer: string, calls: Call[]): typeof fetch {
    return (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const headers = new Headers(init?.headers);
      calls.push({
        url,
        method: init?.method ?? 'GET',
        contentType: headers.get('content-type'),
        body: typeof init?.body === 'string' ? init.body : null,
      });
      if (url.startsWith('https://auth.robokassa.ru/Merchant/WebService/Service.asmx/OpStateExt?'))
        return new Response(OP_STATE_XML, { status: 200 });
      if (url === ROBOKASSA_REFUND_CREATE_URL) return new Response(refundAnswer, { status: 200 });
      return new Response('not found', { status: 404 });
    }) as typeof fetch;
  }

  const base = {
    merchantLogin: 'energo-shop',
    password1: 'shop-password-1',
    password2: 'shop-password-2',
    isTest: false,
    hash: 'md5' as const,
  };
  const request = {
    invId: 100042,
    paymentAmountKopecks: 1000_00,
    alreadyRefundedKopecks: 0,
    amountKopecks: 250_50,
    description: DESCRIPTION,
  };

  it('gets the OpKey, then posts the JWT; the request id is the reference, the refund is not settled yet', async () => {
    const calls: Call[] = [];
    const gateway = robokassaGateway({
      ...base,
      password3: 'refund-password-3',
      fetch: robokassaServer('{"success":true,"message":null,"requestId":"REQ-1"}', calls),
    });
    expect(await gateway.refund(request)).toEqual({ ok: true, reference: 'REQ-1', settled: false });
    expect(calls).toHaveLength(2);
    expect(new URL(calls[0]!.url).searchParams.get('Signature')).toBe('9f0d6e4a741c43f86cba106ee4998418');
    expect(calls[1]).toMatchObject({
      url: ROBOKASSA_REFUND_CREATE_URL,
      method: 'POST',
      contentType: 'application/json',
    });
    expect(JSON.parse(calls[1]!.body!)).toBe(JWT);
  });

  it('says why when Robokassa refuses, when Password #3 is missing, and when the payment is not paid', async () => {
    const refused = robokassaGateway({
      ...base,
      password3: 'refund-password-3',
      fetch: robokassaServer('{"success":false,"message":"AlreadyRefunded","requestId":null}', []),
    });
    expect(await refused.refund(request)).toEqual({
      ok: false,
      reason: 'Robokassa отказала в возврате: платёж уже возвращён (AlreadyRefunded)',
    });

    const calls: Call[] = [];
    const unconfigured = robokassaGateway({ ...base, fetch: robokassaServer('{}', calls) });
    const answer = await unconfigured.refund(request);
    expect(answer).toMatchObject({ ok: false });
    expect(answer.ok ? '' : answer.reason).toContain('ROBOKASSA_PASSWORD3');
    expect(calls).toHaveLength(0);

    const down = robokassaGateway({
      ...base,
      password3: 'p3',
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch,
    });
    expect(await down.refund(request)).toEqual({ ok: false, reason: 'Нет связи с Robokassa; возврат не оформлен' });
  });
});

describe('sandbox refunds', () => {
  it('succeed at once, except the declined test amount and more than is left', async () => {
    const request = {
      invId: 1,
      paymentAmountKopecks: 100_00,
      alreadyRefundedKopecks: 0,
      amountKopecks: 50_00,
      description: 'x',
    };
    expect(await sandboxRefund(request)).toMatchObject({
      ok: true,
      settled: true,
      reference: expect.stringMatching(/^sandbox-refund-/),
    });
    expect(await sandboxRefund({ ...request, amountKopecks: SANDBOX_DECLINED_REFUND_KOPECKS })).toMatchObject({
      ok: false,
    });
    expect(await sandboxRefund({ ...request, alreadyRefundedKopecks: 60_00 })).toMatchObject({ ok: false });
  });
});
