import { NotFoundMessage } from '@/components/not-found-message';

export const metadata = { title: 'Страница не найдена' };

export default function NotFound() {
  return <NotFoundMessage />;
}
