'use client';

import { useEffect, useState } from 'react';

/**
 * A success message shown after a change and a navigation. The text is put
 * into the live region after it is on the page, because screen readers
 * announce changes to a live region, not one that arrives already filled.
 */
export function FlashStatus({ message }: { message: string }) {
  const [text, setText] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setText(message), 50);
    return () => clearTimeout(timer);
  }, [message]);

  return (
    <div
      role="status"
      className={`mb-6 rounded-md border-l-4 border-teal-700 bg-teal-50 p-4 text-teal-950 ${
        text ? '' : 'sr-only'
      }`}
    >
      {text}
    </div>
  );
}
