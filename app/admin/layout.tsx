import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentStaff } from '@/auth';
import { demoPasswordStillSet } from '@/db/queries/dashboard';
import { countRepliesInStatus } from '@/db/queries/moderation-queue';
import { DEMO_PASSWORD } from '@/lib/auth/demo';
import { can } from '@/lib/auth/permissions';
import { queueCountLabel } from '@/lib/replies/desk-text';
import { signOutAction } from '../(auth)/login/actions';
import { smallButton } from '@/components/ui/styles';

// Staff pages depend on who asks: rendered per request, never cached.
export const instant = false;

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const staff = await getCurrentStaff();
  if (!staff || !can(staff, { do: 'admin.enter' })) redirect('/login?callbackUrl=/admin');
  const moderates = can(staff, { do: 'reply.moderate' });
  const [warnDemo, pending] = await Promise.all([demoPasswordStillSet(DEMO_PASSWORD), moderates ? countRepliesInStatus('pending') : Promise.resolve(0)]);
  // The article, comment, section, staff and settings desks are listed here as they are built.
  const links = [
    { href: '/admin', label: 'Dashboard', show: true },
    { href: '/admin/articles', label: 'Articles', show: can(staff, { do: 'article.create' }) },
    { href: '/admin/comments', label: 'Comments', show: moderates, badge: pending },
    { href: '/admin/front', label: 'Front page', show: can(staff, { do: 'front.manage' }) },
    { href: '/admin/sections', label: 'Sections', show: can(staff, { do: 'taxonomy.manage' }) },
    { href: '/admin/pages', label: 'Pages', show: can(staff, { do: 'page.manage' }) },
    { href: '/admin/breaking', label: 'Breaking', show: can(staff, { do: 'breaking.manage' }) },
    { href: '/admin/users', label: 'Staff', show: can(staff, { do: 'staff.manage' }) },
    { href: '/admin/settings', label: 'Settings', show: can(staff, { do: 'settings.manage' }) },
    { href: '/admin/system', label: 'System', show: can(staff, { do: 'settings.manage' }) },
    { href: '/admin/profile', label: 'Profile', show: true },
  ].filter((l) => l.show);
  return (
    <div className="min-h-screen">
      {warnDemo && (
        <p role="alert" className="bg-amber-200 px-4 py-2 text-center text-sm font-semibold text-amber-950">
          A demo account still uses the published demo password. Change it (or disable the account) before going live.
        </p>
      )}
      <header className="border-b border-current/20">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/admin" className="font-serif text-xl font-black">
            Broadsheet <span className="font-sans text-sm font-semibold text-current/70">newsroom</span>
          </Link>
          <nav aria-label="Admin">
            <ul className="flex flex-wrap gap-4 text-sm font-semibold">
              {links.map((l) => (
                <li key={l.href}>
                  <Link href={l.href} className="hover:underline underline-offset-4">
                    {l.label}
                    {'badge' in l && l.badge ? (
                      <span className="ml-1 rounded-full bg-red-700 px-1.5 py-0.5 text-xs font-bold text-white tabular-nums">
                        <span className="sr-only">, </span>
                        {queueCountLabel(l.badge)}
                        <span className="sr-only"> pending</span>
                      </span>
                    ) : null}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <form action={signOutAction} className="flex items-center gap-3 text-sm">
            <span>
              {staff.name} <span className="text-current/70">({staff.role})</span>
            </span>
            <button type="submit" className={smallButton}>
              Sign out
            </button>
          </form>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
