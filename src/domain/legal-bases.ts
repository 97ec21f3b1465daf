/** Legal bases (法律依据) and their articles: see src/domain/legal-bases/ for the parts. */
export { createLegalBasis, legalBasis } from './legal-bases/write.js';
export { getLegalBasis, listLegalBases } from './legal-bases/read.js';
export { getArticle, listArticles, searchArticles } from './legal-bases/articles.js';
export { derive, legalBasisEtag } from './legal-bases/derived.js';
export { toLegalBasis, type LegalBasisRow } from './legal-bases/rows.js';
