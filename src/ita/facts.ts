/**
 * What a layout finds for one agency, before the year's rules are applied: the readers of both
 * layouts produce it, announce.ts turns it into the announcement.
 */
import type { Cell, Sheet } from '../read/cells.js';
import type { Framework, Tool } from './framework.js';
import type { IndicatorScore } from './model.js';

/** A value the workbook states, and where. */
export interface StatedCell {
  sheet: Sheet;
  cell: Cell;
}

/** What a layout found for one agency, before the year's rules are applied. */
export interface AgencyFacts {
  /** Where the agency's scores are: the indicator table's sheet, or the agency's own row. */
  source: { sheet: Sheet; row?: number };
  name: string;
  province?: string;
  framework: Framework;
  /** All of the year's indicators, in official order. */
  indicators: IndicatorScore[];
  total?: StatedCell;
  level?: StatedCell;
  result?: StatedCell;
  levelDescription?: StatedCell;
  /** IIT / EIT / OIT subtotal columns (layout 2): checked, never printed. */
  toolScores?: Partial<Record<Tool, StatedCell>>;
}
