'use server';

import { revalidatePath } from 'next/cache';
import { fail } from '@/lib/actions/result';
import { INVALID_FORM, userAction } from '@/lib/actions/validated';
import { accountBenefitSchema, BENEFIT_DOCUMENT_MAX_BYTES, benefitCategorySchema } from '@/lib/benefits/benefit-schema';
import { saveAccountBenefit, saveBenefitCategory } from '@/lib/benefits/benefits';
import { checkUpload, type CheckedUpload } from '@/lib/files/check-upload';

export const saveCategory = userAction('staff', benefitCategorySchema, async (input, staff) => {
  const result = await saveBenefitCategory(staff, input);
  if (result.ok) revalidatePath('/admin/benefits');
  return result;
});

export const saveBenefit = userAction('staff', accountBenefitSchema, async (input, staff, formData) => {
  const raw = formData.get('document');
  const chosen = raw instanceof Blob && (raw.size > 0 || (raw instanceof File && raw.name !== ''));
  let document: CheckedUpload | null = null;
  if (chosen) {
    // The type is decided by the bytes: a renamed file of another kind is refused.
    const checked = await checkUpload(raw, {
      accept: ['application/pdf', 'image/jpeg', 'image/png'],
      maxBytes: BENEFIT_DOCUMENT_MAX_BYTES,
    });
    if (!checked.ok) return fail(INVALID_FORM, { document: checked.reason });
    document = checked.file;
  }
  const result = await saveAccountBenefit(staff, input, document);
  if (result.ok) revalidatePath('/admin/benefits');
  return result;
});
