/** The admin app's router: its route table (route.logic.ts) in the browser, through client-sync's createRouter. */
import { createRouter } from '@oa/client-sync/react';
import { parseRoute, toPath } from './route.logic';

export const { useRoute, navigate, Link } = createRouter(parseRoute, toPath);
