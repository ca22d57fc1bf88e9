import Link from 'next/link';
import type { ReactNode } from 'react';
import { AppNav } from './app-nav';
import type { NavItem } from './app-nav';

export function AppHeader({
  userName,
  isSuperadmin,
  signOut,
}: {
  userName: string;
  isSuperadmin: boolean;
  /** The sign-out control, rendered at the end of the header. */
  signOut: ReactNode;
}) {
  const items: NavItem[] = [
    { href: '/orgs', label: 'My organisations' },
    { href: '/me/roles', label: 'My roles' },
    { href: '/orgs/join', label: 'Join an organisation' },
  ];
  if (isSuperadmin) {
    items.push({ href: '/admin/orgs', label: 'All organisations' });
  }

  return (
    <header className="border-b border-slate-300 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:gap-x-6">
        <Link
          href="/orgs"
          className="text-lg font-bold whitespace-nowrap text-teal-900"
        >
          IATI Account
        </Link>
        <div className="order-3 w-full lg:order-2 lg:w-auto lg:flex-1">
          <AppNav items={items} />
        </div>
        <div className="order-2 ml-auto flex items-center gap-3 lg:order-3">
          <UserName name={userName} />
          {signOut}
        </div>
      </div>
    </header>
  );
}

function UserName({ name }: { name: string }) {
  return (
    <p className="max-w-48 truncate text-sm text-slate-700">
      <span className="sr-only">Signed in as </span>
      {name}
    </p>
  );
}
