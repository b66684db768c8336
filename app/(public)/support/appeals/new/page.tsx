import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { GuestAppealForm } from '@/components/support/appeal-forms';
import { topicWorkingDays } from '@/lib/support/appeals';
import { fileGuestAppeal } from '../actions';

export const metadata: Metadata = { title: 'Обращение без входа в кабинет' };
export const dynamic = 'force-dynamic';

// No session: the appeal waits until its author confirms the e-mail by the letter's link.
export default async function GuestAppealPage() {
  const days = await topicWorkingDays();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageTitle
        title="Написать обращение"
        lead="Номер обращения вы получите сразу, срок ответа в рабочих днях начнётся после подтверждения почты."
      />
      <p className="text-sm">
        Есть личный кабинет? <Link href="/fiz/appeals/new">Напишите из кабинета</Link> — ответ придёт и туда. Платёж не
        зачислен? <Link href="/pay/not-credited">Сначала проверьте, где он</Link>.
      </p>
      <div className="card">
        <GuestAppealForm action={fileGuestAppeal} days={days} />
      </div>
    </div>
  );
}
