"use client";
import { useRef, useState, type FormEvent } from "react";
import { useWorkspace } from "@/lib/store/StoreProvider";
import { useSavedScenarios } from "@/lib/store/useSavedScenarios";
import { newId } from "@/lib/store/savedDb";
import { cleanName, exportFile, newSaved, type SavedScenario } from "@/lib/scenario/savedFile";
import { downloadText } from "./download";

/** One saved scenario: open (as its link), rename, delete. */
function SavedRow({ s, onRename, onDelete }: { s: SavedScenario; onRename: (name: string) => void; onDelete: () => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(s.name);
  const [confirm, setConfirm] = useState(false);
  return (
    <li className="saved-row" data-saved={s.name}>
      {editing ? (
        <form onSubmit={(e) => { e.preventDefault(); onRename(name); setEditing(false); }} className="saved-rename">
          <input aria-label={`New name for ${s.name}`} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} autoFocus />
          <button type="submit">Save name</button>
          <button type="button" onClick={() => { setName(s.name); setEditing(false); }}>Cancel</button>
        </form>
      ) : (
        <a href={`/?${s.query}`} className="saved-open" aria-label={`Open the saved scenario ${s.name}`}>{s.name}</a>
      )}
      <span className="muted saved-date">saved {s.updatedAt.slice(0, 16).replace("T", " ")} UTC</span>
      {s.note ? <span className="saved-note">{s.note}</span> : null}
      <span className="saved-actions">
        {!editing ? <button type="button" onClick={() => setEditing(true)} aria-label={`Rename ${s.name}`}>Rename</button> : null}
        {confirm ? (
          <>
            <button type="button" onClick={onDelete} aria-label={`Confirm: delete ${s.name}`}>Confirm delete</button>
            <button type="button" onClick={() => setConfirm(false)}>Keep</button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirm(true)} aria-label={`Delete ${s.name}`}>Delete</button>
        )}
      </span>
    </li>
  );
}

/** Saved scenarios: save the current one with a name and a note, list, open, rename, delete, export and import (JSON). */
export function SavedScenarios() {
  const { list, error, put, remove } = useSavedScenarios();
  const scenario = useWorkspace((s) => s.scenario);
  const baseline = useWorkspace((s) => s.baseline);
  const [name, setName] = useState("");
  const [note, setNote] = useState("");
  const [status, setStatus] = useState<string[]>([]);
  const fileRef = useRef<HTMLInputElement>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const rec = newSaved(newId(), name, note, scenario, baseline);
      await put(rec);
      setStatus([`Saved “${rec.name}”.`]);
      setName("");
      setNote("");
    } catch (err) {
      setStatus([`Could not save: ${err instanceof Error ? err.message : "IndexedDB failed"}.`]);
    }
  };
  const onImport = async (file: File | undefined) => {
    if (!file) return;
    // The file reader (and its schema library) loads only when a file is chosen.
    const [{ readImportFile }, text] = await Promise.all([import("@/lib/scenario/savedImport"), file.text()]);
    const r = readImportFile(text);
    if (r.ok) {
      for (const s of r.scenarios) await put({ ...s, id: newId() });
      setStatus([`Imported ${r.scenarios.length} scenario${r.scenarios.length === 1 ? "" : "s"} from ${file.name}.`, ...r.messages]);
    } else setStatus([`Nothing imported from ${file.name}: ${r.messages[0]}`, ...r.messages.slice(1)]);
    if (fileRef.current) fileRef.current.value = "";
  };
  return (
    <details className="saved panel-box" data-saved-scenarios="">
      <summary>Saved scenarios ({list.length})</summary>
      {error ? <p className="notice" role="alert">{error}</p> : null}
      <form className="saved-form" onSubmit={save}>
        <label>Name <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} placeholder="e.g. Packaging +20 %" required /></label>
        <label>Note <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={2} /></label>
        <button type="submit">Save this scenario</button>
      </form>
      {list.length ? <ul className="saved-list">{list.map((s) => <SavedRow key={s.id} s={s} onRename={(n) => void put({ ...s, name: cleanName(n), updatedAt: new Date().toISOString() })} onDelete={() => void remove(s.id)} />)}</ul> : <p className="muted">No saved scenarios yet; they stay in this browser.</p>}
      <div className="saved-io">
        <button type="button" disabled={!list.length} onClick={() => downloadText(`chokepoint_scenarios_${new Date().toISOString().slice(0, 10)}.json`, exportFile(list), "application/json")}>Export all (JSON)</button>
        <label className="import-label">Import JSON <input ref={fileRef} type="file" accept="application/json,.json" onChange={(e) => void onImport(e.target.files?.[0])} /></label>
      </div>
      {status.length ? <div className="bar-status" role="status" data-saved-status="">{status.map((m, i) => <p key={i}>{m}</p>)}</div> : null}
    </details>
  );
}
