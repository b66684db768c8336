import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RoleDenied } from '@/components/company/role-denied';
import { PageTitle } from '@/components/page-title';
import { ConfirmReadingsForm, DiscardReadingsForm } from '@/components/readings/bulk-upload-forms';
import { requireCompanyPage } from '@/lib/company/access';
import { formatPeriod } from '@/lib/format/dates';
import { formatKwh } from '@/lib/format/money';
import type { VerdictStatus } from '@/lib/readings/bulk/verdicts';
import { readingsUpload } from '@/lib/readings/bulk/upload';
import { zoneShortLabels } from '@/lib/tariffs/zones';
import { confirmReadingsFile, discardReadingsFile } from '../../actions';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const metadata: Metadata = { title: 'Проверка файла показаний' };

const statusLabels: Record<VerdictStatus, string> = {
  accepted: 'Принимается',
  confirm: 'Нужно подтверждение',
  refused: 'Не принимается',
};
const statusClasses: Record<VerdictStatus, string> = {
  accepted: 'text-green-800',
  confirm: 'text-amber-800',
  refused: 'text-danger-600',
};

/** Refused and doubtful rows are always listed; accepted ones up to this many (the counts say the rest). */
const ACCEPTED_SHOWN = 500;

export default async function ReadingsUploadPage({ params }: PageProps<'/lk/readings/upload/[id]'>) {
  const { id } = await params;
  const access = await requireCompanyPage('readings', `/lk/readings/upload/${id}`);
  if (!access.allowed) return <RoleDenied title="Проверка файла показаний" role={access.member.role} />;
  const upload = await readingsUpload(access.member.user, id);
  if (!upload) notFound();
  const { verdicts } = upload;
  const toWrite = verdicts.counts.accepted + verdicts.counts.confirm;
  let acceptedShown = 0;
  const shown = verdicts.rows.filter((r) => r.status !== 'accepted' || acceptedShown++ < ACCEPTED_SHOWN);
  return (
    <>
      <PageTitle
        title="Проверка файла показаний"
        lead={`Файл «${upload.fileName}». Показания будут учтены за ${formatPeriod(verdicts.window.period)}. Ничего не записано, пока вы не подтвердите.`}
      />
      <p className="notice mb-6" role="status" data-testid="upload-counts">
        Строк в файле: {verdicts.rows.length}. Принимается: {verdicts.counts.accepted}
        {verdicts.counts.confirm ? `, нужно подтверждение: ${verdicts.counts.confirm}` : ''}, не принимается:{' '}
        {verdicts.counts.refused}.
      </p>
      {verdicts.window.notice ? <p className="mb-6 text-sm text-slate-700">{verdicts.window.notice}</p> : null}
      <ScrollRegion label="Строки файла" className="card mb-6">
        {/* The body's overflow-wrap: anywhere would squeeze a cell to a letter a line: words stay whole, the
            table scrolls in its region instead. */}
        <table className="w-full text-sm wrap-break-word">
          <thead>
            <tr className="text-left">
              <th className="py-2 pr-3">Строка</th>
              <th className="py-2 pr-3">Лицевой счёт</th>
              <th className="py-2 pr-3">Счётчик</th>
              <th className="py-2 pr-3">Зона</th>
              <th className="py-2 pr-3 text-right">Показание</th>
              <th className="py-2">Решение</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr
                key={r.line}
                className="border-t border-slate-200 align-top"
                data-testid="upload-row"
                data-status={r.status}
              >
                <td className="py-2 pr-3">{r.line}</td>
                <td className="py-2 pr-3">{r.account}</td>
                <td className="py-2 pr-3 break-all">{r.serial}</td>
                <td className="py-2 pr-3">{r.zoneKey ? zoneShortLabels[r.zoneKey] : r.zone}</td>
                <td className="py-2 pr-3 text-right whitespace-nowrap">
                  {r.parsedValue !== null ? formatKwh(r.parsedValue) : r.value}
                </td>
                <td className="py-2">
                  <span className={`font-semibold ${statusClasses[r.status]}`}>{statusLabels[r.status]}</span>
                  {r.consumption !== null ? (
                    <span className="text-slate-600"> · расход {formatKwh(r.consumption)}</span>
                  ) : null}
                  {r.reason ? (
                    <span className="block text-slate-700" data-testid="row-reason">
                      {r.reason}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {verdicts.counts.accepted > ACCEPTED_SHOWN ? (
          <p className="mt-3 text-sm text-slate-600">
            Показаны первые {ACCEPTED_SHOWN} принимаемых строк из {verdicts.counts.accepted}.
          </p>
        ) : null}
      </ScrollRegion>
      <div className="flex flex-wrap items-start gap-4">
        {toWrite > 0 ? (
          <ConfirmReadingsForm
            action={confirmReadingsFile}
            uploadId={upload.id}
            fingerprint={verdicts.fingerprint}
            toWrite={toWrite}
            implausible={verdicts.counts.confirm}
          />
        ) : (
          <p className="card">В файле нет строк, которые можно принять. Исправьте файл и загрузите его снова.</p>
        )}
        <DiscardReadingsForm action={discardReadingsFile} uploadId={upload.id} />
      </div>
      <p className="mt-6 text-sm">
        <Link href="/lk/readings">← К показаниям</Link>
      </p>
    </>
  );
}
