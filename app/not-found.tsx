import { NotFoundMessage } from '@/components/not-found-message';

export const metadata = { title: 'Страница не найдена' };

// An address no section knows: no header or footer here (the root layout reads nothing).
export default function NotFound() {
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-10">
      <NotFoundMessage />
    </main>
  );
}
