import type {Venue} from '../types.ts'

/**
 * Full names of the venues pruning papers appear at, for BibTeX's booktitle or journal. A conference's
 * short name follows in brackets as the list writes it ("… Evaluation (LREC-COLING)"), so none is given here.
 * A venue not listed here is cited by the name the list gives it.
 */
const conferences: Record<string, string> = {
  aaai: 'Proceedings of the AAAI Conference on Artificial Intelligence',
  acl: 'Proceedings of the Annual Meeting of the Association for Computational Linguistics',
  coling: 'Proceedings of the International Conference on Computational Linguistics',
  'lrec-coling': 'Proceedings of the Joint International Conference on Computational Linguistics, Language Resources and Evaluation',
  colm: 'Conference on Language Modeling',
  cvpr: 'Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition',
  eacl: 'Proceedings of the Conference of the European Chapter of the Association for Computational Linguistics',
  eccv: 'European Conference on Computer Vision',
  emnlp: 'Proceedings of the Conference on Empirical Methods in Natural Language Processing',
  iccv: 'Proceedings of the IEEE/CVF International Conference on Computer Vision',
  iclr: 'International Conference on Learning Representations',
  icml: 'International Conference on Machine Learning',
  ijcai: 'Proceedings of the International Joint Conference on Artificial Intelligence',
  kdd: 'Proceedings of the ACM SIGKDD Conference on Knowledge Discovery and Data Mining',
  mlsys: 'Proceedings of Machine Learning and Systems',
  naacl: 'Proceedings of the Conference of the North American Chapter of the Association for Computational Linguistics',
  neurips: 'Advances in Neural Information Processing Systems',
  nips: 'Advances in Neural Information Processing Systems',
  www: 'Proceedings of the ACM Web Conference'
}

const journals: Record<string, string> = {
  tmlr: 'Transactions on Machine Learning Research',
  jmlr: 'Journal of Machine Learning Research',
  tpami: 'IEEE Transactions on Pattern Analysis and Machine Intelligence',
  tacl: 'Transactions of the Association for Computational Linguistics',
  'proceedings of the vldb endowment': 'Proceedings of the VLDB Endowment',
  pvldb: 'Proceedings of the VLDB Endowment'
}

/** ACL's Findings volumes are cited by their own title: "Findings of the Association for Computational Linguistics: EMNLP 2024". */
const findings = new Set(['acl', 'emnlp', 'naacl', 'eacl', 'aacl'])

export type Publication =
  | {kind: 'preprint'; howpublished: string | undefined}
  | {kind: 'inproceedings'; booktitle: string}
  | {kind: 'article'; journal: string}

/** Where a paper was published, in BibTeX's terms. */
export function publication(venue: Venue): Publication {
  const key = venue.name.toLowerCase()
  if (venue.preprint || venue.text === '' || key === 'openreview') return {kind: 'preprint', howpublished: venue.preprint || venue.text === '' ? undefined : venue.text}
  // Own keys only: a venue written `constructor` or `toString` must not find Object.prototype's.
  const journal = Object.hasOwn(journals, key) ? journals[key] : undefined
  if (journal) return {kind: 'article', journal}
  if (venue.track === 'Findings' && findings.has(key)) {
    return {kind: 'inproceedings', booktitle: `Findings of the Association for Computational Linguistics: ${venue.name.toUpperCase()}${venue.year ? ` ${venue.year}` : ''}`}
  }
  const full = Object.hasOwn(conferences, key) ? conferences[key] : undefined
  const name = full ? `${full} (${venue.name})` : venue.name
  return {kind: 'inproceedings', booktitle: venue.track === 'Workshop' ? `${name}, Workshop` : name}
}
