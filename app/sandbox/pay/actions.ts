'use server';

import { redirect } from 'next/navigation';
import { fail } from '@/lib/actions/result';
import { validatedAction } from '@/lib/actions/validated';
import { configuredOrigin } from '@/lib/http/app-url';
import {
  sandbox3dsSchema,
  sandbox3dsStep,
  sandboxCardSchema,
  sandboxCardStep,
  type SandboxResult,
} from '@/lib/payments/gateway/sandbox/pay-flow';
import { sandboxActive } from '@/lib/payments/gateways';

function follow(result: SandboxResult): SandboxResult {
  if (result.ok && result.step === 'done' && result.redirectTo) redirect(result.redirectTo);
  return result;
}

const CLOSED = 'Песочница отключена: она есть только в демонстрационном режиме и без настоящего платёжного шлюза';

export const payWithCard = validatedAction(sandboxCardSchema, async (input) => {
  if (!sandboxActive()) return fail(CLOSED);
  return follow(await sandboxCardStep(input, configuredOrigin()));
});

export const confirm3ds = validatedAction(sandbox3dsSchema, async (input) => {
  if (!sandboxActive()) return fail(CLOSED);
  return follow(await sandbox3dsStep(input, configuredOrigin()));
});
