import type {Paper} from '../types.ts'

/** Papers looked up by their number and by their arXiv id; a number may belong to several papers. */
export class PaperIndex {
  readonly byNumber = new Map<number, Paper[]>()
  readonly byArxiv = new Map<string, Paper[]>()

  constructor(papers: Paper[]) {
    for (const paper of papers) {
      // A paper listed again in another section is cited as its first listing.
      if (paper.repeats !== undefined) continue
      if (paper.number !== undefined) add(this.byNumber, paper.number, paper)
      if (paper.arxiv) add(this.byArxiv, paper.arxiv, paper)
    }
  }
}

function add<K>(map: Map<K, Paper[]>, key: K, paper: Paper): void {
  const list = map.get(key)
  if (list) list.push(paper)
  else map.set(key, [paper])
}
