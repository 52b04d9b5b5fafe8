/**
 * A queue that is fair between clients: each client's items wait in their own FIFO, and `shift()`
 * takes from the clients in turn (round robin), so a client that queued a hundred items delays
 * another client's next item by at most one of them, not by a hundred.
 *
 * @example
 * const q = new FairQueue<string>()
 * q.push('a', 'a1'); q.push('a', 'a2'); q.push('b', 'b1')
 * q.shift() // 'a1'
 * q.shift() // 'b1'
 * q.shift() // 'a2'
 */
export class FairQueue<T> {
  /** Each waiting client's items, in arrival order; a Map iterates in insertion order. */
  private readonly byClient = new Map<string, T[]>()
  private count = 0

  /** Items waiting, over all clients. */
  get size(): number {
    return this.count
  }

  /** Items `client` has waiting. */
  sizeOf(client: string): number {
    return this.byClient.get(client)?.length ?? 0
  }

  /** Queues `item` behind `client`'s earlier ones. */
  push(client: string, item: T): void {
    const items = this.byClient.get(client)
    if (items) items.push(item)
    else this.byClient.set(client, [item])
    this.count++
  }

  /** The next item: the oldest of the client whose turn it is; that client then goes last. */
  shift(): T | undefined {
    const next = this.byClient.entries().next()
    if (next.done) return undefined
    const [client, items] = next.value
    const item = items.shift() as T
    // Re-inserting moves the client to the end of the rotation.
    this.byClient.delete(client)
    if (items.length > 0) this.byClient.set(client, items)
    this.count--
    return item
  }

  /** Removes and returns every item (in turn order). */
  drain(): T[] {
    const all: T[] = []
    for (let item = this.shift(); item !== undefined; item = this.shift()) all.push(item)
    return all
  }
}
