import {execFileSync} from 'node:child_process'

/**
 * The few git questions the diff asks, each one `git` call: which commit a revision names, the default
 * base, the README at a commit, and which of its lines a change touched.
 */
export class Git {
  constructor(readonly cwd: string) {}

  run(args: string[]): string {
    try {
      return execFileSync('git', args, {cwd: this.cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe']})
    } catch (error) {
      const stderr = String((error as {stderr?: unknown}).stderr ?? '').trim().split('\n')[0]
      throw new Error(`git ${args[0]} failed: ${stderr || (error as Error).message}`)
    }
  }

  /** The commit a revision names, or undefined when it names none. */
  commit(rev: string): string | undefined {
    try {
      return this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).trim() || undefined
    } catch {
      return undefined
    }
  }

  /**
   * The default base: where the current branch left the default branch (origin/HEAD, else main or master,
   * local or on origin), so that a branch's diff shows only what the branch did.
   */
  defaultBase(head: string): {rev: string; commit: string} {
    for (const rev of ['origin/HEAD', 'main', 'master', 'origin/main', 'origin/master']) {
      if (!this.commit(rev)) continue
      return {rev, commit: this.run(['merge-base', rev, head]).trim()}
    }
    throw new Error('found no default branch (origin/HEAD, main or master) to compare with; name the base: npm run diff -- BASE')
  }

  /** The file at a commit, or undefined when the commit does not have it. `path` is relative to `cwd`. */
  show(commit: string, path: string): string | undefined {
    try {
      return this.run(['cat-file', 'blob', `${commit}:./${path}`])
    } catch {
      return undefined
    }
  }

  /**
   * The head's line numbers that the change added or rewrote, from `git diff -U0`. Where lines were only
   * deleted, the lines on both sides of the cut count, since what follows may now read differently.
   */
  changedLines(base: string, head: string | undefined, path: string): Set<number> {
    const out = this.run(['diff', '--no-ext-diff', '--no-color', '--unified=0', base, ...(head ? [head] : []), '--', path])
    const lines = new Set<number>()
    for (const match of out.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
      const start = Number(match[1])
      const count = match[2] === undefined ? 1 : Number(match[2])
      if (count === 0) lines.add(start).add(start + 1)
      for (let line = start; line < start + count; line++) lines.add(line)
    }
    return lines
  }
}
