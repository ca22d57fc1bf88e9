import Link from 'next/link';
import type { AppSession } from '@/lib/server/auth';
import { getLastDataset } from '@/lib/server/auth';
import { buttonStyles } from '@/components/ui/button-styles';

/** "Continue where you left off": the last dataset this person worked on. */
export async function ContinueCard({ session }: { session: AppSession }) {
  const last = await getLastDataset(session).catch(() => null);
  if (!last) return null;

  return (
    <aside
      aria-labelledby="continue-heading"
      className="mb-6 rounded-lg border border-teal-700 bg-teal-50 p-4"
    >
      <h2 id="continue-heading" className="font-semibold text-teal-950">
        Continue where you left off
      </h2>
      <p className="mt-1">
        <Link href={`/datasets/${last.did}`} className={buttonStyles.link}>
          {last.name}
        </Link>
      </p>
    </aside>
  );
}
