/**
 * Local-government agency names: ITAS writes the short form (อบต.ลำปางรอง), the heading
 * needs the full form (องค์การบริหารส่วนตำบลลำปางรอง), and the signer's title follows
 * from the kind of agency (นายกองค์การบริหารส่วนตำบลลำปางรอง).
 */
import { singleLine } from './text.js';

interface AgencyKind {
  short: string;
  full: string;
  /** The chief executive's title, before the place name. */
  chief: string;
}

const LOCAL_AGENCY_KINDS: readonly AgencyKind[] = [
  { short: 'อบต.', full: 'องค์การบริหารส่วนตำบล', chief: 'นายกองค์การบริหารส่วนตำบล' },
  { short: 'อบจ.', full: 'องค์การบริหารส่วนจังหวัด', chief: 'นายกองค์การบริหารส่วนจังหวัด' },
  { short: 'ทต.', full: 'เทศบาลตำบล', chief: 'นายกเทศมนตรีตำบล' },
  { short: 'ทม.', full: 'เทศบาลเมือง', chief: 'นายกเทศมนตรีเมือง' },
  { short: 'ทน.', full: 'เทศบาลนคร', chief: 'นายกเทศมนตรีนคร' },
];

/** The kind of a local agency and its place name, whether written short or in full. */
function localAgency(name: string): { kind: AgencyKind; place: string } | undefined {
  const written = singleLine(name);
  for (const kind of LOCAL_AGENCY_KINDS) {
    for (const prefix of [kind.short, kind.full]) {
      if (written.startsWith(prefix)) {
        const place = written.slice(prefix.length).trim();
        if (place) return { kind, place };
      }
    }
  }
  return undefined;
}

/** "อบต.ลำปางรอง" → "องค์การบริหารส่วนตำบลลำปางรอง"; other names as written. */
export function fullAgencyName(name: string): string {
  const local = localAgency(name);
  return local ? local.kind.full + local.place : singleLine(name);
}

/** "อบต.ลำปางรอง" → "นายกองค์การบริหารส่วนตำบลลำปางรอง"; undefined for other kinds of agency. */
export function chiefExecutiveTitle(name: string): string | undefined {
  const local = localAgency(name);
  return local ? local.kind.chief + local.place : undefined;
}
