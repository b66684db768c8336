// The payment gateway boundary. Our code speaks integer kopecks and typed objects; each gateway
// speaks its own protocol (signed form fields, rubles as decimal strings). Robokassa and the
// built-in sandbox share Robokassa's protocol; МОНЕТА (MONETA.Assistant) has its own. All
// implement this one interface, so everything above this folder is gateway-agnostic.

export type GatewayId = 'robokassa' | 'sandbox' | 'moneta' | 'netpay';

/** The hash chosen in the Robokassa shop's technical settings (MD5 unless changed there). */
export type HashAlgorithm = 'md5' | 'sha256' | 'sha384' | 'sha512';

// ---------------------------------------------------------------------------------------------
// 54-ФЗ receipt (Robokassa `Receipt` parameter, JSON).

/** Система налогообложения. Optional in the receipt when the shop has a single one. */
export type ReceiptSno = 'osn' | 'usn_income' | 'usn_income_outcome' | 'esn' | 'patent';

/** Ставка НДС. `vat22`/`vat122` are the 2026 rate; the 20% codes remain for older periods. */
export type ReceiptTax =
  | 'none'
  | 'vat0'
  | 'vat5'
  | 'vat7'
  | 'vat10'
  | 'vat20'
  | 'vat22'
  | 'vat105'
  | 'vat107'
  | 'vat110'
  | 'vat120'
  | 'vat122';

/** Признак способа расчёта (тег 1214). A bill paid after the service: `full_payment`. */
export type ReceiptPaymentMethod = 'full_prepayment' | 'prepayment' | 'advance' | 'full_payment';

/** Признак предмета расчёта (тег 1212). Electricity supply is a service. */
export type ReceiptPaymentObject = 'service' | 'payment' | 'commodity';

export interface FiscalReceiptItem {
  /** At most 128 characters (`receiptItem` trims). */
  name: string;
  quantity: number;
  /** Rubles for the whole line, a number with at most two decimals (built from kopecks). */
  sum: number;
  payment_method: ReceiptPaymentMethod;
  payment_object: ReceiptPaymentObject;
  tax: ReceiptTax;
}

export interface FiscalReceipt {
  sno?: ReceiptSno;
  items: FiscalReceiptItem[];
}

// ---------------------------------------------------------------------------------------------
// Requests we make.

/** User parameters echoed back by the gateway and covered by its signatures. */
export type ShpParams = Record<string, string>;

export interface PaymentRedirectRequest {
  /** Our payment's number at the gateway: an integer 1…2147483647, unique per payment. */
  invId: number;
  amountKopecks: number;
  /** Shown to the payer; at most 100 characters (longer text is cut). */
  description: string;
  /** Pre-fills the payer's e-mail (for the receipt). */
  email?: string;
  /** 54-ФЗ receipt; its lines must add up to `amountKopecks`. */
  receipt?: FiscalReceipt;
  /** The seller a receipt printed by the gateway's own cash register names (NET PAY's cashbox). */
  seller?: { inn: string; paymentAddress: string };
  /** First payment of a card binding (Robokassa `Recurring=true`). */
  recurring?: boolean;
  /** `Shp_…` keys, e.g. `{ Shp_account: '…', Shp_purpose: 'bill' }`; see `assertShpParams`. */
  shp: ShpParams;
  /** After this the gateway no longer takes the payment (Robokassa `ExpirationDate`). */
  expiresAt?: Date;
  /**
   * Our status page for this payment (absolute, with our signed token), for gateways that take
   * the return address in the request (МОНЕТА). Robokassa's is set in the shop's settings.
   */
  returnUrl?: string;
}

export interface PaymentRedirect {
  /** Where to send the payer's browser, without a query string. */
  url: string;
  method: 'GET' | 'POST';
  /** Form fields (or query parameters for GET), already signed. */
  fields: Record<string, string>;
}

export interface RecurringChargeRequest {
  /** The new payment's number. */
  invId: number;
  /** The paid first payment (`Recurring=true`) whose card is charged again. */
  previousInvId: number;
  amountKopecks: number;
  description: string;
  receipt?: FiscalReceipt;
  shp: ShpParams;
}

