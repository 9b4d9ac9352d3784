/** Lists: every item across pages, or page by page. */

export interface Page<T> {
  items: T[];
  /** Token (or, over REST, URL) of the next page; empty on the last. */
  nextPageToken: string;
  /** Total matches, where the call reports it (gRPC resources; REST `X-Total-Count`). */
  totalCount?: number;
}

/** Iterates (`for await`) over every item of a list across pages; `pages()` gives the pages. */
export class Pages<T> implements AsyncIterable<T> {
  constructor(private readonly fetchPage: (token: string) => Promise<Page<T>>) {}

  async *pages(): AsyncGenerator<Page<T>> {
    let token = "";
    for (;;) {
      const page = await this.fetchPage(token);
      yield page;
      if (!page.nextPageToken) return;
      token = page.nextPageToken;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for await (const page of this.pages()) yield* page.items;
  }

  async all(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}
