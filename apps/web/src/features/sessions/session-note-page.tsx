import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { domainCodeOf, reasonOf } from "../../lib/api-errors";
import { useTRPC } from "../../lib/trpc";
import { usePageTitle } from "../../lib/use-page-title";
import { Loading } from "../../ui/loading";
import { QueryError } from "../../ui/query-error";
import { NoteEditor } from "./note-editor";
import { NoteView } from "./note-view";

const idSchema = z.uuid();

/** /cases/:caseId/sessions/:noteId: a counseling session note, to write (its author, while a draft) or to read. */
export function SessionNotePage() {
  const { caseId = "", noteId = "" } = useParams();
  const valid = idSchema.safeParse(caseId).success && idSchema.safeParse(noteId).success;
  return valid ? <NoteLoader key={noteId} caseId={caseId} noteId={noteId} /> : <NoteNotFound caseId={null} />;
}

function NoteLoader({ caseId, noteId }: { caseId: string; noteId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Each read of a note body is audited: no refetch when the window regains focus, but always a
  // fresh copy when the page opens (a cached one could be older than this device's last save).
  const note = useQuery({ ...trpc.sessions.get.queryOptions({ noteId }), refetchOnWindowFocus: false, refetchOnMount: "always", staleTime: 0 });
  const instruments = useQuery(trpc.sessions.instruments.queryOptions());
  const caseData = useQuery({ ...trpc.cases.byId.queryOptions({ caseId }), enabled: note.isSuccess });
  const [editorKey, setEditorKey] = useState(0);
  usePageTitle(t("sessions.note.title"));

  if (reasonOf(note.error) === "clinical_only") return <ClinicalOnly caseId={caseId} />;
  const code = domainCodeOf(note.error);
  if (code === "not_found" || code === "invalid_input") return <NoteNotFound caseId={caseId} />;
  if (note.isError) return <QueryError error={note.error} onRetry={() => void note.refetch()} />;
  if (instruments.isError) return <QueryError error={instruments.error} onRetry={() => void instruments.refetch()} />;
  if (note.isPending || !note.isFetchedAfterMount || instruments.isPending) return <Loading />;

  const data = note.data;
  const reload = async () => {
    await queryClient.refetchQueries(trpc.sessions.get.queryFilter({ noteId }));
    setEditorKey((key) => key + 1);
  };

  return (
    <>
      <header className="page-heading note-heading">
        <h1>{t("sessions.note.title")}</h1>
        <p>
          <Link to={`/cases/${data.caseId}`}>
            {caseData.data ? t("sessions.note.backToCaseNamed", { caseNumber: caseData.data.caseNumber, alias: caseData.data.client.alias }) : t("sessions.note.backToCase")}
          </Link>
        </p>
      </header>
      {data.status === "draft" && data.editable ? (
        <NoteEditor
          key={editorKey}
          note={data}
          definitions={instruments.data}
          onReload={reload}
          onDiscarded={() => void navigate(`/cases/${data.caseId}`, { replace: true })}
        />
      ) : (
        <NoteView note={data} definitions={instruments.data} />
      )}
    </>
  );
}

/** A social worker (or anyone not clinical) who follows a link to a note. */
function ClinicalOnly({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  return (
    <section className="message-page" role="alert">
      <h1>{t("sessions.note.clinicalOnlyTitle")}</h1>
      <p>{t("errors.clinical_only")}</p>
      <p>
        <Link to={`/cases/${caseId}`}>{t("sessions.note.backToCase")}</Link>
      </p>
    </section>
  );
}

function NoteNotFound({ caseId }: { caseId: string | null }) {
  const { t } = useTranslation();
  return (
    <section className="message-page" role="alert">
      <h1>{t("sessions.note.notFoundTitle")}</h1>
      <p>{t("sessions.note.notFound")}</p>
      <p>{caseId ? <Link to={`/cases/${caseId}`}>{t("sessions.note.backToCase")}</Link> : <Link to="/cases">{t("sessions.note.backToCases")}</Link>}</p>
    </section>
  );
}
