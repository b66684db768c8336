import type { ReactNode } from 'react';

// A console editor's page body: the public text as the site shows it beside the form that edits it.

export function PreviewAndEdit({
  previewTitle,
  preview,
  children,
}: {
  previewTitle: string;
  /** The `<article>` as the site draws it. */
  preview: ReactNode;
  /** The edit form and what goes with it. */
  children: ReactNode;
}) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="preview-heading" className="card">
        <h2 id="preview-heading" className="mb-3 text-base text-slate-500">
          {previewTitle}
        </h2>
        {preview}
      </section>
      <section aria-labelledby="edit-heading" className="card space-y-4">
        <h2 id="edit-heading" className="text-lg">
          Правка
        </h2>
        {children}
      </section>
    </div>
  );
}
