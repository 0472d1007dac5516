import { useEffect, useState } from "react";
import { loadCatalogPart, type CatalogPart } from "../../i18n";

/**
 * Whether a part of the catalog is in, loading it if not: for a piece of this feature shown on a
 * page whose route does not load the reports part (the case page's summary button).
 */
export function useCatalogPart(part: CatalogPart): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let current = true;
    loadCatalogPart(part).then(
      () => current && setReady(true),
      () => undefined, // a failed load leaves the button out; the page still works
    );
    return () => {
      current = false;
    };
  }, [part]);
  return ready;
}
