/**
 * Fonts for the two renderers.
 *
 * PDF: Noto Sans SC (OFL) from the npm package @expo-google-fonts/noto-sans-sc, so PDFs render
 * Chinese without any system font. pdfkit embeds only the glyphs used (a subset), so a PDF stays
 * small even though each TTF is ~10 MB.
 *
 * Word: .docx files name fonts rather than embed them; Chinese reports conventionally use 宋体
 * (SimSun) for body text and 黑体 (SimHei) for headings, with Times New Roman for Latin text.
 * Word and LibreOffice substitute a local font when one is missing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface PdfFontFiles {
  readonly regular: string;
  readonly bold: string;
}

let cached: PdfFontFiles | undefined;

/** Absolute paths of the Noto Sans SC regular (400) and bold (700) TTFs. */
export function pdfFontFiles(): PdfFontFiles {
  cached ??= {
    regular:
      require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  };
  return cached;
}

/** Font names written into .docx styles. */
export const DOCX_FONTS = {
  /** East Asian body text: 宋体. */
  body: 'SimSun',
  /** East Asian headings, cover title and table headers: 黑体. */
  heading: 'SimHei',
  /** Latin text. */
  latin: 'Times New Roman',
} as const;

let data: { readonly regular: Buffer; readonly bold: Buffer } | undefined;

/** The two TTFs' bytes, read once per process (~10 MB each) and shared by every PDF render. */
export function pdfFontData(): { readonly regular: Buffer; readonly bold: Buffer } {
  if (!data) {
    const files = pdfFontFiles();
    data = { regular: readFileSync(files.regular), bold: readFileSync(files.bold) };
  }
  return data;
}
