import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Which of a few forms is open in place of the buttons that open them. When a form closes (saved
 * or cancelled), keyboard focus goes back to the button that opened it instead of being lost.
 */
export function useDisclosureForm<K extends string>() {
  const [open, setOpen] = useState<K | null>(null);
  const openers = useRef(new Map<K, HTMLButtonElement>());
  const returnTo = useRef<K | null>(null);

  useEffect(() => {
    if (open !== null || returnTo.current === null) return;
    openers.current.get(returnTo.current)?.focus();
    returnTo.current = null;
  }, [open]);

  const close = useCallback(() => {
    returnTo.current = open;
    setOpen(null);
  }, [open]);

  /** Props for the button that opens form `key`. */
  const opener = useCallback(
    (key: K) => ({
      ref: (element: HTMLButtonElement | null) => {
        if (element) openers.current.set(key, element);
        else openers.current.delete(key);
      },
      onClick: () => setOpen(key),
    }),
    [],
  );

  return { open, close, opener };
}
