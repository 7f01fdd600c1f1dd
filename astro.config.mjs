// Wiring only: what each piece does is documented where it lives.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { courseContentCheck } from './src/content-model/integration.ts';
import { relativeAssetUrls } from './src/build/relative-asset-urls.ts';
import { searchIndex } from './src/search/integration.ts';
import { buildTarget, linkStyleOf } from './src/build/target.ts';
import { publishDownloads } from './src/export/downloads.ts';

export default defineConfig({
  // Optional public address (SITE_URL=https://...): only then can pages carry
  // canonical and hreflang links, which must be absolute.
  site: process.env.SITE_URL || undefined,
  // Pages link to each other relatively, so the site also works under a
  // sub-path and inside SCORM packages; `site` is only for canonical metadata.
  trailingSlash: 'always',
  build: { format: 'directory' },
  i18n: {
    locales: ['en', 'es'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [courseContentCheck(), mdx(), react(), relativeAssetUrls(), searchIndex(), publishDownloads({ enabled: buildTarget === 'site' })],
  devToolbar: { enabled: false },
  vite: {
    // One link style for the server-rendered pages and the browser bundles (src/i18n/routes.ts).
    define: { __COURSE_LINK_STYLE__: JSON.stringify(linkStyleOf(buildTarget)) },
    build: {
      rolldownOptions: {
        // Known, harmless Astro 7 + Rolldown warning, once per MDX file
        // (withastro/astro#18087); other warnings still show.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
});
