import 'server-only';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { type ActionResult, fail, type FormAction } from '@/lib/actions/result';
import { userAction } from '@/lib/actions/validated';
import type { SessionUser } from '@/lib/auth/session';
import { companyMemberOf } from '@/lib/company/access';
import { companyRoleCan } from '@/lib/company/roles';
import { requestContext } from '@/lib/http/request-context';
import { activeGateway } from '@/lib/payments/gateways';
import { createApplication, scopeOf } from './applications';
import { startConnectionPayment } from './payment';
import { applicantCancelSchema, applicationActionSchema, applicationSchema, supplyDataSchema } from './schemas';
import { cancelApplication, supplyData } from './workflow';

// The applicant's Server Actions, the same for the household and the company cabinet; each door's
// actions.ts binds them to its login kind. At the company door only the owner and the engineer act.
// Every function below checks that the application is within the user's scope.

type CabinetKind = 'household' | 'company';
const home = (kind: CabinetKind) => (kind === 'household' ? '/fiz' : '/lk');
const ROLE_REFUSED = 'Это действие недоступно для вашей роли в организации. Обратитесь к владельцу кабинета.';

function applicantAction<S extends z.ZodType, T extends object>(
  kind: CabinetKind,
  schema: S,
  run: (input: z.output<S>, user: SessionUser) => Promise<ActionResult<T>>,
): FormAction<T> {
  return userAction(kind, schema, async (input, user) => {
    if (kind === 'company' && !companyRoleCan(companyMemberOf(user)?.role, 'connection')) return fail(ROLE_REFUSED);
    return run(input, user);
  });
}

export const fileApplicationAction = (kind: CabinetKind) =>
  applicantAction(kind, applicationSchema, async (input, user) => {
    const created = await createApplication(user, input, await requestContext());
    if (!created.ok) return created;
    redirect(`${home(kind)}/connection/${created.applicationId}?filed=1`);
  });

export const supplyDataAction = (kind: CabinetKind) =>
  applicantAction(kind, supplyDataSchema, async (input, user) => {
    const result = await supplyData(scopeOf(user), user.id, input, await requestContext());
    if (!result.ok) return result;
    redirect(`${home(kind)}/connection/${input.applicationId}?supplied=1`);
  });

export const payInvoiceAction = (kind: CabinetKind) =>
  applicantAction(kind, applicationActionSchema, async (input, user) => {
    const { ip } = await requestContext();
    const started = await startConnectionPayment(user, scopeOf(user), input, activeGateway(), { ip });
    if (!started.ok) return started;
    redirect(`/payments/go/${started.paymentId}`);
  });

export const withdrawAction = (kind: CabinetKind) =>
  applicantAction(kind, applicantCancelSchema, async (input, user) => {
    const result = await cancelApplication(
      { by: 'applicant', scope: scopeOf(user), userId: user.id },
      input,
      await requestContext(),
    );
    if (!result.ok) return result;
    redirect(`${home(kind)}/connection/${input.applicationId}?withdrawn=1`);
  });
