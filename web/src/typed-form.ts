/**
 * The "กรอกคะแนนเอง" form: the fill-in form's fields (src/ita/fill-in.ts) as inputs named as the
 * form names them (`name="score-1"` …), each labelled with the year's official indicator name, and
 * the recommendations as ITAS prints them, one box per tool. What is typed becomes the fill-in
 * layout's cells, checked by the same core as a workbook.
 */
import { fillInFields, type FactField, type FieldPlace, type ScoreField, type TypedResults } from '../../src/ita/fill-in.js';
import type { Framework, Tool } from '../../src/ita/framework.js';
import type { Problem } from '../../src/core/problem.js';

const HINTS: Partial<Record<FactField, string>> = {
  agency: 'ตามที่ระบบ ITAS แสดง เช่น อบต.ลำปางรอง',
  'fiscal-year': 'พ.ศ. หรือ ค.ศ. ก็ได้ เช่น 2568',
  total: 'ว่างไว้ได้: โปรแกรมคำนวณให้ ถ้ากรอก โปรแกรมจะตรวจกับคะแนนรายตัวชี้วัด',
  level: 'ว่างไว้ได้ เช่น B หรือ ผ่านดี',
  result: 'ว่างไว้ได้: ผ่าน หรือ ไม่ผ่าน',
};

/** A required field left empty. */
const MISSING = new Set<Problem['code']>(['agency-missing', 'fiscal-year-missing', 'score-missing']);

const RECOMMENDATION_HINTS: Record<Tool, string> = {
  IIT: 'คัดลอกข้อเสนอแนะ IIT จากระบบ ITAS มาวาง ย่อหน้าละบรรทัด',
  EIT: 'คัดลอกข้อเสนอแนะ EIT จากระบบ ITAS มาวาง ย่อหน้าละบรรทัด',
  OIT: 'ตามที่ระบบ ITAS แสดง: บรรทัด "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล" แล้ว "ตัวชี้วัดย่อยที่ 9.4 …" แล้วข้อเสนอแนะแต่ละข้อ',
};

export interface TypedForm {
  /** What is typed now, as the core takes it. */
  results(): TypedResults;
  /** Fills fields (what a workbook without a table of scores did hold). */
  fill(values: Partial<Record<FactField, string>>): void;
  /** Each field's own problems beside it; the rest are the page's to show. */
  mark(problems: readonly Problem[]): void;
  /** A field not yet filled that the clerk has not come to yet: not an error to shout about while typing. */
  pending(problem: Problem): boolean;
  /** The score fields labelled with this year's indicators. */
  label(framework: Framework | undefined): void;
  focus(): void;
}