/** A server-to-server `application/x-www-form-urlencoded` POST to make. */
export interface RecurringChargeCall {
  url: string;
  fields: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Callbacks we receive.

export type GatewayParams = URLSearchParams | Record<string, string>;

export interface VerifiedCallback {
  ok: true;
  invId: number;
  /** Parsed from the raw OutSum the signature covered; compare with what we asked, in kopecks. */
  amountKopecks: number;
  /** The gateway's commission in kopecks (rounded), when reported. Not covered by the signature. */
  fee?: number;
  /** The payer's e-mail as entered at the gateway. Not covered by the signature. */
  email?: string;
  /** E.g. `BankCard`. Not covered by the signature. */
  paymentMethod?: string;
  /** Masked card number (`411111******1111`) when the gateway reports one. Not signed. */
  cardMask?: string;
  /** Every `Shp_` parameter received — all of them are covered by the signature. */
  shp: ShpParams;
  /** Every parameter as received. */
  raw: Record<string, string>;
}

export interface RejectedCallback {
  ok: false;
  /** `wrong_currency`, `test_mode`: signed, but not a payment in rubles of this shop's live mode. */
  /** `not_paid`: signed, but a decline, hold, cancel or refund rather than a completed payment. */
  reason: 'bad_signature' | 'malformed' | 'wrong_currency' | 'test_mode' | 'not_paid';
}

export type CallbackVerification = VerifiedCallback | RejectedCallback;

// ---------------------------------------------------------------------------------------------
// Refunds (made by staff, through the gateway that took the payment).

export interface RefundRequest {
  /** The paid payment's number at the gateway. */
  invId: number;
  /** What the payment brought, in kopecks. */
  paymentAmountKopecks: number;
  /** Refunded from this payment before, in kopecks (a first refund of the whole is a "full" one). */
  alreadyRefundedKopecks: number;
  /** This refund, in kopecks: at least 1, at most what is left of the payment. */
  amountKopecks: number;
  /** The payment's description: the line of the 54-ФЗ refund receipt. */
  description: string;
}

/**
 * `settled`: the money is on its way back (the sandbox) rather than a request the gateway accepted
 * and still processes (Robokassa answers with a request id, the `reference`; Refund/GetState?id=…
 * tells its final state).
 */
export type RefundOutcome = { ok: true; reference: string; settled: boolean } | { ok: false; reason: string };

/** Where a refund the gateway accepted (`settled: false`) stands: still `processing`, or final. */
export type RefundState = 'processing' | 'succeeded' | 'failed';

/** What the answer to a paid payment's notification may carry for the fiscal receipt. */
export interface PaidPaymentReceipt {
  receipt: FiscalReceipt;
  /** Where the receipt goes (the payer's e-mail), when known. */
  email: string | null;
}

export interface PaymentGateway {
  id: GatewayId;
  /** Payments through it move no real money (Robokassa test mode, or the sandbox). */
  isTest: boolean;
  /** The signed redirect that starts a payment. Throws on invalid input (a bug, not user error). */
  paymentRedirect(p: PaymentRedirectRequest): PaymentRedirect;
  /** ResultURL (server to server, signed with Password #2): the only proof of payment. */
  verifyResult(params: GatewayParams): CallbackVerification;
  /**
   * The exact body to answer a verified notification with: `OK<InvId>` (Robokassa), `SUCCESS`
   * (МОНЕТА), NET PAY's `<notification>` XML (which echoes fields of the notification itself).
   */
  resultAnswer(invId: number, callback?: VerifiedCallback, paid?: PaidPaymentReceipt): string;
  /**
   * The gateway takes the 54-ФЗ receipt in the answer to its notification (МОНЕТА's Pay URL XML),
   * not with the payment's start: the notification handler then fixes the receipt and passes it.
   */
  receiptInAnswer?: boolean;
  /** The body of the answer to a refused notification (`FAIL` for МОНЕТА); a short reason otherwise. */
  refusalAnswer(reason: string, params?: Record<string, string>): string;
  /** The gateway can charge a bound card later without the payer (Robokassa recurring). */
  chargesBoundCards: boolean;
  /** SuccessURL (the payer's browser, signed with Password #1): shows status, proves nothing. */
  verifySuccess(params: GatewayParams): CallbackVerification;
  /** A charge of a bound card; the gateway's `OK…` answer means accepted, ResultURL completes it. */
  recurringCharge(p: RecurringChargeRequest): RecurringChargeCall;
  /**
   * Returns money of a paid payment to the card it came from. Talks to the gateway (network) and
   * never throws for a refusal, a timeout or a misconfiguration: `ok: false` with a reason in Russian.
   */
  refund(p: RefundRequest): Promise<RefundOutcome>;
  /**
   * How an accepted refund (its `reference`) stands now. Throws when the gateway cannot be asked
   * (the poller asks again later); absent for a gateway whose refunds are settled at once.
   */
  refundState?(reference: string): Promise<RefundState>;
}

/** Thrown for a gateway misconfiguration (partial env, unknown hash). */
export class GatewayConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayConfigError';
  }
}
