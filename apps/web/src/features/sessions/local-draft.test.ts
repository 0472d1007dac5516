import { describe, expect, it } from "vitest";
import { clearAllLocalDrafts, clearLocalDraft, LOCAL_DRAFT_MAX_AGE_MS, readLocalDraft, shouldRestore, writeLocalDraft } from "./local-draft";

/** Enough of the Storage interface for these tests (vitest runs in node). */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const NOW = Date.parse("2026-03-02T10:00:00Z");
const draft = { userId: "u1", noteId: "n1", baseVersion: 3, editedAt: NOW - 1000, values: { nextStep: "x" } };

describe("local note drafts", () => {
  it("gives the edits back to the user who typed them, and to no one else", () => {
    const store = new MemoryStorage();
    writeLocalDraft(draft, store);
    expect(readLocalDraft("n1", "u1", NOW, store)).toEqual(draft);
    expect(readLocalDraft("n1", "u2", NOW, store)).toBeNull();
    expect(readLocalDraft("n2", "u1", NOW, store)).toBeNull();
  });

  it("forgets edits that are too old or unreadable", () => {
    const store = new MemoryStorage();
    writeLocalDraft({ ...draft, editedAt: NOW - LOCAL_DRAFT_MAX_AGE_MS - 1 }, store);
    expect(readLocalDraft("n1", "u1", NOW, store)).toBeNull();
    expect(store.length).toBe(0);
    store.setItem("lentera.noteDraft.n1", "{not json");
    expect(readLocalDraft("n1", "u1", NOW, store)).toBeNull();
    expect(store.length).toBe(0);
  });

  it("clears one note, or every note on sign-out, and leaves other settings alone", () => {
    const store = new MemoryStorage();
    store.setItem("lentera.locale", "id");
    writeLocalDraft(draft, store);
    writeLocalDraft({ ...draft, noteId: "n2" }, store);
    clearLocalDraft("n1", store);
    expect(readLocalDraft("n1", "u1", NOW, store)).toBeNull();
    expect(readLocalDraft("n2", "u1", NOW, store)).not.toBeNull();
    clearAllLocalDrafts(store);
    expect(store.length).toBe(1);
    expect(store.getItem("lentera.locale")).toBe("id");
  });

  it("works, doing nothing, without storage", () => {
    expect(() => writeLocalDraft(draft, null)).not.toThrow();
    expect(readLocalDraft("n1", "u1", NOW, null)).toBeNull();
    expect(() => clearAllLocalDrafts(null)).not.toThrow();
  });
});

describe("shouldRestore", () => {
  const server = { version: 3, updatedAt: new Date(NOW - 60_000) };
  it("restores edits made on the version the server still has", () => {
    expect(shouldRestore({ baseVersion: 3, editedAt: NOW - 120_000 }, server, true)).toBe(true);
  });
  it("restores edits made after the server's last save", () => {
    expect(shouldRestore({ baseVersion: 2, editedAt: NOW - 1000 }, server, true)).toBe(true);
  });
  it("does not restore edits the server has overtaken, or that change nothing", () => {
    expect(shouldRestore({ baseVersion: 2, editedAt: NOW - 120_000 }, server, true)).toBe(false);
    expect(shouldRestore({ baseVersion: 3, editedAt: NOW }, server, false)).toBe(false);
    expect(shouldRestore(null, server, true)).toBe(false);
  });
});
