'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { fail } from '@/lib/actions/result';
import { canAccessAccount } from '@/lib/auth/session';
import { companyAction } from '@/lib/company/action';
import { confirmReadingsSchema, discardReadingsSchema, uploadReadingsSchema } from '@/lib/readings/bulk/schemas';
import { confirmReadingsUpload, discardReadingsUpload, storeReadingsFile } from '@/lib/readings/bulk/upload';
import { meterAccountId } from '@/lib/readings/cabinet';
import { submitReadingsSchema } from '@/lib/readings/schemas';
import { submitReadings } from '@/lib/readings/submit';

// The household rules (whole kWh, not below the last, plausibility, the window) live in
// lib/readings/submit; a company's engineer or owner submits through the very same function.
export const submitCompanyReadings = companyAction('readings', submitReadingsSchema, async (input, member) => {
  const accountId = await meterAccountId(input.meterId);
  if (!accountId || !(await canAccessAccount(member.user, accountId))) {
    return fail('Прибор учёта не найден среди приборов вашей организации');
  }
  const result = await submitReadings({
    meterId: input.meterId,
    values: {
      all_day: input.zone_all_day,
      day: input.zone_day,
      night: input.zone_night,
      peak: input.zone_peak,
      half_peak: input.zone_half_peak,
    },
    confirmImplausible: input.confirmImplausible,
    source: 'subscriber',
    userId: member.user.id,
  });
  if (result.ok) revalidatePath('/lk/readings');
  return result;
});

const NO_FILE = 'Выберите файл с показаниями: CSV или XLSX по шаблону.';

/** The readings file: parsed and kept for the preview, where each row gets its verdict. */
export const uploadReadingsFile = companyAction('readings', uploadReadingsSchema, async (_input, member, formData) => {
  const file = formData.get('file');
  if (!(file instanceof Blob) || (file instanceof File && file.name === '' && file.size === 0)) {
    return fail(NO_FILE, { file: NO_FILE });
  }
  const result = await storeReadingsFile(member.user, {
    name: file instanceof File ? file.name : 'показания',
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  if (!result.ok) return result;
  redirect(`/lk/readings/upload/${result.id}`);
});

export const confirmReadingsFile = companyAction('readings', confirmReadingsSchema, async (input, member) => {
  const result = await confirmReadingsUpload(member.user, input);
  if (!result.ok) return result;
  revalidatePath('/lk/readings');
  redirect(`/lk/readings?accepted=${result.written}`);
});

export const discardReadingsFile = companyAction('readings', discardReadingsSchema, async (input, member) => {
  await discardReadingsUpload(member.user, input.uploadId);
  redirect('/lk/readings');
});
