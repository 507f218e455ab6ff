// What became of the visitor's ratings on the MovieLens loaded now: they came along by movieId (the
// same film has the same id in every MovieLens release); how many are films here, how many are of
// films this one lacks, and which were set aside because their id names another film here.
import { listText } from '../ui/format.js';

const filmText = (f) => `${f.name}${f.year ? ` (${f.year})` : ''}`;
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/**
 * @param {{ report: { here: number, missing: number[], elsewhere: object[] }|null, dataset: { kind: string, name?: string } }} props
 */
export function CarriedRatings({ report, dataset }) {
  if (!report) return null;
  const dropped = dataset.kind === 'files';
  const total = report.here + report.missing.length + report.elsewhere.length;
  if (total === 0 || (!dropped && report.elsewhere.length === 0)) return null;
  const here = dropped ? dataset.name : 'MovieLens latest-small';
  const carriedOver = report.here + report.missing.length; // the rest are set aside, said below
  const examples = report.elsewhere.slice(0, 2).map((e) => `“${filmText(e.was)}” is “${filmText(e.now)}” here`);
  return (
    <div
      class="notice carried"
      role="status"
      data-here={report.here}
      data-missing={report.missing.length}
      data-elsewhere={report.elsewhere.length}
    >
      {dropped && carriedOver > 0 ? (
        <p>
          <strong>Your ratings came along.</strong> MovieLens gives a film the same id in every release, so a rating made on one MovieLens
          counts on another: {plural(report.here, 'is of a film', 'are of films')} in {here}
          {report.missing.length > 0
            ? `; ${plural(report.missing.length, 'is', 'are')} of films it does not hold (kept, and used again where they are)`
            : ''}
          .
        </p>
      ) : null}
      {report.elsewhere.length > 0 ? (
        <p>
          {plural(report.elsewhere.length, 'rating was', 'ratings were')} made on data whose ids name other films than {here} does —{' '}
          {listText(examples)}
          {report.elsewhere.length > 2 ? ' …' : ''} — so {report.elsewhere.length === 1 ? 'it is' : 'they are'} set aside while {here} is in
          use: not shown, not used, and back with the data {report.elsewhere.length === 1 ? 'it was' : 'they were'} made on.
        </p>
      ) : null}
    </div>
  );
}
