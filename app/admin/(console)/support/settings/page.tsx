import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { DeleteTemplateForm, TemplateForm, TopicDeadlineForm } from '@/components/support/appeal-staff-forms';
import { requireUser } from '@/lib/auth/session';
import { APPEAL_TOPICS } from '@/lib/support/appeal-topics';
import { topicWorkingDays } from '@/lib/support/appeals';
import { listTemplates } from '@/lib/support/appeals-staff';
import { deleteAppealTemplate, saveAppealDeadline, saveAppealTemplate } from '../actions';

export const metadata: Metadata = { title: 'Обращения — шаблоны и сроки' };

export default async function AppealSettingsPage({ searchParams }: PageProps<'/admin/support/settings'>) {
  await requireUser('staff', '/admin/support/settings');
  const [templates, days] = await Promise.all([listTemplates(), topicWorkingDays()]);
  const { saved, deleted } = await searchParams;
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle title="Шаблоны ответов и сроки" lead="Сроки ответа — в рабочих днях производственного календаря." />
      {saved === '1' || deleted === '1' ? (
        <p className="notice" role="status">
          {saved === '1' ? 'Сохранено.' : 'Шаблон удалён.'}
        </p>
      ) : null}
      <section className="card space-y-3" aria-labelledby="appeal-days">
        <h2 id="appeal-days">Срок ответа по темам</h2>
        <p className="text-sm text-slate-600">Новый срок действует для обращений, поступивших после изменения.</p>
        {APPEAL_TOPICS.map((t) => (
          <TopicDeadlineForm key={t} action={saveAppealDeadline} topic={t} workingDays={days[t]} />
        ))}
      </section>
      <section className="card space-y-4" aria-labelledby="appeal-templates">
        <h2 id="appeal-templates">Шаблоны ответов</h2>
        {templates.map((t) => (
          <div key={t.id} className="space-y-2 border-b border-slate-200 pb-4">
            <TemplateForm action={saveAppealTemplate} template={t} />
            <DeleteTemplateForm action={deleteAppealTemplate} id={t.id} title={t.title} />
          </div>
        ))}
        <h3>Новый шаблон</h3>
        <TemplateForm action={saveAppealTemplate} />
      </section>
      <p>
        <Link href="/admin/support">← Обращения</Link>
      </p>
    </div>
  );
}
