import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accountBenefits, accounts, benefitCategories } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import type { SessionUser } from '@/lib/auth/session';
import { formatAccountAddress } from '@/lib/accounts/list';
import { isExclusionViolation, isUniqueViolation } from '@/lib/db-errors';
import type { CheckedUpload } from '@/lib/files/check-upload';
import { saveUpload } from '@/lib/files/stored-files';
import { formatDate, moscowDay } from '@/lib/format/dates';
import { audit } from '@/lib/security/audit';
import {
  type AccountBenefitInput,
  BENEFIT_DOCUMENT_PURPOSE,
  type BenefitCategoryInput,
  EXPIRING_WITHIN_DAYS,
} from './benefit-schema';

// Льготники: the staff-kept categories and each account's benefits. The database holds the rules
// (the period's order, no two overlapping periods of one category on an account, a category in use
// cannot be deleted); here they become Russian sentences. Each subscriber sees only their own.

export type BenefitState = 'active' | 'expiring' | 'expired' | 'future';

export interface AccountBenefit {
  id: string;
  accountId: string;
  accountNumber: string;
  holderName: string;
  address: string;
  categoryCode: string;
  categoryName: string;
  discount: string;
  basis: string;
  hasDocument: boolean;
  validFrom: string;
  validTo: string | null;
  state: BenefitState;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Where a benefit stands on a day: ended, ending within 30 days, in force, or not started yet. */
function benefitState(validFrom: string, validTo: string | null, today: string): BenefitState {
  if (validTo !== null && validTo < today) return 'expired';
  if (validFrom > today) return 'future';
  if (validTo !== null && validTo <= addDays(today, EXPIRING_WITHIN_DAYS)) return 'expiring';
  return 'active';
}

export const benefitStateLabels: Record<BenefitState, string> = {
  active: 'действует',
  expiring: 'истекает',
  expired: 'истекла',
  future: 'с будущей даты',
};

export async function listBenefitCategories() {
  return db().select().from(benefitCategories).orderBy(asc(benefitCategories.name));
}

export async function saveBenefitCategory(
  staff: SessionUser,
  input: BenefitCategoryInput,
): Promise<ActionResult<{ code: string }>> {
  try {
    return await db().transaction(async (tx) => {
      const [row] = await tx
        .insert(benefitCategories)
        .values({ code: input.code, name: input.name, discount: input.discount })
        .onConflictDoUpdate({
          target: benefitCategories.code,
          set: { name: input.name, discount: input.discount, updatedAt: new Date() },
        })
        .returning({ id: benefitCategories.id, code: benefitCategories.code });
      await audit(
        {
          action: 'benefit_category.saved',
          actorUserId: staff.id,
          subjectType: 'benefit_category',
          subjectId: row!.id,
          details: { ...input },
        },
        tx,
      );
      return succeed({ code: row!.code, message: `Категория «${input.name}» сохранена` });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'benefit_categories_code_key')) {
      return fail('Проверьте выделенные поля', { code: 'Категория с таким кодом уже есть' });
    }
    throw error;
  }
}

/** Records a benefit on an account (with the scan of its document, in the same transaction). */
export async function saveAccountBenefit(
  staff: SessionUser,
  input: AccountBenefitInput,
  document: CheckedUpload | null,
): Promise<ActionResult<{ id: string }>> {
  const [account] = await db()
    .select({ id: accounts.id, kind: accounts.kind })
    .from(accounts)
    .where(eq(accounts.number, input.account));
  if (!account) return fail('Проверьте выделенные поля', { account: 'Такого лицевого счёта нет' });
  if (account.kind !== 'household') {
    return fail('Проверьте выделенные поля', { account: 'Льготы оформляются только на счета физических лиц' });
  }
  const [category] = await db()
    .select({ code: benefitCategories.code })
    .from(benefitCategories)
    .where(eq(benefitCategories.code, input.category));
  if (!category) return fail('Проверьте выделенные поля', { category: 'Выберите категорию из списка' });
  try {
    return await db().transaction(async (tx) => {
      const fileId = document
        ? await saveUpload(tx, document, { purpose: BENEFIT_DOCUMENT_PURPOSE, uploadedBy: staff.id })
        : null;
      const [row] = await tx
        .insert(accountBenefits)
        .values({
          accountId: account.id,
          category: input.category,
          basis: input.basis,
          documentFileId: fileId,
          validFrom: input.validFrom,
          validTo: input.validTo ?? null,
          createdBy: staff.id,
        })
        .returning({ id: accountBenefits.id });
      await audit(
        {
          action: 'benefit.saved',
          actorUserId: staff.id,
          subjectType: 'account',
          subjectId: account.id,
          details: {
            benefitId: row!.id,
            category: input.category,
            validFrom: input.validFrom,
            validTo: input.validTo ?? null,
            document: Boolean(fileId),
          },
        },
        tx,
      );
      return succeed({ id: row!.id, message: `Льгота по счёту ${input.account} записана` });
    });
  } catch (error) {
    if (isExclusionViolation(error, 'account_benefits_no_overlap')) {
      return fail(
        'У этого счёта уже есть льгота этой категории на часть выбранного срока. Измените даты или выберите другую категорию.',
        { validFrom: 'Срок пересекается с уже записанной льготой' },
      );
    }
    throw error;
  }
}

async function benefitsWhere(where: ReturnType<typeof and>, today: string): Promise<AccountBenefit[]> {
  const rows = await db()
    .select({
      id: accountBenefits.id,
      accountId: accounts.id,
      accountNumber: accounts.number,
      holderName: accounts.holderName,
      settlement: accounts.settlement,
      street: accounts.street,
      house: accounts.house,
      flat: accounts.flat,
      categoryCode: benefitCategories.code,
      categoryName: benefitCategories.name,
      discount: benefitCategories.discount,
      basis: accountBenefits.basis,
      documentFileId: accountBenefits.documentFileId,
      validFrom: accountBenefits.validFrom,
      validTo: accountBenefits.validTo,
    })
    .from(accountBenefits)
    .innerJoin(accounts, eq(accounts.id, accountBenefits.accountId))
    .innerJoin(benefitCategories, eq(benefitCategories.code, accountBenefits.category))
    .where(where)
    .orderBy(sql`${accountBenefits.validTo} asc nulls last`, asc(accounts.number), desc(accountBenefits.validFrom));
  return rows.map((r) => ({
    id: r.id,
    accountId: r.accountId,
    accountNumber: r.accountNumber,
    holderName: r.holderName,
    address: formatAccountAddress(r),
    categoryCode: r.categoryCode,
    categoryName: r.categoryName,
    discount: r.discount,
    basis: r.basis,
    hasDocument: r.documentFileId !== null,
    validFrom: r.validFrom,
    validTo: r.validTo,
    state: benefitState(r.validFrom, r.validTo, today),
  }));
}

/** Every benefit on record, the soonest to end first (the staff list and the export). */
export async function listAccountBenefits(today: string = moscowDay(new Date())): Promise<AccountBenefit[]> {
  return benefitsWhere(undefined, today);
}

/**
 * The benefits of one account, for the staff account card and the subscriber's own profile (the
 * caller has checked that this user may see the account).
 */
export async function benefitsOfAccount(
  accountIds: readonly string[],
  today: string = moscowDay(new Date()),
): Promise<AccountBenefit[]> {
  if (accountIds.length === 0) return [];
  return benefitsWhere(inArray(accountBenefits.accountId, [...accountIds]), today);
}

/** The period in words: «с 01.01.2026 по 31.12.2026» or «с 01.01.2026, бессрочно». */
export function benefitPeriod(b: Pick<AccountBenefit, 'validFrom' | 'validTo'>): string {
  return b.validTo
    ? `с ${formatDate(b.validFrom)} по ${formatDate(b.validTo)}`
    : `с ${formatDate(b.validFrom)}, бессрочно`;
}

/** The scan of a benefit's document (staff only: the route checks the session). */
export async function benefitDocumentId(benefitId: string): Promise<string | null> {
  const [row] = await db()
    .select({ fileId: accountBenefits.documentFileId })
    .from(accountBenefits)
    .where(eq(accountBenefits.id, benefitId));
  return row?.fileId ?? null;
}
