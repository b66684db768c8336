'use server';

import { redirect } from 'next/navigation';
import { validatedAction } from '@/lib/actions/validated';
import { appOrigin } from '@/lib/http/app-url';
import { sandboxActive } from '@/lib/payments/active-gateway';
import {
  sandbox3dsSchema,
  sandbox3dsStep,
  sandboxCardSchema,
  sandboxCardStep,
  type SandboxResult,
} from '@/lib/payments/sandbox-flow';
import { fail } from '@/lib/actions/result';

function follow(result: SandboxResult): SandboxResult {
  if (result.ok && result.step === 'done' && result.redirectTo) redirect(result.redirectTo);
  return result;
}

export const payWithCard = validatedAction(sandboxCardSchema, async (input) => {
  if (!sandboxActive()) return fail('Песочница отключена: подключён настоящий платёжный шлюз');
  return follow(await sandboxCardStep(input, await appOrigin()));
});

export const confirm3ds = validatedAction(sandbox3dsSchema, async (input) => {
  if (!sandboxActive()) return fail('Песочница отключена: подключён настоящий платёжный шлюз');
  return follow(await sandbox3dsStep(input, await appOrigin()));
});
