import { describe, expect, it } from 'vitest';
import { chiefExecutiveTitle, fullAgencyName } from '../../src/ita/agency.js';
import { cleanText, labelKey, parseNumber } from '../../src/ita/text.js';
import { formatterFor } from '../../src/core/format.js';

describe('Thai digits, scores and dates', () => {
  const thai = formatterFor('thai');
  const arabic = formatterFor('arabic');

  it('prints scores with two decimals', async () => {
    expect(thai.score(81.5)).toBe('๘๑.๕๐');
    expect(thai.score(78.29)).toBe('๗๘.๒๙');
    expect(arabic.score(81.5)).toBe('81.50');
    expect(thai.score(100)).toBe('๑๐๐.๐๐');
  });

  it('prints the date in Buddhist Era with the full month name', async () => {
    expect(thai.date('2022-08-02')).toBe('๒ สิงหาคม พ.ศ. ๒๕๖๕');
    expect(arabic.date('2022-08-02')).toBe('2 สิงหาคม พ.ศ. 2565');
    expect(thai.date('2023-12-31')).toBe('๓๑ ธันวาคม พ.ศ. ๒๕๖๖');
  });

  it('turns every digit inside workbook text into Thai digits, leaving Latin letters', async () => {
    expect(thai.text('ในข้อ o25 ปี พ.ศ. 2565 (ITA)')).toBe('ในข้อ o๒๕ ปี พ.ศ. ๒๕๖๕ (ITA)');
    expect(arabic.text('ตัวชี้วัดที่ ๙.๔')).toBe('ตัวชี้วัดที่ 9.4');
  });

  it('makes the ICU formatters once per kind of digits, not once per document', async () => {
    expect(formatterFor('thai')).toBe(thai);
    expect(formatterFor('arabic')).toBe(arabic);
    expect(thai).not.toBe(arabic);
  });
});

describe('reading numbers and labels', () => {
  it('reads numbers typed as text, in Thai or Arabic digits, with stray spaces', async () => {
    expect(parseNumber('๘๔.๗๙')).toBe(84.79);
    expect(parseNumber(' 84.79\u00a0')).toBe(84.79);
    expect(parseNumber('๘๔.๗๙ คะแนน')).toBe(84.79);
    expect(parseNumber('84,79')).toBeUndefined();
    expect(parseNumber('ไม่มี')).toBeUndefined();
  });

  it('compares labels without spaces, NBSP, zero-width characters, line breaks or a trailing colon', async () => {
    expect(labelKey('คะแนน\u00a0รวม :')).toBe(labelKey('คะแนนรวม'));
    expect(labelKey('หน่วย\u200bงาน\n')).toBe('หน่วยงาน');
    expect(labelKey('ปีงบ\nประมาณ：')).toBe('ปีงบประมาณ');
  });

  it('cleans text for print: what needs nothing comes back as it is, everything else folded the same way', async () => {
    const unchanged = ['อบต.ลำปางรอง', 'หน่วยงานควรพัฒนา และปรับปรุง', '9.2 การบริหารงาน', ''];
    for (const text of unchanged) expect(cleanText(text)).toBe(text);
    const cleaned: [string, string][] = [
      [' อบต.ลำปางรอง', 'อบต.ลำปางรอง'],
      ['อบต.ลำปางรอง ', 'อบต.ลำปางรอง'],
      ['คะแนน  รวม', 'คะแนน รวม'],
      ['คะแนน\tรวม', 'คะแนน รวม'],
      ['คะแนน\u00a0รวม', 'คะแนน รวม'],
      ['คะแนน\u3000รวม', 'คะแนน รวม'],
      ['หน่วย\u200bงาน', 'หน่วยงาน'],
      ['\ufeffหน่วยงาน', 'หน่วยงาน'],
      ['ข้อ\u0007เสนอ', 'ข้อเสนอ'],
      ['บรรทัด 1 \r\n  บรรทัด 2\n', 'บรรทัด 1\nบรรทัด 2'],
      ['e\u0301cole', '\u00e9cole'],
    ];
    for (const [text, expected] of cleaned) expect(cleanText(text), JSON.stringify(text)).toBe(expected);
  });
});

describe('agency names', () => {
  it('expands the short forms and derives the chief executive', async () => {
    expect(fullAgencyName('อบต.ลำปางรอง')).toBe('องค์การบริหารส่วนตำบลลำปางรอง');
    expect(fullAgencyName('อบต. ลำปางรอง')).toBe('องค์การบริหารส่วนตำบลลำปางรอง');
    expect(fullAgencyName('อบจ.ลำปาง')).toBe('องค์การบริหารส่วนจังหวัดลำปาง');
    expect(fullAgencyName('ทต.เกาะคา')).toBe('เทศบาลตำบลเกาะคา');
    expect(fullAgencyName('ทม.ลำพูน')).toBe('เทศบาลเมืองลำพูน');
    expect(fullAgencyName('ทน.ลำปาง')).toBe('เทศบาลนครลำปาง');
    expect(fullAgencyName('กรมบัญชีกลาง')).toBe('กรมบัญชีกลาง');
    expect(chiefExecutiveTitle('อบต.ลำปางรอง')).toBe('นายกองค์การบริหารส่วนตำบลลำปางรอง');
    expect(chiefExecutiveTitle('องค์การบริหารส่วนตำบลลำปางรอง')).toBe('นายกองค์การบริหารส่วนตำบลลำปางรอง');
    expect(chiefExecutiveTitle('ทต.เกาะคา')).toBe('นายกเทศมนตรีตำบลเกาะคา');
    expect(chiefExecutiveTitle('ทน.ลำปาง')).toBe('นายกเทศมนตรีนครลำปาง');
    expect(chiefExecutiveTitle('กรมบัญชีกลาง')).toBeUndefined();
  });
});
