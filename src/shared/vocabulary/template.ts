/**
 * Messages of the document template (文书模板): the organisation's wording of document blocks
 * and its logo (src/app/documents/template.ts).
 */
import type { WordTable } from './types';

/** Messages of the document template (area `template`). */
export const TEMPLATE = {
  block_unknown: {
    en: '{key} is not a document block that can be reworded',
    zh: '{key} 不是可调整的文书模板段落',
  },
  lang_missing: {
    en: 'give the block text in zh, en or both',
    zh: '请给出段落的中文（zh）或英文（en）文本，或两者都给出',
  },
  text_too_long: {
    en: 'the block text has {length} characters; at most {max}',
    zh: '段落文本有 {length} 个字符，最多 {max} 个',
  },
  text_control: {
    en: 'the block text must not contain control characters (character {position})',
    zh: '段落文本不得包含控制字符（第 {position} 个字符）',
  },
  text_single_line: {
    en: 'this block is one line: remove the line breaks',
    zh: '该段落只能是一行：请删除换行',
  },
  logo_empty: { en: 'the logo file is empty', zh: '标志文件为空' },
  logo_type: {
    en: 'the logo must be a PNG or JPEG picture (checked by its content)',
    zh: '标志必须是 PNG 或 JPEG 图片（按文件内容判断）',
  },
  logo_too_large: {
    en: 'the logo file has {size}; at most {max} is accepted',
    zh: '标志文件大小为 {size}，最多接受 {max}',
  },
  logo_damaged: {
    en: 'the logo picture is damaged: its size in pixels cannot be read',
    zh: '标志图片已损坏：无法读取其像素尺寸',
  },
  logo_pixels: {
    en: 'the logo is {width}×{height} pixels; at most {max}×{max}',
    zh: '标志为 {width}×{height} 像素，最大 {max}×{max}',
  },
  logo_base64: {
    en: 'the logo is not valid base64',
    zh: '标志不是有效的 base64 编码',
  },
  file_problems: {
    en: 'the template file has {count} problem(s); nothing was stored',
    zh: '模板文件有 {count} 处问题，未保存任何内容',
  },
} as const satisfies WordTable;
