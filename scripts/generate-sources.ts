#!/usr/bin/env -S npx tsx
// Regenerates docs/sources.md from the catalogs (knowledge base, GB/T 22239 and GB/T 39204
// catalogs, holiday calendar). Run after changing any of them: `npx tsx scripts/generate-sources.ts`.
// src/catalogs/sources-doc.test.ts fails while the committed file is stale.
import { writeFileSync } from 'node:fs';
import { renderSourcesDoc, SOURCES_DOC_PATH } from '../src/catalogs/sources-doc';

writeFileSync(SOURCES_DOC_PATH, renderSourcesDoc());
console.log(`wrote ${SOURCES_DOC_PATH}`);
