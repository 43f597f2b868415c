/** Collects one kind of event per file and reports it once with a count and the first lines. */
export class NoteBook {
  private readonly events = new Map<string, number[]>();

  add(file: string, what: string, line: number): void {
    const key = `${file}\u0000${what}`;
    this.events.set(key, [...(this.events.get(key) ?? []), line]);
  }

  list(): string[] {
    return [...this.events.entries()].map(([key, lines]) => {
      const [file, what] = key.split('\u0000');
      const shown = lines.slice(0, 5).join(', ');
      return `${file}: ${what} on ${lines.length} row(s) (line ${shown}${lines.length > 5 ? ', ...' : ''})`;
    });
  }
}
