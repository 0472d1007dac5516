import { useQuery } from "@tanstack/react-query";
import type { PlanDomain } from "@lentera/domain";
import { useTRPC } from "../../lib/trpc";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { GoalsByDomain } from "./goals-by-domain";

/** One version's goals, read-only (an older version is never edited). */
export function VersionView({ versionId, domains }: { versionId: string; domains: readonly PlanDomain[] }) {
  const trpc = useTRPC();
  const version = useQuery(trpc.plans.version.queryOptions({ versionId }));
  if (version.isPending) return <Loading />;
  if (version.isError) return <QueryError error={version.error} onRetry={() => void version.refetch()} />;
  return (
    <div className="version-view">
      <GoalsByDomain goals={version.data.goals} domains={domains} />
    </div>
  );
}
