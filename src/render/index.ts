/**
 * The writer's one entry point: a Word template's bytes checked and prepared once, then one
 * announcement model at a time rendered into DOCX bytes. Knows nothing of workbooks or files.
 */
export { findTemplateProblems, MAX_TEMPLATE_BYTES, readTemplate, templateTooLarge, type Template } from './template/read.js';
export { EMBLEM_MOST_BYTES, emblemTooLarge, readEmblem, type EmblemImage } from './emblem.js';
export { FIXED_ZIP_DATE, prepareTemplate, renderAnnouncement, type PreparedTemplate } from './docx.js';
export { ANALYSIS_TEMPLATE, ANNOUNCEMENT_TEMPLATE, type TemplateKind } from './template/tags.js';
export { renderAnalysis } from './analysis/docx.js';
