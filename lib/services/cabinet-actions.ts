import 'server-only';
import { redirect } from 'next/navigation';
import { fail } from '@/lib/actions/result';
import { userAction } from '@/lib/actions/validated';
import type { LoginDoor } from '@/lib/auth/login-doors';
import { requestContext } from '@/lib/http/request-context';
import { activeGateway } from '@/lib/payments/gateways';
import { payRequestWithBinding, startServicePayment } from './payment';
import { createServiceRequest } from './requests';
import {
  customerCancelSchema,
  orderSchema,
  payRequestSchema,
  payWithBindingSchema,
  requestActionSchema,
} from './schemas';
import { acceptPrice, cancelRequest } from './workflow';

// The customer's Server Actions, the same for the household and the company cabinet; each door's
// actions.ts binds them to its login kind. userAction checks the session (and that `accountId`
// is the user's); every function below checks that the request is the user's own.

type CabinetKind = Extract<LoginDoor, 'household' | 'company'>;
const home = (kind: CabinetKind) => (kind === 'household' ? '/fiz' : '/lk');

export const orderAction = (kind: CabinetKind) =>
  userAction(kind, orderSchema, async (input, user) => {
    const created = await createServiceRequest(user, input, await requestContext());
    if (!created.ok) return created;
    redirect(`${home(kind)}/services/${created.requestId}?ordered=1`);
  });

export const acceptAction = (kind: CabinetKind) =>
  userAction(kind, requestActionSchema, async (input, user) => {
    const result = await acceptPrice(user, input.requestId, await requestContext());
    if (!result.ok) return result;
    redirect(`${home(kind)}/services/${input.requestId}?accepted=1`);
  });

export const payAction = (kind: CabinetKind) =>
  userAction(kind, payRequestSchema, async (input, user) => {
    const { ip } = await requestContext();
    const started = await startServicePayment(user, input, activeGateway(), { ip });
    if (!started.ok) return started;
    redirect(`/payments/go/${started.paymentId}`);
  });

export const payWithBindingAction = (kind: CabinetKind) =>
  userAction(kind, payWithBindingSchema, async (input, user) => {
    const { ip } = await requestContext();
    const charged = await payRequestWithBinding(user, input, activeGateway(), { ip });
    if (!charged.ok) return fail(charged.message);
    redirect(`/payments/success?InvId=${charged.invId}`);
  });

export const cancelAction = (kind: CabinetKind) =>
  userAction(kind, customerCancelSchema, async (input, user) => {
    const result = await cancelRequest({ by: 'customer', userId: user.id }, input, await requestContext());
    if (!result.ok) return result;
    redirect(`${home(kind)}/services/${input.requestId}?cancelled=1`);
  });
