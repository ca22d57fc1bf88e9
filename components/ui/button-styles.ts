/** Shared class names so links that act as buttons look like buttons. */
const base =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:cursor-not-allowed disabled:opacity-60';

export const buttonStyles = {
  primary: `${base} bg-teal-800 text-white hover:bg-teal-900`,
  secondary: `${base} border border-slate-400 bg-white text-slate-900 hover:bg-slate-100`,
  danger: `${base} bg-red-700 text-white hover:bg-red-800`,
  link: 'font-medium text-teal-800 underline underline-offset-2 hover:text-teal-950 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-700',
} as const;

export type ButtonVariant = keyof typeof buttonStyles;
