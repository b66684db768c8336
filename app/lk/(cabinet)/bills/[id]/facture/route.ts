import { billDocumentRoute } from '@/lib/company/document-routes';
import { renderFacturePdf } from '@/lib/company/facture-pdf';

export const dynamic = 'force-dynamic';

export const GET = billDocumentRoute({ path: 'facture', kind: 'schet-faktura' }, renderFacturePdf);
