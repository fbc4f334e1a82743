/**
 * What a zip file says about itself before anything is inflated: its entries' sizes from the
 * central directory at its end (read with yauzl, which inflates nothing until asked). A
 * workbook is refused on these numbers alone when it would inflate to more than a workbook
 * ever holds (a zip bomb), so the check costs milliseconds and no memory whatever it claims.
 */
import yauzl from 'yauzl';

export interface ZipRecords {
  entries: number;
  /** Sum of the entries' uncompressed sizes, as recorded. */
  uncompressed: number;
  /** The largest ratio of uncompressed to compressed size among entries over 10 MB (workbook XML inflates about 10×). */
  worstRatio: number;
}

/** The zip's own records, or an Error when it has no readable central directory (truncated, damaged). */
export function readZipRecords(file: string): Promise<ZipRecords | Error> {
  return new Promise((resolve) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (openError, zip) => {
      if (openError || !zip) return resolve(openError ?? new Error('not a zip file'));
      const records: ZipRecords = { entries: 0, uncompressed: 0, worstRatio: 0 };
      zip.on('entry', (entry: yauzl.Entry) => {
        records.entries++;
        records.uncompressed += entry.uncompressedSize;
        if (entry.uncompressedSize > 10 * 1024 * 1024) records.worstRatio = Math.max(records.worstRatio, entry.uncompressedSize / Math.max(1, entry.compressedSize));
        zip.readEntry();
      });
      zip.on('end', () => resolve(records));
      zip.on('error', (e: Error) => resolve(e));
      zip.readEntry();
    });
  });
}
