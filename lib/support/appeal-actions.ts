import 'server-only';
import { redirect } from 'next/navigation';
import { fail } from '@/lib/actions/result';
import { userAction, validatedAction } from '@/lib/actions/validated';
import { requestContext } from '@/lib/http/request-context';
import {
  appealReplySchema,
  cabinetAppealSchema,
  closeAppealSchema,
  guestAppealSchema,
  guestCloseSchema,
  guestKeySchema,
  guestReplySchema,
} from './appeal-schemas';
import {
  appealScopeOf,
  closeAppeal,
  confirmGuestAppeal,
  fileCabinetAppeal,
  fileGuestAppeal,
  guestAppealPath,
  readGuestAppealKey,
  replyAsAppellant,
} from './appeals';

// The appellant's Server Actions, the same for the household and the company cabinet (each door's
// actions.ts binds them to its login kind), and the guest's, keyed by the signed link of the letter.
// Every company member sees and writes the company's appeals.

type CabinetKind = 'household' | 'company';
const home = (kind: CabinetKind) => (kind === 'household' ? '/fiz' : '/lk');

export const fileAppealAction = (kind: CabinetKind) =>
  userAction(kind, cabinetAppealSchema, async (input, user) => {
    const filed = await fileCabinetAppeal(user, input, await requestContext());
    if (!filed.ok) return filed;
    redirect(`${home(kind)}/appeals/${filed.appealId}?filed=1`);
  });

export const replyAppealAction = (kind: CabinetKind) =>
  userAction(kind, appealReplySchema, async (input, user) => {
    const result = await replyAsAppellant(appealScopeOf(user), user.id, input, {});
    if (!result.ok) return result;
    redirect(`${home(kind)}/appeals/${input.appealId}?sent=1`);
  });

export const closeAppealAction = (kind: CabinetKind) =>
  userAction(kind, closeAppealSchema, async (input, user) => {
    const result = await closeAppeal(appealScopeOf(user), user.id, input, await requestContext());
    if (!result.ok) return result;
    redirect(`${home(kind)}/appeals/${input.appealId}?closed=1`);
  });

export const guestAppealAction = validatedAction(guestAppealSchema, async (input) =>
  fileGuestAppeal(input, await requestContext()),
);

const BAD_LINK = 'Ссылка недействительна. Откройте её из письма целиком.';

export const guestConfirmAction = validatedAction(guestKeySchema, async (input) => {
  const result = await confirmGuestAppeal(input.key, await requestContext());
  if (!result.ok) return result;
  redirect(`${guestAppealPath(result.appealId)}?confirmed=1`);
});

export const guestReplyAction = validatedAction(guestReplySchema, async (input) => {
  const id = readGuestAppealKey(input.key);
  if (!id) return fail(BAD_LINK);
  const result = await replyAsAppellant({ kind: 'guest', appealId: id }, null, { ...input, appealId: id }, {});
  if (!result.ok) return result;
  redirect(`${guestAppealPath(id)}?sent=1`);
});

export const guestCloseAction = validatedAction(guestCloseSchema, async (input) => {
  const id = readGuestAppealKey(input.key);
  if (!id) return fail(BAD_LINK);
  const result = await closeAppeal(
    { kind: 'guest', appealId: id },
    null,
    { appealId: id, rating: input.rating },
    await requestContext(),
  );
  if (!result.ok) return result;
  redirect(`${guestAppealPath(id)}?closed=1`);
});