export function typedForm(container: HTMLElement, onChange: () => void): TypedForm {
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  /** By the label messages name a field with: its note, and its input. */
  const notes = new Map<string, HTMLElement>();
  const byLabel = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  const labels = new Map<string, HTMLLabelElement>();
  const fields = fillInFields();

  const field = (place: FieldPlace) => {
    const box = document.createElement('div');
    box.className = `field ${place.name.startsWith('score-') ? 'score-field' : ''}`;
    const id = `typed-${place.name}`;
    const label = Object.assign(document.createElement('label'), {
      htmlFor: id,
      textContent: place.required ? place.label : `${place.label} (ไม่บังคับ)`,
    });
    const input = Object.assign(document.createElement('input'), {
      id,
      name: place.name,
      type: 'text',
      autocomplete: 'off',
      required: place.required,
    });
    if (place.name.startsWith('score-') || place.name === 'total' || place.name === 'fiscal-year') input.inputMode = 'decimal';
    const hint = HINTS[place.name as FactField];
    const note = Object.assign(document.createElement('div'), { id: `${id}-problem`, className: 'field-problem error', role: 'alert' });
    input.setAttribute('aria-describedby', note.id);
    box.append(
      label,
      input,
      ...(hint ? [Object.assign(document.createElement('div'), { className: 'hint', textContent: hint })] : []),
      note,
    );
    inputs.set(place.name, input);
    notes.set(place.label, note);
    byLabel.set(place.label, input);
    labels.set(place.name, label);
    return box;
  };

  const facts = document.createElement('div');
  facts.className = 'row';
  const scores = document.createElement('div');
  scores.className = 'scores';
  for (const place of fields) {
    if (['agency', 'fiscal-year', 'province'].includes(place.name)) facts.append(field(place));
    else if (place.name.startsWith('score-')) scores.append(field(place));
  }
  const optional = document.createElement('details');
  optional.append(Object.assign(document.createElement('summary'), { textContent: 'คะแนนรวม ระดับ ผลการประเมิน และข้อเสนอแนะ (ไม่บังคับ)' }));
  const stated = document.createElement('div');
  stated.className = 'row three';
  for (const place of fields) if (['total', 'level', 'result'].includes(place.name)) stated.append(field(place));
  optional.append(stated);
  const recommendations = new Map<Tool, HTMLTextAreaElement>();
  for (const tool of ['IIT', 'EIT', 'OIT'] as const) {
    const id = `typed-recommendations-${tool}`;
    const label = Object.assign(document.createElement('label'), { htmlFor: id, textContent: `ข้อเสนอแนะ ${tool}` });
    const area = Object.assign(document.createElement('textarea'), {
      id,
      name: `recommendations-${tool}`,
      placeholder: RECOMMENDATION_HINTS[tool],
    });
    const note = Object.assign(document.createElement('div'), { className: 'field-problem error', role: 'alert' });
    notes.set(`ข้อเสนอแนะ ${tool}`, note);
    byLabel.set(`ข้อเสนอแนะ ${tool}`, area);
    recommendations.set(tool, area);
    inputs.set(`recommendations-${tool}`, area);
    optional.append(label, area, note);
  }
  container.append(facts, scores, optional);
  /** Fields typed in or left: the ones whose emptiness is the clerk's to hear about. */
  const touched = new Set<string>();
  for (const [name, input] of inputs) {
    input.addEventListener('input', () => {
      touched.add(name);
      onChange();
    });
    input.addEventListener('blur', () => {
      if (touched.has(name)) return;
      touched.add(name);
      onChange();
    });
  }
  const nameOf = (label: string | undefined) => fields.find((f) => f.label === label)?.name;
  const pending = (problem: Problem) => MISSING.has(problem.code) && !touched.has(nameOf(problem.where.field) ?? '');

  return {
    results() {
      const values: Partial<Record<FactField | ScoreField, string>> = {};
      for (const place of fields) values[place.name] = inputs.get(place.name)!.value;
      const typed: Partial<Record<Tool, string>> = {};
      for (const [tool, area] of recommendations) if (area.value.trim()) typed[tool] = area.value;
      return { values, recommendations: typed };
    },
    fill(values) {
      for (const [name, value] of Object.entries(values)) {
        const input = inputs.get(name);
        if (input && value !== undefined && !input.value) input.value = value;
      }
    },
    mark(problems) {
      for (const note of notes.values()) note.textContent = '';
      for (const input of inputs.values()) input.removeAttribute('aria-invalid');
      for (const problem of problems) {
        const note = problem.where.field && !pending(problem) && notes.get(problem.where.field);
        if (!note) continue;
        note.textContent = [note.textContent, problem.message.th].filter(Boolean).join(' ');
        if (problem.severity === 'error') byLabel.get(problem.where.field!)?.setAttribute('aria-invalid', 'true');
      }
    },
    pending,
    label(framework) {
      for (const place of fields) {
        const number = /^score-(\d+)$/.exec(place.name)?.[1];
        const definition = number ? framework?.indicators.find((d) => d.number === Number(number)) : undefined;
        if (definition) labels.get(place.name)!.textContent = `${place.label}: ${definition.name} (${definition.tool})`;
      }
    },
    focus() {
      inputs.get('agency')!.focus();
    },
  };
}
