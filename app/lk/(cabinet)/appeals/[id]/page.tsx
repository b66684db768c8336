import type { Metadata } from 'next';
import { AppealView } from '@/components/support/appeal-views';
import { requireCompanyPage } from '@/lib/company/access';
import { isUuid } from '@/lib/validation/ids';
import { closeMyAppeal, replyToAppeal } from '../actions';

export const metadata: Metadata = { title: 'Обращение' };

const FLASHES = ['filed', 'sent', 'closed'];

export default async function CompanyAppealPage({ params, searchParams }: PageProps<'/lk/appeals/[id]'>) {
  const { id } = await params;
  const access = await requireCompanyPage('overview', isUuid(id) ? `/lk/appeals/${id}` : '/lk/appeals');
  const query = await searchParams;
  return (
    <AppealView
      user={access.member.user}
      door="/lk"
      id={id}
      flash={FLASHES.find((f) => query[f] === '1')}
      actions={{ reply: replyToAppeal, close: closeMyAppeal }}
    />
  );
}
