'use client';

import { useId, useState, type ChangeEvent, type ReactNode } from 'react';
import { FieldError, useOptionalFormApi } from '@/components/forms';
import { describedBy, fieldIds } from '@/components/forms/field-errors';

// A file input in the look of components/forms/fields.tsx (visible label, hint, red error under
// the control, aria-invalid + aria-describedby, ≥ 44 px). It is not registered with react-hook-form:
// <ActionForm> posts `new FormData(form)`, which carries the file as it is, and the server checks it.
//
// Photos from phones are often several megabytes. A picture bigger than `shrinkAbove` is re-encoded in
// the browser (JPEG, longest side `maxEdge` px) — a nameplate stays legible, and the request stays
// under the Server Action body limit (Next.js: 1 MB by default). Without JavaScript the file goes as
// chosen and the server's limit applies.

const controlBase =
  'block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm ' +
  'file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-1.5 file:font-semibold file:text-brand-700 ' +
  'focus:border-brand-500 aria-invalid:border-danger-600 aria-invalid:ring-1 aria-invalid:ring-danger-600';

const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];

export type FileFieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Default `image/*`. */
  accept?: string;
  /** Re-encode images bigger than this (bytes). */
  shrinkAbove?: number;
  /** Longest side after re-encoding, px. */
  maxEdge?: number;
  /** Documents (PDF or scans): never re-encoded; a file above `shrinkAbove` is refused here already. */
  documents?: boolean;
  error?: string;
  id?: string;
  className?: string;
};

const sizeFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });
function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${sizeFormat.format(bytes / 1024 / 1024)} МБ`
    : `${Math.max(1, Math.round(bytes / 1024))} КБ`;
}

async function reencode(file: File, maxEdge: number): Promise<File | null> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob) return null;
    return new File([blob], `${file.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`, {
      type: 'image/jpeg',
      lastModified: file.lastModified,
    });
  } catch {
    return null; // a format this browser cannot decode (e.g. HEIC outside Safari)
  }
}

export function FileField({
  name,
  label,
  hint,
  accept = 'image/*',
  shrinkAbove = 900 * 1024,
  maxEdge = 2000,
  documents = false,
  error,
  id,
  className,
}: FileFieldProps) {
  const api = useOptionalFormApi();
  const autoId = useId();
  const ids = fieldIds(id ?? (api ? `${api.idPrefix}-${name}` : `f${autoId.replace(/[^\w-]/g, '')}`));
  const [local, setLocal] = useState<{ error?: string; chosen?: string }>({});
  const [busy, setBusy] = useState(false);
  const message = local.error ?? error ?? api?.fieldError(name);

  async function onChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return setLocal({});
    // A PDF is never re-encoded: where the field accepts one, only its size is checked here.
    if (documents || file.type === 'application/pdf') {
      if (file.size <= shrinkAbove) return setLocal({ chosen: `${file.name}, ${formatSize(file.size)}` });
      input.value = '';
      return setLocal({ error: `Файл больше ${formatSize(shrinkAbove)}. Уменьшите его или разделите на части.` });
    }
    if (ACCEPTED.includes(file.type) && file.size <= shrinkAbove)
      return setLocal({ chosen: `${file.name}, ${formatSize(file.size)}` });
    setBusy(true);
    const smaller = file.type.startsWith('image/') ? await reencode(file, maxEdge) : null;
    setBusy(false);
    if (!smaller || smaller.size > shrinkAbove) {
      input.value = '';
      return setLocal({
        error: smaller
          ? 'Фото слишком большое даже после сжатия. Сфотографируйте табличку с меньшим разрешением.'
          : 'Этот файл не получается открыть как фото. Выберите снимок в формате JPEG, PNG или WebP.',
      });
    }
    const transfer = new DataTransfer();
    transfer.items.add(smaller);
    input.files = transfer.files;
    setLocal({ chosen: `${smaller.name}, ${formatSize(smaller.size)} (уменьшено для отправки)` });
  }

  return (
    <div className={className}>
      <div className="font-medium text-slate-900">
        <label htmlFor={ids.input}>{label}</label>
      </div>
      {hint ? (
        <p id={ids.hint} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        id={ids.input}
        name={name}
        type="file"
        accept={accept}
        onChange={onChange}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy(hint ? ids.hint : null, message ? ids.error : null, `${ids.input}-status`)}
        className={`mt-1.5 ${controlBase}`}
      />
      <p id={`${ids.input}-status`} className="mt-1 text-sm text-slate-600" aria-live="polite">
        {busy ? 'Уменьшаем фото…' : (local.chosen ?? '')}
      </p>
      <FieldError id={ids.error}>{message}</FieldError>
    </div>
  );
}
