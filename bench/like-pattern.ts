/** An ILIKE pattern matching `q` anywhere, its wildcard characters escaped: the baselines' substring match. */
export const likePattern = (q: string) => '%' + q.trim().replace(/[\\%_]/g, (ch) => '\\' + ch) + '%';
