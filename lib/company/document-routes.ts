import 'server-only';
import { userRoute } from '@/lib/http/route';
import { downloadResponse } from '@/lib/http/private-response';
import { documentFileName } from '@/lib/pdf/invoice';
import { isUuid } from '@/lib/validation/ids';
import { type CompanyBillDocuments, companyBillDocuments } from './documents';
import { reconciliationFileName, type Reconciliation } from './reconciliation';
import { requestedReconciliation } from './reconciliation-request';

// The company's money documents answer alike whatever the document: only the roles that see money
// get it, another company's bill or a malformed id is the same plain 404, and a signed-out visitor
// logs in and comes back (only a well-formed id goes into the way back).

/** A document of one bill (счёт, счёт-фактура), opened in the browser. */
export function billDocumentRoute(
  document: { path: 'invoice' | 'facture'; kind: 'schet' | 'schet-faktura' },
  render: (docs: CompanyBillDocuments) => Promise<Buffer>,
) {
  return userRoute(
    'company',
    {
      unauthenticated: {
        login: async ({ params }: { params: Promise<{ id: string }> }) => {
          const { id } = await params;
          return isUuid(id) ? `/lk/bills/${id}/${document.path}` : '/lk/bills';
        },
      },
      forbidden: 'not-found',
      notFound: 'Документ не найден',
      capability: 'bills',
    },
    async (_request, user, { params }: { params: Promise<{ id: string }> }) => {
      const docs = await companyBillDocuments(user, (await params).id);
      if (!docs) return null;
      const bytes = await render(docs);
      return downloadResponse({
        bytes,
        type: 'application/pdf',
        fileName: documentFileName(document.kind, docs.number),
      });
    },
  );
}

/** The акт сверки for `?from=&to=&account=`, downloaded in the given format. */
export function reconciliationRoute(
  format: { extension: 'pdf' | 'xlsx'; type: string },
  render: (act: Reconciliation) => Promise<Uint8Array>,
) {
  return userRoute(
    'company',
    {
      unauthenticated: { login: () => '/lk/reconciliation' },
      forbidden: 'not-found',
      notFound: 'Акт сверки не найден',
      capability: 'reconciliation',
    },
    async (request, user) => {
      const act = await requestedReconciliation(request, user);
      if (!act || act instanceof Response) return act;
      const file = {
        bytes: await render(act),
        type: format.type,
        fileName: reconciliationFileName(act, format.extension),
      };
      return downloadResponse(file, { download: true });
    },
  );
}
