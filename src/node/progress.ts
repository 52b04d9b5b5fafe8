import cliProgress from 'cli-progress'

/** A progress reporter: a bar on a terminal, one line per step otherwise (CI logs stay readable). */
export interface Progress {
  /** Advance by `n` (default 1), optionally naming what is being done now. */
  tick(label?: string, n?: number): void
  stop(): void
}

/**
 * Starts a progress report of `total` steps on stderr.
 *
 * @example
 * const p = startProgress('embedding chunks', chunks.length)
 * for (const c of chunks) { await embed(c); p.tick() }
 * p.stop()
 */
export function startProgress(
  title: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (!stream.isTTY) {
    stream.write(`${title}…\n`)
    let done = 0
    let lastPct = -1
    return {
      tick(label, n = 1) {
        done += n
        const pct = Math.floor((done / total) * 4) * 25
        if (label) stream.write(`  ${title}: ${label}\n`)
        else if (pct !== lastPct && pct > 0) stream.write(`  ${title}: ${pct}%\n`)
        lastPct = pct
      },
      stop() {
        stream.write(`${title}: done\n`)
      },
    }
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${title} [{bar}] {value}/{total} {label}`,
      hideCursor: true,
      stream,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  )
  bar.start(total, 0, { label: '' })
  return {
    tick(label, n = 1) {
      bar.increment(n, { label: label ?? '' })
    },
    stop() {
      bar.stop()
    },
  }
}
