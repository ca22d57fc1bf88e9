'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type NavItem = { href: string; label: string };

function isCurrent(pathname: string, href: string) {
  if (href === '/orgs') {
    // Organisation and dataset pages sit under "My organisations".
    return (
      pathname === '/orgs' ||
      pathname.startsWith('/datasets/') ||
      (pathname.startsWith('/orgs/') &&
        !pathname.startsWith('/orgs/join') &&
        !pathname.startsWith('/orgs/new'))
    );
  }

  return pathname === href || pathname.startsWith(`${href}/`);
}

export function AppNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();

  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-x-1 gap-y-1">
        {items.map((item) => {
          const current = isCurrent(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium ${
                  current
                    ? 'bg-teal-800 text-white'
                    : 'text-slate-800 hover:bg-slate-200'
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
