import { billDocumentRoute } from '@/lib/company/document-routes';
import { renderInvoicePdf } from '@/lib/company/invoice-pdf';

export const dynamic = 'force-dynamic';

export const GET = billDocumentRoute({ path: 'invoice', kind: 'schet' }, renderInvoicePdf);
