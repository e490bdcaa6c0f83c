/**
 * A bounded streaming XML walk for the scan importers: the file size is checked before parsing,
 * the element count, nesting depth and text length while parsing (saxes, no DTD, no entities
 * beyond XML's own five). A DOCTYPE, broken or truncated XML is refused with the line.
 */
import { SaxesParser } from 'saxes';
import { formatMb } from '../spreadsheet/zip';
import { VerificationReadError, type VerificationLimits } from './types';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** The element's own text (not its children's), as written (not trimmed). */
  readonly text: string;
  /** Names of the open ancestors, outermost first (not including this element). */
  readonly path: readonly string[];
}

export interface XmlWalk {
  /** Called with the root element's name before anything else; throw to refuse it. */
  root(name: string): void;
  open?(element: Omit<XmlElement, 'text'>): void;
  close(element: XmlElement): void;
}

const CHUNK = 64 * 1024;

/** Decodes a file as UTF-8 text (without a byte-order mark); refuses other bytes. */
export function utf8Text(buffer: Buffer, limits: VerificationLimits): string {
  if (buffer.length === 0) throw new VerificationReadError('file', 'verification.empty_file');
  if (buffer.length > limits.maxFileBytes) {
    throw new VerificationReadError('file', 'verification.too_large', {
      size: formatMb(buffer.length),
      max: formatMb(limits.maxFileBytes),
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    throw new VerificationReadError('file', 'verification.not_utf8');
  }
}

export function walkXml(text: string, limits: VerificationLimits, walk: XmlWalk): void {
  const parser = new SaxesParser({ position: true });
  let failure: VerificationReadError | null = null;
  const fail = (e: VerificationReadError) => {
    failure ??= e;
  };
  const names: string[] = [];
  const texts: string[] = [];
  const attrs: Record<string, string>[] = [];
  let elements = 0;
  parser.on('error', (e) => {
    fail(
      new VerificationReadError('file', 'verification.xml_broken', {
        line: parser.line,
        reason: e.message.replace(/^[^:]*:\d+:\d+: /, ''),
      }),
    );
  });
  parser.on('doctype', () => fail(new VerificationReadError('file', 'verification.doctype')));
  parser.on('opentag', (tag) => {
    if (failure) return;
    elements += 1;
    if (elements > limits.maxElements) {
      fail(
        new VerificationReadError('file', 'verification.too_many_elements', {
          max: limits.maxElements,
        }),
      );
      return;
    }
    if (names.length >= limits.maxDepth) {
      fail(new VerificationReadError('file', 'verification.too_deep', { max: limits.maxDepth }));
      return;
    }
    try {
      if (names.length === 0) walk.root(tag.name);
      const a: Record<string, string> = {};
      for (const [k, v] of Object.entries(tag.attributes)) a[k] = String(v);
      walk.open?.({ name: tag.name, attributes: a, path: [...names] });
      names.push(tag.name);
      texts.push('');
      attrs.push(a);
    } catch (e) {
      if (e instanceof VerificationReadError) fail(e);
      else throw e;
    }
  });
  const onText = (t: string) => {
    if (failure || texts.length === 0) return;
    const i = texts.length - 1;
    if (texts[i]!.length + t.length > limits.maxTextChars) {
      fail(
        new VerificationReadError('file', 'verification.text_too_long', {
          max: limits.maxTextChars,
        }),
      );
      return;
    }
    texts[i] += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    if (failure) return;
    const text = texts.pop() ?? '';
    const a = attrs.pop() ?? {};
    names.pop();
    try {
      walk.close({ name: tag.name, attributes: a, text, path: [...names] });
    } catch (e) {
      if (e instanceof VerificationReadError) fail(e);
      else throw e;
    }
  });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let at = 0; at < body.length && !failure; at += CHUNK) {
    parser.write(body.slice(at, at + CHUNK));
    // A text node saxes still gathers counts against the bound before it is handed over.
    const pending = (parser as unknown as { text?: string }).text?.length ?? 0;
    if (pending > limits.maxTextChars) {
      fail(
        new VerificationReadError('file', 'verification.text_too_long', {
          max: limits.maxTextChars,
        }),
      );
    }
  }
  if (!failure && names.length > 0) {
    fail(
      new VerificationReadError('file', 'verification.xml_truncated', {
        element: names[names.length - 1]!,
      }),
    );
  }
  if (!failure) parser.close();
  if (failure) throw failure;
  if (elements === 0) {
    throw new VerificationReadError('file', 'verification.xml_broken', {
      line: 1,
      reason: 'no root element',
    });
  }
}
