import { FileField } from '@/components/meters/file-field';
import { APPEAL_FILE_FIELDS, APPEAL_FILE_MAX_BYTES } from '@/lib/support/appeal-schemas';

// The files of one message of an appeal's thread — the appellant's or staff's answer: the server
// checks them by their bytes (lib/support/appeal-messages.ts) against the same types and size.

export function AppealAttachments() {
  return (
    <fieldset className="grid gap-3">
      <legend className="font-medium">Вложения (необязательно)</legend>
      <p className="text-sm text-slate-600">
        До трёх файлов: фото (JPEG, PNG, WebP) или PDF, каждый до 2&nbsp;МБ. Большие фото уменьшаются перед отправкой.
      </p>
      {APPEAL_FILE_FIELDS.map((field, i) => (
        <FileField
          key={field}
          name={field}
          label={`Файл ${i + 1}`}
          accept="image/jpeg,image/png,image/webp,application/pdf"
          shrinkAbove={APPEAL_FILE_MAX_BYTES}
        />
      ))}
    </fieldset>
  );
}
