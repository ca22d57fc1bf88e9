import Link from 'next/link';
import { buttonStyles } from '@/components/ui/button-styles';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-3xl font-bold text-slate-950">Page not found</h1>
      <p className="mt-4 text-slate-800">
        There is nothing at this address. The organisation or dataset may have
        been deleted, or the link may be mistyped.
      </p>
      <p className="mt-6">
        <Link href="/orgs" className={buttonStyles.primary}>
          Go to my organisations
        </Link>
      </p>
    </main>
  );
}
