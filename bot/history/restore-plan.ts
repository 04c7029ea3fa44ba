/** What restoring a group's members to a past time changes (pure). */

/** Who comes back, who goes, and how many stay. */
export interface RestorePlan {
  /** Members then who are not members now: added back. */
  add: string[];
  /** Members now who were not members then: removed. */
  remove: string[];
  /** Members both then and now. */
  keep: number;
}

/** The difference between the members now and the members at the time restored to (ids, any case). Never throws. */
export function planRestore(current: readonly string[], target: readonly string[]): RestorePlan {
  const now = new Set(current.map((id) => id.toLowerCase()));
  const then = new Set(target.map((id) => id.toLowerCase()));
  return {
    add: [...then].filter((id) => !now.has(id)).sort(),
    remove: [...now].filter((id) => !then.has(id)).sort(),
    keep: [...now].filter((id) => then.has(id)).length,
  };
}
