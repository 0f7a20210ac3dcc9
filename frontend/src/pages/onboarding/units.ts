// The facility step's place choice: every block (or the deepest units) of the tenant,
// labelled with the district above it so two blocks of the same name can be told apart.

export interface UnitRow {
  id: string;
  name: string;
  kind: string;
  parent: { id: string } | null;
}

export interface UnitChoice {
  id: string;
  label: string;
}

/**
 * Units as "District › Sub-division › Block", sorted: by default only those with no
 * children under them (where a facility lies), or every unit below the state.
 */
export function placeChoices(units: UnitRow[], leavesOnly = true): UnitChoice[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const parents = new Set(units.flatMap((u) => (u.parent ? [u.parent.id] : [])));
  const label = (u: UnitRow): string => {
    const names: string[] = [];
    // Walk up to just below the state: the state is the same for every choice.
    for (let at: UnitRow | undefined = u; at && at.kind !== "STATE"; at = at.parent ? byId.get(at.parent.id) : undefined) {
      names.unshift(at.name);
    }
    return names.join(" › ") || u.name;
  };
  return units
    .filter((u) => (!leavesOnly || !parents.has(u.id)) && u.kind !== "STATE")
    .map((u) => ({ id: u.id, label: label(u) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
