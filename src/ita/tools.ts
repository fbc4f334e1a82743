/** The three assessment tools (เครื่องมือ / แบบวัด) and the ways workbooks write them. */
import { TOOLS, type Tool } from './framework.js';
import { labelKey } from './text.js';

export const TOOL_NAMES: Record<Tool, string> = {
  IIT: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน',
  EIT: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก',
  OIT: 'แบบวัดการเปิดเผยข้อมูลสาธารณะ',
};

/** Header keys (see `labelKey`) of a column that names the tool. */
export const TOOL_HEADERS = ['เครื่องมือ', 'แบบวัด', 'เครื่องมือการประเมิน'];

/** "IIT", "iit", "แบบวัด IIT", the full Thai name, or the Thai name with "(IIT)". */
export function parseTool(text: string): Tool | undefined {
  const key = labelKey(text);
  for (const tool of TOOLS) {
    const code = tool.toLowerCase();
    const name = labelKey(TOOL_NAMES[tool]);
    if (key === code || key === `แบบวัด${code}` || key.startsWith(name) || key.includes(`(${code})`)) return tool;
  }
  return undefined;
}
